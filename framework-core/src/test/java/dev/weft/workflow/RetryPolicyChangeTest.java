package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** A retry policy changed under a running execution: its replay follows the retries it made. */
final class RetryPolicyChangeTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Charge {
        String charge(String card);
    }

    public static final class Declined implements Charge {
        @Override
        public String charge(String card) {
            throw new IllegalStateException("declined " + card);
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Pay {
        @WorkflowMethod
        String pay(String card);
    }

    private static String pay(int attempts, String card) {
        Charge c = Workflow.newActivityStub(
                Charge.class,
                ActivityOptions.newBuilder()
                        .retryOptions(RetryOptions.newBuilder()
                                .maximumAttempts(attempts)
                                .initialInterval(Duration.ofSeconds(10))
                                .build())
                        .build());
        try {
            return c.charge(card);
        } catch (ActivityFailure e) {
            return "failed: " + e.getCause().getMessage() + " (activity " + e.getActivityId() + ")";
        }
    }

    public static final class FiveAttempts implements Pay {
        @Override
        public String pay(String card) {
            return RetryPolicyChangeTest.pay(5, card);
        }
    }

    public static final class ThreeAttempts implements Pay {
        @Override
        public String pay(String card) {
            return RetryPolicyChangeTest.pay(3, card);
        }
    }

    @Test
    void aRunningExecutionKeepsTheRetriesItMadeAndTheNewPolicyDecidesTheRest() {
        try (WorkflowTesting t =
                new WorkflowTesting().workflows(FiveAttempts.class).activities(new Declined())) {
            WorkflowExecution run = t.start(Pay.class, "pay", "4111");
            t.run(Duration.ofSeconds(35));
            assertEquals(3, t.events(run, EventType.ACTIVITY_TASK_SCHEDULED).size(), "three attempts so far");
            assertEquals(3, t.events(run, EventType.TIMER_STARTED).size(), "and the wait before a fourth");
            t.redeploy(ThreeAttempts.class);
            t.run();
            assertTrue(t.decisionFailures.isEmpty(), () -> t.decisionFailures.toString());
            assertEquals(
                    "failed: declined 4111 (activity 1.4)",
                    t.result(run, String.class),
                    "the fourth attempt the old policy had decided on ran; the new policy made no fifth");
            assertEquals(
                    List.of("weft-retry-1.2", "weft-retry-1.3", "weft-retry-1.4"),
                    t.events(run, EventType.TIMER_STARTED).stream()
                            .map(e -> e.timerStartedEventAttributes().timerId())
                            .toList());
        }
    }
}
