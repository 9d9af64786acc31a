package dev.weft.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.GetState;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.WorkflowImplementations;
import dev.weft.worker.Worker;
import dev.weft.worker.WorkerTesting;
import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.StepAction;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

/** The workflow client against the engine, with a worker on real threads where a run must progress. */
@org.junit.jupiter.api.Timeout(60)
final class WorkflowClientTest {
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    public record Progress(String phase, List<String> notes) {}

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1h")
    public interface Job {
        @WorkflowMethod
        String run(String mode);

        @SignalMethod
        void note(String text);

        @GetState
        Progress progress();
    }

    public static final class JobImpl implements Job {
        private final List<String> notes = new ArrayList<>();
        private String phase = "started";

        @Override
        public String run(String mode) {
            switch (mode) {
                case "echo" -> {
                    return "echo";
                }
                case "fail" -> throw ApplicationFailure.newFailure("not today", Refused.class.getName());
                case "notes" -> {
                    phase = "waiting";
                    Workflow.await(() -> notes.size() >= 2);
                    phase = "done";
                    return String.join("+", notes);
                }
                case "forever" -> Workflow.await(() -> false);
                case "continue" -> throw Workflow.continueAsNew("echo");
                case "approve" -> {
                    phase = "building";
                    StepAction a = Workflow.waitForAction("approve");
                    phase = a.isStop() ? "stopped" : "approved";
                    if (a.isStop()) {
                        throw ApplicationFailure.newFailure("stopped: " + a.getReason(), "Stopped");
                    }
                    return "released (" + a.getReason() + ")";
                }
                default -> throw new IllegalArgumentException(mode);
            }
            return mode;
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }

        @Override
        public Progress progress() {
            return new Progress(phase, List.copyOf(notes));
        }
    }

    private static WorkflowClient client(WorkerTesting t) {
        return WorkflowClient.create(
                t.engine,
                WorkerTesting.DOMAIN,
                WorkflowClientOptions.newBuilder()
                        .maxResultPollInterval(Duration.ofMillis(20))
                        .build());
    }

    /** A harness with Job registered and no worker: runs stay where they are. */
    private static WorkerTesting withoutWorker() {
        WorkerTesting t = new WorkerTesting();
        t.engine.registerWorkflowType(r -> r.domain(WorkerTesting.DOMAIN)
                .name("Job")
                .version("1")
                .defaultTaskList(l -> l.name(WorkerTesting.TASKS))
                .defaultChildPolicy("TERMINATE")
                .defaultTaskStartToCloseTimeout("30"));
        return t;
    }

    private static WorkerTesting withWorker() {
        WorkerTesting t = new WorkerTesting();
        t.start(List.of(JobImpl.class), List.of());
        return t;
    }

    @Test
    void aTypedStubStartsWaitsSignalsAndReadsState() {
        try (WorkerTesting t = withWorker()) {
            WorkflowClient client = client(t);
            Job job = client.newWorkflowStub(
                    Job.class,
                    WorkflowStartOptions.newBuilder().workflowId("echo").build());
            assertEquals("echo", job.run("echo"));
            assertEquals("echo", WorkflowClient.toUntyped(job).getExecution().workflowId());

            WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "notes");
            Job existing = client.newWorkflowStub(Job.class, run.workflowId());
            existing.note("a");
            t.events.await(
                    () -> existing.progress() != null
                            && existing.progress().notes().size() == 1,
                    "the first note");
            assertEquals(new Progress("waiting", List.of("a")), existing.progress());
            existing.note("b");
            assertEquals(
                    "a+b", client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class));
            assertEquals(new Progress("done", List.of("a", "b")), existing.progress());
        }
    }

    @Test
    void eachWayAnExecutionClosesBecomesItsOwnException() throws Exception {
        try (WorkerTesting t = withWorker()) {
            WorkflowClient client = client(t);
            WorkflowFailedException failed = assertThrows(
                    WorkflowFailedException.class,
                    () -> client.newWorkflowStub(Job.class).run("fail"));
            assertEquals(Refused.class.getName(), failed.getReason());
            assertInstanceOf(Refused.class, failed.getCause());
            assertEquals("not today", failed.getCause().getMessage());

            WorkflowExecution canceled = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "forever");
            WorkflowStub c = client.newUntypedStub(canceled.workflowId(), null);
            assertThrows(TimeoutException.class, () -> c.getResult(Duration.ofMillis(50), String.class));
            c.cancel();
            WorkflowCanceledException ce =
                    assertThrows(WorkflowCanceledException.class, () -> c.getResult(String.class));
            assertEquals(canceled, ce.getExecution());

            WorkflowExecution terminated = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "forever");
            WorkflowStub term = client.newUntypedStub(terminated.workflowId(), terminated.runId());
            term.terminate("enough", "details", null);
            WorkflowTerminatedException te =
                    assertThrows(WorkflowTerminatedException.class, () -> term.getResult(String.class));
            assertEquals("enough", te.getReason());
            assertEquals(null, te.getTerminationCause(), "SWF sets a cause only when it terminates on its own");

            WorkflowExecution timedOut = WorkflowClient.start(
                    client.newWorkflowStub(
                            Job.class,
                            WorkflowStartOptions.newBuilder()
                                    .executionStartToCloseTimeout(Duration.ofMinutes(5))
                                    .build())::run,
                    "forever");
            t.engine.advance(Duration.ofMinutes(5));
            assertThrows(
                    WorkflowTimedOutException.class,
                    () -> client.newUntypedStub(timedOut.workflowId(), null).getResult(String.class));

            Job continued = client.newWorkflowStub(Job.class);
            assertEquals("echo", continued.run("continue"), "the result of the run it continued as");
        }
    }

    @Test
    void startingAnOpenWorkflowIdIsRefusedWithATypedException() {
        try (WorkerTesting t = withoutWorker()) {
            WorkflowClient client = client(t);
            WorkflowStartOptions once =
                    WorkflowStartOptions.newBuilder().workflowId("once").build();
            WorkflowClient.start(client.newWorkflowStub(Job.class, once)::run, "forever");
            WorkflowAlreadyStartedException e = assertThrows(
                    WorkflowAlreadyStartedException.class,
                    () -> WorkflowClient.start(client.newWorkflowStub(Job.class, once)::run, "forever"));
            assertEquals(
                    "Workflow id once has an open execution in domain workers already. Use another id, or work with"
                            + " the open one (newWorkflowStub(type, workflowId)).",
                    e.getMessage());
        }
    }

    @Test
    void anUntypedStubStartsSignalsAndWaitsByTypeName() {
        try (WorkerTesting t = withWorker()) {
            WorkflowClient client = client(t);
            WorkflowStub stub = client.newUntypedStub(
                    "Job",
                    "1",
                    WorkflowStartOptions.newBuilder()
                            .executionStartToCloseTimeout(Duration.ofHours(1))
                            .taskList(WorkerTesting.TASKS)
                            .tags("untyped")
                            .build());
            stub.start("notes");
            stub.signal("note", "x");
            stub.signal("note", "y");
            assertEquals("x+y", stub.getResult(String.class));
            assertEquals(List.of("untyped"), stub.describe().executionInfo().tagList());
        }
    }

    @Test
    void visibilityListsAndCountsExecutionsPageByPage() {
        try (WorkerTesting t = withoutWorker()) {
            WorkflowClient client = client(t);
            for (int i = 0; i < 250; i++) {
                WorkflowStartOptions.Builder o =
                        WorkflowStartOptions.newBuilder().workflowId("v-" + i);
                if (i % 10 == 0) {
                    o.tags("tenth");
                }
                WorkflowClient.start(client.newWorkflowStub(Job.class, o.build())::run, "forever");
            }
            for (int i = 0; i < 5; i++) {
                client.newUntypedStub("v-" + i, null).terminate("cleanup", null, null);
            }
            Instant from = WorkerTesting.T0.minusSeconds(1);
            Instant to = WorkerTesting.T0.plusSeconds(1);
            List<String> ids = new ArrayList<>();
            for (WorkflowExecutionInfo i : client.listOpen(ExecutionFilter.startedBetween(from, to), 50)) {
                ids.add(i.execution().workflowId());
            }
            assertEquals(245, ids.size(), "five pages of 50 less the five closed");
            assertEquals(245, ids.stream().distinct().count());
            assertEquals(
                    new WorkflowClient.Count(245, false),
                    client.countOpen(ExecutionFilter.startedBetween(from, to).type("Job", "1")));
            assertEquals(
                    new WorkflowClient.Count(24, false),
                    client.countOpen(ExecutionFilter.startedBetween(from, to).tag("tenth")),
                    "v-0 (tagged) was terminated");
            assertEquals(
                    new WorkflowClient.Count(5, false),
                    client.countClosed(ExecutionFilter.closedBetween(from, to).closeStatus(CloseStatus.TERMINATED)));
            List<String> closed = new ArrayList<>();
            client.listClosed(ExecutionFilter.startedBetween(from, to).workflowId("v-3"), 1)
                    .forEach(i -> closed.add(i.closeStatusAsString()));
            assertEquals(List.of("TERMINATED"), closed);
            IllegalArgumentException both = assertThrows(
                    IllegalArgumentException.class,
                    () -> ExecutionFilter.startedBetween(from, to).tag("a").workflowId("b"));
            assertEquals(
                    "SWF filters by one of workflowId, type, tag and closeStatus; this filter has tag already, so it"
                            + " cannot take workflowId too",
                    both.getMessage());
        }
    }

    @Test
    void anExportedHistoryReadsBackAndReplays() {
        try (WorkerTesting t = withWorker()) {
            WorkflowClient client = client(t);
            WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "notes");
            client.newUntypedStub(run.workflowId(), null).signal("note", "1");
            client.newUntypedStub(run.workflowId(), null).signal("note", "2");
            client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class);
            String json = client.exportHistory(run);
            assertTrue(json.startsWith("{\n    \"events\": [\n        {\n"), json.substring(0, 40));
            assertTrue(json.contains("\"eventTimestamp\": \"2026-01-01T00:00:00+00:00\""), "ISO times, as the CLI");
            List<HistoryEvent> back = Histories.fromJson(json);
            assertEquals(client.history(run), back);
            ReplayDecider d = new ReplayDecider(
                    new WorkflowImplementations().add(JobImpl.class), DeciderOptions.DEFAULT, WorkerTesting.DOMAIN);
            d.decide(new ReplayDecider.DecisionTask(
                    run, back.get(0).workflowExecutionStartedEventAttributes().workflowType(), -1, 0, back));
            assertTrue(d.isClosed(), "the exported history replays to its close");
            d.close();
            String cliV1 = json.replace("\"2026-01-01T00:00:00+00:00\"", "1767225600.0");
            assertEquals(back, Histories.fromJson(cliV1), "epoch seconds, as the CLI v1 prints them, read too");
        }
    }

    @Test
    void aQueryByReplayNeedsNoWorkerAndSeesEventsNotYetDecided() throws InterruptedException {
        try (WorkerTesting t = new WorkerTesting()) {
            WorkflowClient client = client(t);
            Worker w = t.start(List.of(JobImpl.class), List.of());
            WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "notes");
            t.events.await(() -> t.events.closed.size() == 0 && t.history(run).size() >= 4, "the first decision");
            w.shutdown();
            assertTrue(w.awaitTermination(Duration.ofSeconds(10)));
            client.newUntypedStub(run.workflowId(), null).signal("note", "late");
            assertEquals(
                    new Progress("waiting", List.of("late")), client.queryByReplay(JobImpl.class, run, Progress.class));
            assertEquals(
                    new Progress("waiting", List.of()),
                    client.newWorkflowStub(Job.class, run.workflowId()).progress(),
                    "the published state is the last decision's");
        }
    }

    @Test
    void stepActionsResumeOrStopAWaitingStepOnceEach() {
        try (WorkerTesting t = withWorker()) {
            WorkflowClient client = client(t);
            WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "approve");
            WorkflowStub stub = client.newUntypedStub(run.workflowId(), run.runId());
            t.events.await(() -> stub.getWaitingSteps().equals(List.of("approve")), "the step to wait");

            StepNotFoundException notWaiting = assertThrows(
                    StepNotFoundException.class,
                    () -> client.sendStepAction(run, "deploy", StepAction.ActionType.RESUME, "go", "t0"));
            assertEquals(
                    "Step 'deploy' of " + run.workflowId() + " is not waiting for an action (waiting: [approve])",
                    notWaiting.getMessage());

            WorkflowClient.StepActionResult first =
                    client.sendStepAction(run, "approve", StepAction.ActionType.RESUME, "looks good", "t1");
            assertEquals("released (looks good)", stub.getResult(String.class));
            WorkflowClient.StepActionResult again =
                    client.sendStepAction(run, "approve", StepAction.ActionType.RESUME, "looks good", "t1");
            assertEquals(first, again, "a repeated token returns the first answer");
            assertEquals(
                    1,
                    t.events(run, EventType.WORKFLOW_EXECUTION_SIGNALED).size(),
                    "and sends nothing: the execution is closed, and was signaled once");
            IdempotentParameterMismatchException mismatch = assertThrows(
                    IdempotentParameterMismatchException.class,
                    () -> client.sendStepAction(run, "approve", StepAction.ActionType.STOP, "changed", "t1"));
            assertEquals(
                    "Client token t1 was used for RESUME of step 'approve' (looks good) already; this call asks for STOP"
                            + " of step 'approve' (changed). Use a new token for a new action.",
                    mismatch.getMessage());
        }
    }

    @Test
    void aStoppedStepAndTheRulesForExecutionsThatAreNotThere() throws TimeoutException {
        try (WorkerTesting t = withWorker()) {
            WorkflowClient client = client(t);
            WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Job.class)::run, "approve");
            WorkflowStub stub = client.newUntypedStub(run.workflowId(), run.runId());
            stub.awaitWaitingStep("approve", Duration.ofSeconds(30));
            assertEquals(List.of("approve"), stub.getWaitingSteps());
            assertThrows(TimeoutException.class, () -> stub.awaitWaitingStep("deploy", Duration.ofMillis(30)));
            WorkflowClient.StepActionResult r =
                    client.sendStepAction(run, "approve", StepAction.ActionType.STOP, "tests failed", null);
            assertEquals(36, r.clientToken().length(), "a token was made: " + r.clientToken());
            WorkflowFailedException stopped =
                    assertThrows(WorkflowFailedException.class, () -> stub.getResult(String.class));
            assertEquals("Stopped", stopped.getReason());
            assertEquals(new Progress("stopped", List.of()), stub.getState(Progress.class));
            StepNotFoundException gone = assertThrows(
                    StepNotFoundException.class, () -> stub.awaitWaitingStep("approve", Duration.ofSeconds(1)));
            assertEquals(
                    "Execution " + run.workflowId() + "/" + run.runId()
                            + " closed (FAILED) without step 'approve' waiting for an action",
                    gone.getMessage());

            StepNotFoundException closed = assertThrows(
                    StepNotFoundException.class,
                    () -> client.sendStepAction(run, "approve", StepAction.ActionType.RESUME, null, "t9"));
            assertEquals(
                    "Execution " + run.workflowId() + "/" + run.runId() + " is closed: it has no step waiting for an"
                            + " action",
                    closed.getMessage());
            WorkflowExecution nowhere =
                    WorkflowExecution.builder().workflowId("nowhere").build();
            StepNotFoundException unknown = assertThrows(
                    StepNotFoundException.class,
                    () -> client.sendStepAction(nowhere, "approve", StepAction.ActionType.RESUME, null, null));
            assertEquals("No execution nowhere in domain workers to send a step action to", unknown.getMessage());
        }
    }
}
