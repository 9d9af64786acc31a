package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.Histories;
import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowStartOptions;
import dev.weft.worker.WorkerOptions;
import dev.weft.workflow.NonDeterministicException;
import dev.weft.workflow.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Replaying stored histories. {@code src/test/resources/histories} holds histories recorded from
 * this module's workflows; rewrite them with {@code -Dweft.histories.update=true}.
 */
@Timeout(60)
final class WorkflowReplayerTest {
    static final Path CORPUS = Path.of("src/test/resources/histories");

    private static final WorkflowReplayer CURRENT =
            WorkflowReplayer.of(Flows.RoundsImpl.class, Flows.RaceImpl.class, Flows.PatientImpl.class);

    @TestFactory
    Stream<DynamicTest> theRecordedHistoriesReplay() {
        return CURRENT.dynamicTests(CORPUS);
    }

    @Test
    void theCorpusIsWhatItShouldBe() throws IOException {
        if (Boolean.getBoolean("weft.histories.update")) {
            record(CORPUS);
        }
        List<String> names = new ArrayList<>();
        for (ReplayResult r : CURRENT.replayAll(CORPUS)) {
            assertTrue(r.succeeded(), () -> String.valueOf(r.failure()));
            names.add(r.name() + " " + r.type().name() + " " + r.events());
        }
        assertEquals(List.of("patient Patient 11", "race Race 22", "rounds Rounds 38"), names);
    }

    /** Rounds, changed to run each step before its wait instead of after: a change made without getVersion. */
    public static final class ChangedRounds implements Flows.Rounds {
        private final Flows.Steps steps = Workflow.newActivityStub(Flows.Steps.class);

        @Override
        public List<String> run() {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                out.add(steps.step("round " + i));
                Workflow.sleep(Duration.ofMinutes(10));
            }
            return out;
        }
    }

    @Test
    void aChangedClassIsReportedPerHistory() {
        WorkflowReplayer changed =
                WorkflowReplayer.of(ChangedRounds.class, Flows.RaceImpl.class, Flows.PatientImpl.class);
        List<ReplayResult> results = changed.replayAll(CORPUS);
        assertEquals(
                List.of(true, true, false),
                results.stream().map(ReplayResult::succeeded).toList());
        ReplayFailedException e = results.get(2).failure();
        assertEquals("rounds", e.getHistoryName());
        assertTrue(e.getMessage().startsWith("History rounds (Rounds/1, 38 events) did not replay: "), e.getMessage());
        NonDeterministicException cause = assertInstanceOf(NonDeterministicException.class, e.getCause());
        assertTrue(
                cause.getMessage()
                        .startsWith("[SWF-1100] Nondeterministic decision at event 5 (TimerStarted) during replay: the"
                                + " history holds StartTimer"),
                cause.getMessage());

        ReplayFailedException first =
                assertThrows(ReplayFailedException.class, () -> changed.replayAllFailFast(CORPUS));
        assertEquals("rounds", first.getHistoryName());
        assertEquals(3, CURRENT.replayAllFailFast(CORPUS));
    }

    @Test
    void anExportedHistoryReplaysFromItsFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("exported.json");
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.create()) {
            env.newWorker("test")
                    .workflows(Flows.RoundsImpl.class)
                    .activities((Flows.Steps) n -> n)
                    .start();
            Flows.Rounds rounds = env.getWorkflowClient().newWorkflowStub(Flows.Rounds.class);
            rounds.run();
            Files.writeString(
                    f,
                    env.getWorkflowClient()
                            .exportHistory(WorkflowClient.toUntyped(rounds).getExecution()));
        }
        CURRENT.replay(f);
        ReplayFailedException e = assertThrows(
                ReplayFailedException.class,
                () -> WorkflowReplayer.of(ChangedRounds.class).replay(f));
        assertEquals("exported", e.getHistoryName());
    }

    @Test
    void aHistoryOfAnUnknownTypeOrNoStartIsReported() throws IOException {
        List<HistoryEvent> h = Histories.read(CORPUS.resolve("race.json"));
        WorkflowExecution run =
                WorkflowExecution.builder().workflowId("race").runId("r").build();
        ReplayResult r = WorkflowReplayer.of(Flows.RoundsImpl.class).tryReplay("race", run, h);
        assertTrue(
                r.failure().getMessage().contains("No implementation of workflow type Race/1 is registered"),
                r.failure().getMessage());
        IllegalArgumentException noStart = assertThrows(
                IllegalArgumentException.class, () -> CURRENT.tryReplay("tail", run, h.subList(1, h.size())));
        assertEquals(
                "History tail does not begin with WorkflowExecutionStarted (it begins with DecisionTaskScheduled)",
                noStart.getMessage());
    }

    /** Runs the corpus's workflows and writes their histories. */
    private static void record(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.create()) {
            env.newWorker("test")
                    .workflows(Flows.RoundsImpl.class, Flows.RaceImpl.class, Flows.PatientImpl.class)
                    .activities((Flows.Steps) n -> "did " + n)
                    .options(WorkerOptions.newBuilder()
                            .identity("recorder")
                            .workflowCacheSize(0)
                            .build())
                    .start();
            WorkflowClient client = env.getWorkflowClient();
            client.newWorkflowStub(Flows.Rounds.class, id("rounds")).run();
            client.newWorkflowStub(Flows.Race.class, id("race")).run();
            Flows.Patient patient = client.newWorkflowStub(Flows.Patient.class, id("patient"));
            WorkflowExecution p = WorkflowClient.start(patient::run);
            env.sleep(Duration.ofMinutes(30));
            client.newUntypedStub(p.workflowId(), p.runId()).signal("poke", "the recorder");
            client.newUntypedStub(p.workflowId(), p.runId()).getResult(String.class);
            for (WorkflowExecution run : env.getExecutions()) {
                Files.writeString(folder.resolve(run.workflowId() + ".json"), client.exportHistory(run));
            }
        }
    }

    private static WorkflowStartOptions id(String workflowId) {
        return WorkflowStartOptions.newBuilder().workflowId(workflowId).build();
    }
}
