package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class BasicWorkflowTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Greeter {
        String greet(String name);

        int add(int a, int b);
    }

    public static final class GreeterImpl implements Greeter {
        @Override
        public String greet(String name) {
            return "Hello, " + name + "!";
        }

        @Override
        public int add(int a, int b) {
            return a + b;
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1h")
    public interface Hello {
        @WorkflowMethod
        String hello(String name);
    }

    public static final class HelloImpl implements Hello {
        private final Greeter greeter = Workflow.newActivityStub(Greeter.class);

        @Override
        public String hello(String name) {
            String greeting = greeter.greet(name);
            int n = greeter.add(2, 3);
            return greeting + " x" + n;
        }
    }

    @Test
    void aWorkflowCallsActivitiesInTurnAndCompletesWithTheirResult() {
        try (WorkflowTesting t =
                new WorkflowTesting().workflows(HelloImpl.class).activities(new GreeterImpl())) {
            WorkflowExecution run = t.start(Hello.class, "hello-1", "World");
            t.run();
            assertEquals("Hello, World! x5", t.result(run, String.class));
            assertEquals(
                    List.of(
                            "1 WorkflowExecutionStarted input=[\"World\"]",
                            "2 DecisionTaskScheduled",
                            "3 DecisionTaskStarted",
                            "4 DecisionTaskCompleted",
                            "5 ActivityTaskScheduled 1 Greeter.greet input=[\"World\"]",
                            "6 ActivityTaskStarted",
                            "7 ActivityTaskCompleted result=\"Hello, World!\"",
                            "8 DecisionTaskScheduled",
                            "9 DecisionTaskStarted",
                            "10 DecisionTaskCompleted",
                            "11 ActivityTaskScheduled 2 Greeter.add input=[2,3]",
                            "12 ActivityTaskStarted",
                            "13 ActivityTaskCompleted result=5",
                            "14 DecisionTaskScheduled",
                            "15 DecisionTaskStarted",
                            "16 DecisionTaskCompleted",
                            "17 WorkflowExecutionCompleted result=\"Hello, World! x5\""),
                    compact(t.history(run)));
            assertEquals(2, t.cacheHits, "the second and third decisions came from the cache");
            assertTrue(t.decisionFailures.isEmpty(), t.decisionFailures.toString());
        }
    }

    @Test
    void aTimerWaitsInVirtualTime() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(SleeperImpl.class)) {
            WorkflowExecution run = t.start(Sleeper.class, "sleep-1", 3);
            t.run();
            assertEquals(3L * 3600_000, (long) t.result(run, Long.class));
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Sleeper {
        @WorkflowMethod
        long sleep(int hours);
    }

    public static final class SleeperImpl implements Sleeper {
        @Override
        public long sleep(int hours) {
            long start = Workflow.currentTimeMillis();
            for (int i = 0; i < hours; i++) {
                Workflow.sleep(Duration.ofHours(1));
            }
            return Workflow.currentTimeMillis() - start;
        }
    }
}
