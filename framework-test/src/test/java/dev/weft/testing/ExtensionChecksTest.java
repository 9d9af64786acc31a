package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.workflow.NonDeterministicException;
import dev.weft.workflow.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What the extension checks after a test: fixture test classes (nested, so that the build does not
 * run them on their own) are run through JUnit's engine test kit and their outcomes examined.
 */
final class ExtensionChecksTest {
    @Test
    void aNonDeterministicChangeFailsTheTestWithTheReport() {
        Throwable failure = onlyFailure(Drifting.class);
        assertInstanceOf(AssertionError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("History drifting (Drift/1, "), message);
        assertTrue(message.contains("did not replay: "), message);
        assertEquals(1, failure.getSuppressed().length);
        ReplayFailedException replay = assertInstanceOf(ReplayFailedException.class, failure.getSuppressed()[0]);
        NonDeterministicException report = assertInstanceOf(NonDeterministicException.class, replay.getCause());
        assertTrue(
                report.getMessage()
                        .startsWith("[SWF-1100] Nondeterministic decision at event 5 (ActivityTaskScheduled) during"
                                + " replay: the history holds ScheduleActivityTask activityId=1 type=Steps.first/1"
                                + " input#=none, but the workflow code produced ScheduleActivityTask activityId=1"
                                + " type=Steps.second/1 input#=none."),
                report.getMessage());
        assertTrue(report.getMessage().contains("at dev.weft.testing.ExtensionChecksTest$DriftImpl.run("));
        assertTrue(message.contains(report.getMessage()), "the test's failure carries the whole report");
    }

    @Test
    void aFailedTestPrintsItsHistories() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Throwable failure;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            failure = onlyFailure(Failing.class);
        } finally {
            System.setErr(err);
        }
        assertEquals("the test's own assertion", failure.getMessage());
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Histories of failsAfterAWorkflowRan(TestWorkflowEnvironment):\n  failing/"), out);
        assertTrue(out.contains("    1 WorkflowExecutionStarted Sleeper/1 input=[60]\n"), out);
        assertTrue(out.contains("    5 TimerStarted id=t1 60s\n    6 TimerFired id=t1\n"), out);
        assertTrue(out.contains(" WorkflowExecutionCompleted result=\"slept 60s\"\n"), out);
    }

    private static Throwable onlyFailure(Class<?> fixture) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents()
                .failed()
                .list();
        assertEquals(1, failed.size(), () -> "failed tests: " + failed);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Steps {
        String first();

        String second();
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1h")
    public interface Drift {
        @WorkflowMethod
        String run();
    }

    /** Calls Steps.first; once {@link #changed}, Steps.second instead: a change made without getVersion. */
    public static final class DriftImpl implements Drift {
        static volatile boolean changed;
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public String run() {
            return changed ? steps.second() : steps.first();
        }
    }

    static final class Drifting {
        @RegisterExtension
        final WeftExtension weft = WeftExtension.newBuilder()
                .workflows(DriftImpl.class)
                .activities(new Steps() {
                    @Override
                    public String first() {
                        return "first";
                    }

                    @Override
                    public String second() {
                        return "second";
                    }
                })
                .build();

        @Test
        void runsTheOldCodeThenChangesIt(TestWorkflowEnvironment env) {
            DriftImpl.changed = false;
            Drift drift = env.getWorkflowClient()
                    .newWorkflowStub(
                            Drift.class,
                            dev.weft.client.WorkflowStartOptions.newBuilder()
                                    .workflowId("drifting")
                                    .build());
            assertEquals("first", drift.run());
            DriftImpl.changed = true; // As if the class had been edited and redeployed.
        }
    }

    static final class Failing {
        @RegisterExtension
        final WeftExtension weft =
                WeftExtension.newBuilder().workflows(Flows.SleeperImpl.class).build();

        @Test
        void failsAfterAWorkflowRan(TestWorkflowEnvironment env) {
            Flows.Sleeper sleeper = env.getWorkflowClient()
                    .newWorkflowStub(
                            Flows.Sleeper.class,
                            dev.weft.client.WorkflowStartOptions.newBuilder()
                                    .workflowId("failing")
                                    .build());
            sleeper.sleep(60);
            throw new AssertionError("the test's own assertion");
        }
    }
}
