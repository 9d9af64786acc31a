package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Child workflows, signals to them and to other executions, and cancel requests across executions. */
final class ChildWorkflowTest {
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Counter {
        @WorkflowMethod
        int count(int upTo);

        @SignalMethod
        void bump(int by);
    }

    public static final class CounterImpl implements Counter {
        private int total;
        private int bumps;

        @Override
        public int count(int upTo) {
            if (upTo < 0) {
                throw ApplicationFailure.newFailure("negative: " + upTo, "BadInput");
            }
            Workflow.await(() -> bumps >= 2);
            return total + upTo;
        }

        @Override
        public void bump(int by) {
            total += by;
            bumps++;
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Parent {
        @WorkflowMethod
        String run(String mode);
    }

    public static final class ParentImpl implements Parent {
        @Override
        public String run(String mode) {
            switch (mode) {
                case "child" -> {
                    Counter child = Workflow.newChildWorkflowStub(
                            Counter.class,
                            ChildWorkflowOptions.newBuilder()
                                    .workflowId("child-of-" + Workflow.getInfo().getWorkflowId())
                                    .build());
                    Promise<Integer> result = Async.function(child::count, 10);
                    WorkflowExecution started =
                            Workflow.getWorkflowExecution(child).get();
                    child.bump(1);
                    child.bump(2);
                    return started.workflowId() + " = " + result.get();
                }
                case "failingChild" -> {
                    Counter child = Workflow.newChildWorkflowStub(Counter.class);
                    try {
                        child.count(-1);
                        return "unexpected";
                    } catch (ChildWorkflowFailure e) {
                        ApplicationFailure cause = (ApplicationFailure) e.getCause();
                        return cause.getType() + ": " + cause.getMessage();
                    }
                }
                case "external" -> {
                    Counter other = Workflow.newExternalWorkflowStub(Counter.class, "counter-x");
                    other.bump(5);
                    Workflow.signalExternalWorkflow("counter-x", null, "bump", 6);
                    try {
                        Workflow.newExternalWorkflowStub(Counter.class, "nobody")
                                .bump(1);
                        return "unexpected";
                    } catch (ApplicationFailure e) {
                        return "signaled; " + e.getType();
                    }
                }
                case "cancelOther" -> {
                    Workflow.requestCancelWorkflow("sleepy", null).get();
                    return "asked";
                }
                default -> {
                    throw new IllegalArgumentException(mode);
                }
            }
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Sleepy {
        @WorkflowMethod
        String sleep();
    }

    public static final class SleepyImpl implements Sleepy {
        @Override
        public String sleep() {
            try {
                Workflow.sleep(Duration.ofHours(10));
                return "rested";
            } catch (CanceledFailure e) {
                Workflow.newDetachedCancellationScope(() -> Workflow.sleep(Duration.ofSeconds(1)))
                        .run();
                throw e;
            }
        }
    }

    private static WorkflowTesting testing() {
        return new WorkflowTesting().workflows(ParentImpl.class, CounterImpl.class, SleepyImpl.class);
    }

    @Test
    void aParentStartsAChildSignalsItAndGetsItsResult() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Parent.class, "p1", "child");
            t.run();
            assertEquals("child-of-p1 = 13", t.result(run, String.class));
            HistoryEvent done =
                    t.events(run, EventType.CHILD_WORKFLOW_EXECUTION_COMPLETED).get(0);
            WorkflowExecution child =
                    done.childWorkflowExecutionCompletedEventAttributes().workflowExecution();
            assertEquals(
                    List.of("bump [1]", "bump [2]"),
                    t.events(child, EventType.WORKFLOW_EXECUTION_SIGNALED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ WorkflowExecutionSignaled ", ""))
                            .toList());
            assertEquals(
                    run,
                    t.history(child)
                            .get(0)
                            .workflowExecutionStartedEventAttributes()
                            .parentWorkflowExecution());
        }
    }

    @Test
    void aChildsFailureReachesTheParentWithItsType() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Parent.class, "p2", "failingChild");
            t.run();
            assertEquals("BadInput: negative: -1", t.result(run, String.class));
        }
    }

    @Test
    void signalsReachOtherExecutionsAndAnUnknownOneFailsTheSignal() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution counter = t.start(Counter.class, "counter-x", 100);
            WorkflowExecution run = t.start(Parent.class, "p3", "external");
            t.run();
            assertEquals("signaled; UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION", t.result(run, String.class));
            assertEquals(111, (int) t.result(counter, Integer.class));
        }
    }

    @Test
    void aCancelRequestFromAnotherWorkflowCancelsItsTimerAndItClosesCanceled() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution sleepy = t.start(Sleepy.class, "sleepy");
            t.run(Duration.ZERO);
            WorkflowExecution run = t.start(Parent.class, "p4", "cancelOther");
            t.run();
            assertEquals("asked", t.result(run, String.class));
            assertEquals(
                    List.of(
                            "WorkflowExecutionStarted input=null",
                            "DecisionTaskScheduled",
                            "DecisionTaskStarted",
                            "DecisionTaskCompleted",
                            "TimerStarted t1 36000s",
                            "WorkflowExecutionCancelRequested",
                            "DecisionTaskScheduled",
                            "DecisionTaskStarted",
                            "DecisionTaskCompleted",
                            "TimerCanceled t1",
                            "TimerStarted t2 1s",
                            "TimerFired t2",
                            "DecisionTaskScheduled",
                            "DecisionTaskStarted",
                            "DecisionTaskCompleted",
                            "WorkflowExecutionCanceled"),
                    compact(t.history(sleepy)).stream()
                            .map(l -> l.replaceFirst("^\\d+ ", ""))
                            .toList(),
                    "the cleanup ran in a detached scope after the cancel");
        }
    }
}
