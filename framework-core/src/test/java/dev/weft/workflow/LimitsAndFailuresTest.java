package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.internal.replay.DeciderOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** SWF's limits, close decisions racing new events, and what happens when workflow code breaks. */
final class LimitsAndFailuresTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Echo {
        String echo(String s);
    }

    public static final class EchoImpl implements Echo {
        @Override
        public String echo(String s) {
            return s;
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Job {
        @WorkflowMethod
        String run(String mode, int n);

        @SignalMethod
        void poke(String what);
    }

    static volatile boolean release;

    public static final class JobImpl implements Job {
        private final Echo echo = Workflow.newActivityStub(Echo.class);
        private final List<String> pokes = new ArrayList<>();

        @Override
        public String run(String mode, int n) {
            switch (mode) {
                case "fanOut" -> {
                    List<Promise<String>> all = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        all.add(Async.function(echo::echo, "e" + i));
                    }
                    Promise.allOf(all).get();
                    return all.size() + " done, history " + Workflow.getInfo().getHistoryLength();
                }
                case "tooBig" -> {
                    try {
                        echo.echo("x".repeat(40_000));
                        return "unexpected";
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                }
                case "poked" -> {
                    Workflow.await(() -> !pokes.isEmpty());
                    return String.join(",", pokes);
                }
                case "npe" -> {
                    String s = n > 0 ? null : "never";
                    return s.trim();
                }
                case "spin" -> {
                    while (!release) {
                        Thread.onSpinWait();
                    }
                    return "released";
                }
                default -> {
                    throw new IllegalArgumentException(mode);
                }
            }
        }

        @Override
        public void poke(String what) {
            pokes.add(what);
        }
    }

    /** The same workflow with its bug fixed. */
    public static final class FixedJobImpl implements Job {
        @Override
        public String run(String mode, int n) {
            return "fixed";
        }

        @Override
        public void poke(String what) {}
    }

    private static WorkflowTesting testing() {
        return new WorkflowTesting().workflows(JobImpl.class).activities(new EchoImpl());
    }

    @Test
    void moreThanAHundredDecisionsGoOutAHundredAtATime() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Job.class, "fan", "fanOut", 250);
            t.run();
            assertTrue(t.<String>result(run, String.class).startsWith("250 done"));
            List<Integer> sizes = new ArrayList<>();
            for (List<Decision> d : t.decisionLog) {
                sizes.add(d.size());
            }
            assertEquals(List.of(100, 100, 52), sizes.subList(0, 3), "99 activities and a timer, twice, then the rest");
            assertEquals(DecisionType.START_TIMER, t.decisionLog.get(0).get(99).decisionType());
            assertEquals(
                    "weft-more-1",
                    t.decisionLog.get(0).get(99).startTimerDecisionAttributes().timerId());
            assertEquals(
                    "0",
                    t.decisionLog.get(0).get(99).startTimerDecisionAttributes().startToFireTimeout());
            assertEquals(250, t.events(run, EventType.ACTIVITY_TASK_SCHEDULED).size());
            List<String> ids = t.events(run, EventType.ACTIVITY_TASK_SCHEDULED).stream()
                    .map(e -> e.activityTaskScheduledEventAttributes().input())
                    .toList();
            assertEquals("[\"e0\"]", ids.get(0));
            assertEquals("[\"e249\"]", ids.get(249), "in the order the code made them");
        }
    }

    @Test
    void anOversizeInputFailsTheCallWithAMessageNamingIt() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Job.class, "big", "tooBig", 0);
            t.run();
            assertEquals(
                    "The input of activity Echo.echo is 40004 characters, over SWF's limit of 32768. Pass a reference"
                            + " (an S3 key, a database id) instead of the data itself.",
                    t.result(run, String.class));
        }
    }

    @Test
    void aCloseDecisionThatRacesASignalIsMadeAgainAfterIt() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Job.class, "race", "poked", 0);
            t.run(Duration.ZERO);
            t.signal(run, "poke", "first");
            t.beforeRespond = () -> t.signal(run, "poke", "second");
            t.run();
            List<HistoryEvent> failed = t.events(run, EventType.COMPLETE_WORKFLOW_EXECUTION_FAILED);
            assertEquals(1, failed.size());
            assertEquals(
                    "UNHANDLED_DECISION",
                    failed.get(0)
                            .completeWorkflowExecutionFailedEventAttributes()
                            .causeAsString());
            assertEquals("first", t.result(run, String.class), "the result was decided before the second signal");
        }
    }

    @Test
    void anUnexpectedExceptionFailsTheDecisionTaskUntilAFixIsDeployed() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Job.class, "npe", "npe", 1);
            t.run(Duration.ofMinutes(2));
            assertFalse(t.decisionFailures.isEmpty());
            String m = t.decisionFailures.get(0).getMessage();
            assertTrue(
                    m.startsWith(
                            "[SWF-1300] Workflow Job/1 (npe/" + run.runId() + ") threw java.lang.NullPointerException"),
                    m);
            assertTrue(
                    m.endsWith(
                            "The decision task is left to time out and be retried, so that a fixed deployment can"
                                    + " carry on. Throw a WeftFailure (such as ApplicationFailure) to fail the workflow instead."),
                    m);
            assertFalse(t.events(run, EventType.DECISION_TASK_TIMED_OUT).isEmpty());
            t.decisionFailures.clear();
            t.redeploy(FixedJobImpl.class);
            t.run();
            assertEquals("fixed", t.result(run, String.class));
        }
    }

    @Test
    void anUnexpectedExceptionFailsTheWorkflowWhenSoConfigured() {
        try (WorkflowTesting t = testing()) {
            t.options(DeciderOptions.DEFAULT.withFailWorkflowOnError(true));
            WorkflowExecution run = t.start(Job.class, "npe2", "npe", 1);
            t.run();
            HistoryEvent last = t.closeEvent(run);
            assertEquals(EventType.WORKFLOW_EXECUTION_FAILED, last.eventType());
            assertEquals(
                    "java.lang.NullPointerException",
                    last.workflowExecutionFailedEventAttributes().reason());
        }
    }

    @Test
    void aWorkflowThreadThatNeverYieldsIsReportedWithAThreadDump() {
        release = false;
        try (WorkflowTesting t = testing()) {
            t.options(DeciderOptions.DEFAULT.withDeadlockTimeout(Duration.ofMillis(200)));
            t.checkReplay = false;
            t.start(Job.class, "spin", "spin", 0);
            t.run(Duration.ZERO);
            release = true;
            assertEquals(1, t.decisionFailures.size());
            String m = t.decisionFailures.get(0).getMessage();
            assertTrue(m.startsWith("[SWF-1200] Workflow spin/"), m);
            assertTrue(m.contains("did not yield for 200 ms"), m);
            assertTrue(m.contains("LimitsAndFailuresTest$JobImpl.run(LimitsAndFailuresTest.java:"), m);
            t.decisionFailures.clear();
        }
    }
}
