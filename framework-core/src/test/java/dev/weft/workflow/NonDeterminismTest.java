package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.WorkflowImplementations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Code changed under a running execution: replaying its history on the new code fails with a
 * report that names the event, what the history holds, what the code did, and where.
 */
final class NonDeterminismTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Steps {
        String a(String in);

        String b(String in);
    }

    public static final class StepsImpl implements Steps {
        @Override
        public String a(String in) {
            return "a(" + in + ")";
        }

        @Override
        public String b(String in) {
            return "b(" + in + ")";
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Flow {
        @WorkflowMethod
        String run(String in);
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Sub {
        @WorkflowMethod
        String sub(String in);
    }

    public static final class SubImpl implements Sub {
        @Override
        public String sub(String in) {
            return in;
        }
    }

    /** The original: a timer, then a and b in parallel, then a again. */
    public static final class Original implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Workflow.sleep(Duration.ofMinutes(1));
            Promise<String> x = Async.function(steps::a, in);
            Promise<String> y = Async.function(steps::b, in);
            return steps.a(x.get() + y.get());
        }
    }

    public static final class ChangedType implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Workflow.sleep(Duration.ofMinutes(1));
            Promise<String> x = Async.function(steps::b, in);
            Promise<String> y = Async.function(steps::b, in);
            return steps.a(x.get() + y.get());
        }
    }

    public static final class ChangedOrder implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Workflow.sleep(Duration.ofMinutes(1));
            Promise<String> y = Async.function(steps::b, in);
            Promise<String> x = Async.function(steps::a, in);
            return steps.a(x.get() + y.get());
        }
    }

    public static final class RemovedTimer implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Promise<String> x = Async.function(steps::a, in);
            Promise<String> y = Async.function(steps::b, in);
            return steps.a(x.get() + y.get());
        }
    }

    public static final class ChangedInput implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Workflow.sleep(Duration.ofMinutes(1));
            Promise<String> x = Async.function(steps::a, in);
            Promise<String> y = Async.function(steps::b, in);
            return steps.a(y.get() + x.get());
        }
    }

    public static final class AddedChild implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Workflow.sleep(Duration.ofMinutes(1));
            Workflow.newChildWorkflowStub(Sub.class).sub(in);
            Promise<String> x = Async.function(steps::a, in);
            Promise<String> y = Async.function(steps::b, in);
            return steps.a(x.get() + y.get());
        }
    }

    public static final class DroppedLastStep implements Flow {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run(String in) {
            Workflow.sleep(Duration.ofMinutes(1));
            Promise<String> x = Async.function(steps::a, in);
            Promise<String> y = Async.function(steps::b, in);
            return x.get() + y.get();
        }
    }

    private static List<HistoryEvent> originalHistory() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(Original.class).activities(new StepsImpl())) {
            WorkflowExecution run = t.start(Flow.class, "flow", "in");
            t.run();
            assertEquals("a(a(in)b(in))", t.result(run, String.class));
            return t.history(run);
        }
    }

    private static RuntimeException replay(List<HistoryEvent> history, Class<?> implementation) {
        WorkflowImplementations impls = new WorkflowImplementations().add(implementation, SubImpl.class);
        WorkflowExecution run =
                WorkflowExecution.builder().workflowId("flow").runId("r").build();
        try (ReplayDecider decider = new ReplayDecider(impls, DeciderOptions.DEFAULT, "weft-test")) {
            return assertThrows(
                    RuntimeException.class,
                    () -> decider.decide(new ReplayDecider.DecisionTask(
                            run,
                            history.get(0)
                                    .workflowExecutionStartedEventAttributes()
                                    .workflowType(),
                            -1,
                            0,
                            history)));
        }
    }

    private static final List<HistoryEvent> HISTORY = originalHistory();

    private static void assertReport(RuntimeException e, String expected, String callSite) {
        assertTrue(e instanceof NonDeterministicException, () -> "not a NonDeterministicException: " + e);
        String message = e.getMessage()
                .replaceAll("#=[0-9a-f]{16} \\(\\d+ chars\\)", "#=<hash>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", "<uuid>");
        String first = message.split("\n", -1)[0];
        assertEquals(expected, first);
        if (callSite != null) {
            assertTrue(
                    message.contains(
                            "\n    at dev.weft.workflow.NonDeterminismTest$" + callSite + "(NonDeterminismTest.java:"),
                    () -> "no call site " + callSite + " in: " + message);
        }
    }

    @Test
    void theOriginalCodeReplaysItsOwnHistory() {
        WorkflowImplementations impls = new WorkflowImplementations().add(Original.class);
        WorkflowExecution run =
                WorkflowExecution.builder().workflowId("flow").runId("r").build();
        try (ReplayDecider decider = new ReplayDecider(impls, DeciderOptions.DEFAULT, "weft-test")) {
            ReplayDecider.DecisionResult r = decider.decide(new ReplayDecider.DecisionTask(
                    run,
                    HISTORY.get(0).workflowExecutionStartedEventAttributes().workflowType(),
                    -1,
                    0,
                    HISTORY));
            assertEquals(List.of(), r.decisions(), "a closed history replays to its end with nothing to decide");
            assertTrue(decider.isClosed());
        }
    }

    @Test
    void aChangedActivityTypeIsReported() {
        assertReport(
                replay(HISTORY, ChangedType.class),
                "[SWF-1100] Nondeterministic decision at event 10 (ActivityTaskScheduled) during replay: the history"
                        + " holds ScheduleActivityTask activityId=2 type=Steps.a/1 input#=<hash>, but the workflow code"
                        + " produced ScheduleActivityTask activityId=2 type=Steps.b/1 input#=<hash>.",
                "ChangedType.run");
    }

    @Test
    void aChangedOrderIsReported() {
        assertReport(
                replay(HISTORY, ChangedOrder.class),
                "[SWF-1100] Nondeterministic decision at event 10 (ActivityTaskScheduled) during replay: the history"
                        + " holds ScheduleActivityTask activityId=2 type=Steps.a/1 input#=<hash>, but the workflow code"
                        + " produced ScheduleActivityTask activityId=2 type=Steps.b/1 input#=<hash>.",
                "ChangedOrder.run");
    }

    @Test
    void aRemovedTimerIsReported() {
        assertReport(
                replay(HISTORY, RemovedTimer.class),
                "[SWF-1100] Nondeterministic decision at event 5 (TimerStarted) during replay: the history holds"
                        + " StartTimer timerId=t1 startToFireTimeout=60, but the workflow code produced"
                        + " ScheduleActivityTask activityId=1 type=Steps.a/1 input#=<hash>.",
                "RemovedTimer.run");
    }

    @Test
    void aChangedInputIsReported() {
        RuntimeException e = replay(HISTORY, ChangedInput.class);
        assertReport(
                e,
                "[SWF-1100] Nondeterministic decision at event 22 (ActivityTaskScheduled) during replay: the history"
                        + " holds ScheduleActivityTask activityId=4 type=Steps.a/1 input#=<hash>, but the workflow code"
                        + " produced ScheduleActivityTask activityId=4 type=Steps.a/1 input#=<hash>.",
                "ChangedInput.run");
    }

    @Test
    void anAddedChildIsReported() {
        assertReport(
                replay(HISTORY, AddedChild.class),
                "[SWF-1100] Nondeterministic decision at event 10 (ActivityTaskScheduled) during replay: the history"
                        + " holds ScheduleActivityTask activityId=2 type=Steps.a/1 input#=<hash>, but the workflow code"
                        + " produced StartChildWorkflowExecution workflowId=<uuid> type=Sub/1"
                        + " input#=<hash>.",
                "AddedChild.run");
    }

    @Test
    void aDroppedStepIsReported() {
        assertReport(
                replay(HISTORY, DroppedLastStep.class),
                "[SWF-1100] Nondeterministic decision at event 22 (ActivityTaskScheduled) during replay: the history"
                        + " holds ScheduleActivityTask activityId=4 type=Steps.a/1 input#=<hash>, but the workflow code"
                        + " produced CompleteWorkflowExecution result#=<hash>.",
                null);
    }
}
