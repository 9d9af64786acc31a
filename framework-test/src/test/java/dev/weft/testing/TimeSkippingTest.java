package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Virtual time in the test environment: when it moves, and when it must not. */
@Timeout(60)
final class TimeSkippingTest {
    private static final Instant T0 = TestWorkflowEnvironment.DEFAULT_START;

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.create();
    private final WorkflowClient client = env.getWorkflowClient();

    /** Whether the test leaves executions that replay and no worker failures (most do). */
    private boolean clean = true;

    @AfterEach
    void close() {
        List<ReplayResult> replays = clean ? env.replayExecutions() : List.of();
        env.close();
        replays.forEach(r -> assertTrue(r.succeeded(), () -> String.valueOf(r.failure())));
        if (clean) {
            assertEquals(List.of(), env.getWorkerFailures());
        }
    }

    @Test
    void aWaitJumpsToTheNextTimerEvenMonthsAway() {
        env.newWorker("test").workflows(Flows.SleeperImpl.class).start();
        long wallStart = System.nanoTime();
        assertEquals("slept 3600s", client.newWorkflowStub(Flows.Sleeper.class).sleep(3600));
        long hourMillis = (System.nanoTime() - wallStart) / 1_000_000;
        assertEquals(T0.plus(Duration.ofHours(1)), env.currentTime());
        assertEquals(
                "slept 25920000s", client.newWorkflowStub(Flows.Sleeper.class).sleep(300L * 24 * 3600));
        assertEquals(T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(300)), env.currentTime());
        System.out.println("a one-hour timer took " + hourMillis + " ms of wall time");
    }

    @Test
    void timeStandsStillWhileAnActivityRuns() {
        List<Instant> seen = new CopyOnWriteArrayList<>();
        Flows.Steps steps = name -> {
            if (name.equals("during")) {
                holdUntilAWaitWasRefused(seen);
            }
            return name;
        };
        env.newWorker("test").workflows(Flows.RaceImpl.class).activities(steps).start();
        Flows.Race race = client.newWorkflowStub(Flows.Race.class);
        assertEquals(List.of("during", "after"), race.run());
        assertEquals(List.of(T0, T0), seen, "the activity saw time stand still while a wait tried to move it");
        WorkflowExecution run = WorkflowClient.toUntyped(race).getExecution();
        List<HistoryEvent> h = env.getHistory(run);
        assertEquals(T0, first(h, EventType.ACTIVITY_TASK_COMPLETED).eventTimestamp());
        assertEquals(T0.plusSeconds(60), first(h, EventType.TIMER_FIRED).eventTimestamp());
        assertTrue(
                first(h, EventType.ACTIVITY_TASK_COMPLETED).eventId()
                        < first(h, EventType.TIMER_FIRED).eventId(),
                "the activity completed before the timer fired");
    }

    @Test
    void timeStandsStillWhileADecisionRuns() {
        List<Instant> seen = new CopyOnWriteArrayList<>();
        Flows.Steps steps = name -> {
            holdUntilAWaitWasRefused(seen);
            return name;
        };
        env.newWorker("test")
                .workflows(Flows.LocalRaceImpl.class)
                .activities(steps)
                .start();
        assertEquals(
                List.of("during", T0.plusSeconds(60).toString()),
                client.newWorkflowStub(Flows.LocalRace.class).run());
        assertEquals(List.of(T0, T0), seen, "the local activity, inside a decision task, saw time stand still");
    }

    /** Called on an activity's thread: waits until a client's wait has twice found work in flight. */
    private void holdUntilAWaitWasRefused(List<Instant> seen) {
        seen.add(env.currentTime());
        int before = env.skipRefusals();
        while (env.skipRefusals() < before + 2) {
            Thread.onSpinWait();
        }
        seen.add(env.currentTime());
    }

    @Test
    void sleepMovesTimeDeadlineByDeadlineAndLetsTheWorkFinish() {
        List<Instant> ran = new CopyOnWriteArrayList<>();
        Flows.Steps steps = name -> {
            ran.add(env.currentTime());
            return name;
        };
        env.setAutoSkip(false);
        env.newWorker("test")
                .workflows(Flows.RoundsImpl.class)
                .activities(steps)
                .start();
        Flows.Rounds rounds = client.newWorkflowStub(Flows.Rounds.class);
        WorkflowExecution run = WorkflowClient.start(rounds::run);
        env.sleep(Duration.ofMinutes(25));
        assertEquals(List.of(T0.plusSeconds(600), T0.plusSeconds(1200)), ran);
        assertEquals(T0.plusSeconds(1500), env.currentTime());
        env.sleep(Duration.ofMinutes(5));
        assertEquals(3, ran.size(), "the third round's step ran before sleep returned");
        assertEquals(
                List.of("round 1", "round 2", "round 3"),
                client.newUntypedStub(run.workflowId(), run.runId()).getResult(List.class));
    }

    @Test
    void withAutoSkipOffAWaitLeavesTimeAlone() throws Exception {
        env.newWorker("test").workflows(Flows.PatientImpl.class).start();
        env.setAutoSkip(false);
        WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Flows.Patient.class)::run);
        WorkflowStub stub = client.newUntypedStub(run.workflowId(), run.runId());
        assertThrows(TimeoutException.class, () -> stub.getResult(Duration.ofMillis(100), String.class));
        assertEquals(T0, env.currentTime());
        stub.signal("poke", "the test");
        assertEquals("poked by the test", stub.getResult(String.class), "the signal needed no time to pass");
        assertEquals(T0, env.currentTime());
    }

    @Test
    void aWaitForASignalThatNeverComesEndsAtTheTimeoutInsteadOfHanging() {
        env.newWorker("test").workflows(Flows.PatientImpl.class).start();
        assertEquals(
                "gave up at " + T0.plus(Duration.ofHours(1)),
                client.newWorkflowStub(Flows.Patient.class).run());
    }

    @Test
    void aTaskOnAListNobodyPollsWaitsForItsTimeoutNotForever() {
        env.newWorker("test").workflows(Flows.StrandedImpl.class).start();
        env.getEngine()
                .registerActivityType(
                        r -> r.domain(env.getDomain()).name("Unserved.nobody").version("1"));
        assertEquals(
                "at " + T0.plus(Duration.ofMinutes(5)) + ": TimeoutFailure",
                client.newWorkflowStub(Flows.Stranded.class).run());
    }

    @Test
    void aFailedDecisionEndsTheWaitWithItsCause() {
        clean = false; // The failure is the point; its history would fail its replay the same way.
        env.newWorker("test").workflows(Flows.BrokenImpl.class).start();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> client.newWorkflowStub(Flows.Broken.class).run());
        assertTrue(e.getMessage().startsWith("The decision task of Broken/1 ("), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(") failed in a test worker, so the execution cannot progress: [SWF-1300]"
                                + " Workflow Broken/1 ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("threw java.lang.IllegalStateException: the workflow's own bug."));
        assertEquals(1, env.getWorkerFailures().size());
    }

    private static HistoryEvent first(List<HistoryEvent> h, EventType type) {
        return h.stream()
                .filter(e -> e.eventType() == type)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + new ArrayList<>(h)));
    }
}
