package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.annotations.GetState;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Signals, waiting on conditions with and without a timeout, and state in executionContext. */
final class SignalTest {
    public record Status(String phase, List<String> items) {}

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "30d")
    public interface Cart {
        @WorkflowMethod
        List<String> shop(int expected);

        @SignalMethod
        void add(String item);

        @SignalMethod(name = "checkout-now")
        void checkout();

        @GetState
        Status status();
    }

    public static final class CartImpl implements Cart {
        private final List<String> items = new ArrayList<>();
        private boolean checkout;
        private String phase = "shopping";

        @Override
        public List<String> shop(int expected) {
            boolean done = Workflow.await(Duration.ofDays(7), () -> checkout || items.size() >= expected);
            phase = done ? "paying" : "abandoned";
            if (!done) {
                return List.of("abandoned");
            }
            Workflow.sleep(Duration.ofMinutes(5));
            phase = "done";
            return items;
        }

        @Override
        public void add(String item) {
            items.add(item);
        }

        @Override
        public void checkout() {
            checkout = true;
        }

        @Override
        public Status status() {
            return new Status(phase, List.copyOf(items));
        }
    }

    @Test
    void signalsRunInHistoryOrderAndWakeAnAwaitingWorkflow() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(CartImpl.class)) {
            WorkflowExecution run = t.start(Cart.class, "cart-1", 3);
            t.run(Duration.ZERO);
            t.signal(run, "add", "apple");
            t.signal(run, "add", "kiwi");
            t.run(Duration.ZERO);
            assertEquals(
                    "{\"state\":{\"phase\":\"shopping\",\"items\":[\"apple\",\"kiwi\"]}}",
                    t.describe(run).latestExecutionContext(),
                    "the state method's value is published with each decision");
            t.signal(run, "checkout-now");
            t.run();
            assertEquals(List.of("apple", "kiwi"), t.result(run, List.class));
            List<String> timers = t
                    .events(
                            run,
                            e -> e.eventType() == EventType.TIMER_STARTED
                                    || e.eventType() == EventType.TIMER_CANCELED
                                    || e.eventType() == EventType.TIMER_FIRED)
                    .stream()
                    .map(e -> compact(e).replaceFirst("^\\d+ ", ""))
                    .toList();
            assertEquals(
                    List.of("TimerStarted t1 604800s", "TimerCanceled t1", "TimerStarted t2 300s", "TimerFired t2"),
                    timers,
                    "the await's timer is canceled when the condition holds first");
            assertEquals(
                    "{\"state\":{\"phase\":\"done\",\"items\":[\"apple\",\"kiwi\"]}}",
                    t.describe(run).latestExecutionContext());
        }
    }

    @Test
    void anAwaitWithATimeoutReturnsFalseWhenTheTimeIsUp() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(CartImpl.class)) {
            WorkflowExecution run = t.start(Cart.class, "cart-2", 3);
            t.run();
            assertEquals(List.of("abandoned"), t.result(run, List.class));
            assertEquals(
                    WorkflowTesting.T0.plus(Duration.ofDays(7)),
                    t.closeEvent(run).eventTimestamp());
        }
    }

    @Test
    void aSignalWithNoMethodIsIgnored() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(CartImpl.class)) {
            WorkflowExecution run = t.start(Cart.class, "cart-3", 1);
            t.run(Duration.ZERO);
            t.signal(run, "nobody-listens", "x");
            t.signal(run, "add", "fig");
            t.run();
            assertEquals(List.of("fig"), t.result(run, List.class));
            assertEquals(
                    List.of(
                            "WorkflowExecutionSignaled nobody-listens [\"x\"]",
                            "WorkflowExecutionSignaled add [\"fig\"]"),
                    t.events(run, EventType.WORKFLOW_EXECUTION_SIGNALED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ ", ""))
                            .toList());
        }
    }
}
