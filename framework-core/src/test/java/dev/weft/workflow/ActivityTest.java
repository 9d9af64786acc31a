package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Activity;
import dev.weft.annotations.Retry;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Activities from workflow code: in parallel, failing, timing out, retried on SWF timers. */
final class ActivityTest {
    public static final class OutOfStock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfStock(String message) {
            super(message);
        }
    }

    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Inventory {
        int reserve(String item);

        @Activity(retry = @Retry(maximumAttempts = 4, initialInterval = "10s", backoffCoefficient = 3))
        String flaky(String item);

        @Activity(retry = @Retry(maximumAttempts = 5, initialInterval = "10s", doNotRetry = OutOfStock.class))
        String picky(String item);

        @Activity(startToCloseTimeout = "30s")
        String slow(String item);
    }

    public static final class InventoryImpl implements Inventory {
        final AtomicInteger flakyCalls = new AtomicInteger();
        final AtomicInteger pickyCalls = new AtomicInteger();

        @Override
        public int reserve(String item) {
            if (item.equals("none")) {
                throw new OutOfStock("no " + item + " left");
            }
            return item.length();
        }

        @Override
        public String flaky(String item) {
            if (flakyCalls.incrementAndGet() < 3) {
                throw new IllegalStateException("try again (" + flakyCalls.get() + ")");
            }
            return item + " after " + flakyCalls.get();
        }

        @Override
        public String picky(String item) {
            pickyCalls.incrementAndGet();
            throw new OutOfStock("no " + item);
        }

        @Override
        public String slow(String item) {
            throw new WorkflowTesting.ManualCompletion();
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Orders {
        @WorkflowMethod
        String run(String mode, List<String> items);
    }

    public static final class OrdersImpl implements Orders {
        private final Inventory inventory = Workflow.newActivityStub(Inventory.class);

        @Override
        public String run(String mode, List<String> items) {
            switch (mode) {
                case "parallel" -> {
                    List<Promise<Integer>> parts = new ArrayList<>();
                    for (String item : items) {
                        parts.add(Async.function(inventory::reserve, item));
                    }
                    Promise.allOf(parts).get();
                    int sum = 0;
                    for (Promise<Integer> p : parts) {
                        sum += p.get();
                    }
                    return "reserved " + sum;
                }
                case "fail" -> {
                    try {
                        inventory.reserve("none");
                        return "unexpected";
                    } catch (ActivityFailure e) {
                        return e.getActivityType() + " " + e.getActivityId() + " "
                                + e.getCause().getClass().getSimpleName() + ": "
                                + e.getCause().getMessage();
                    }
                }
                case "retry" -> {
                    return inventory.flaky(items.get(0));
                }
                case "doNotRetry" -> {
                    try {
                        return inventory.picky(items.get(0));
                    } catch (ActivityFailure e) {
                        return "gave up: " + e.getCause().getMessage();
                    }
                }
                case "timeout" -> {
                    try {
                        return inventory.slow(items.get(0));
                    } catch (ActivityFailure e) {
                        return "timed out: " + ((TimeoutFailure) e.getCause()).getTimeoutType();
                    }
                }
                case "anyOf" -> {
                    Promise<Integer> a = Async.function(inventory::reserve, "apple");
                    Promise<Void> t = Workflow.newTimer(Duration.ofHours(1));
                    Promise.anyOf(a, t).get();
                    return "first: " + (a.isDone() ? a.get() : "timer");
                }
                default -> {
                    throw new IllegalArgumentException(mode);
                }
            }
        }
    }

    private static WorkflowTesting testing(InventoryImpl inventory) {
        return new WorkflowTesting().workflows(OrdersImpl.class).activities(inventory);
    }

    @Test
    void asyncActivitiesAreScheduledTogetherInOneDecision() {
        try (WorkflowTesting t = testing(new InventoryImpl())) {
            WorkflowExecution run = t.start(Orders.class, "o1", "parallel", List.of("apple", "kiwi", "fig"));
            t.run();
            assertEquals("reserved 12", t.result(run, String.class));
            List<HistoryEvent> scheduled = t.events(run, EventType.ACTIVITY_TASK_SCHEDULED);
            assertEquals(3, scheduled.size());
            for (HistoryEvent e : scheduled) {
                assertEquals(4, e.activityTaskScheduledEventAttributes().decisionTaskCompletedEventId());
            }
            assertEquals(
                    List.of("[\"apple\"]", "[\"kiwi\"]", "[\"fig\"]"),
                    scheduled.stream()
                            .map(e -> e.activityTaskScheduledEventAttributes().input())
                            .toList());
        }
    }

    @Test
    void anActivitysExceptionReachesTheWorkflowAsItsOwnType() {
        try (WorkflowTesting t = testing(new InventoryImpl())) {
            WorkflowExecution run = t.start(Orders.class, "o2", "fail", List.of());
            t.run();
            assertEquals("Inventory.reserve/1 1 OutOfStock: no none left", t.result(run, String.class));
            HistoryEvent failed = t.events(run, EventType.ACTIVITY_TASK_FAILED).get(0);
            assertEquals(
                    OutOfStock.class.getName(),
                    failed.activityTaskFailedEventAttributes().reason());
        }
    }

    @Test
    void aFailedActivityIsRetriedOnTimersThatGrowByTheCoefficient() {
        InventoryImpl inventory = new InventoryImpl();
        try (WorkflowTesting t = testing(inventory)) {
            WorkflowExecution run = t.start(Orders.class, "o3", "retry", List.of("pear"));
            t.run();
            assertEquals("pear after 3", t.result(run, String.class));
            assertEquals(3, inventory.flakyCalls.get());
            assertEquals(
                    List.of(
                            "1 Inventory.flaky input=[\"pear\"]",
                            "1.2 Inventory.flaky input=[\"pear\"]",
                            "1.3 Inventory.flaky input=[\"pear\"]"),
                    t.events(run, EventType.ACTIVITY_TASK_SCHEDULED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ ActivityTaskScheduled ", ""))
                            .toList());
            assertEquals(
                    List.of("weft-retry-1.2 10s", "weft-retry-1.3 30s"),
                    t.events(run, EventType.TIMER_STARTED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ TimerStarted ", ""))
                            .toList());
        }
    }

    @Test
    void failuresOfATypeTheRetryPolicyExcludesAreNotRetried() {
        InventoryImpl inventory = new InventoryImpl();
        try (WorkflowTesting t = testing(inventory)) {
            WorkflowExecution run = t.start(Orders.class, "o4", "doNotRetry", List.of("plum"));
            t.run();
            assertEquals("gave up: no plum", t.result(run, String.class));
            assertEquals(1, inventory.pickyCalls.get());
            assertTrue(t.events(run, EventType.TIMER_STARTED).isEmpty());
        }
    }

    @Test
    void anActivityThatTimesOutFailsWithItsTimeoutType() {
        try (WorkflowTesting t = testing(new InventoryImpl())) {
            WorkflowExecution run = t.start(Orders.class, "o5", "timeout", List.of("lime"));
            t.run();
            assertEquals("timed out: START_TO_CLOSE", t.result(run, String.class));
            HistoryEvent timedOut =
                    t.events(run, EventType.ACTIVITY_TASK_TIMED_OUT).get(0);
            assertEquals(
                    WorkflowTesting.T0.plusSeconds(30),
                    timedOut.eventTimestamp(),
                    "the annotation's 30-second start-to-close timeout was sent with the decision");
        }
    }

    @Test
    void anyOfReturnsWithTheFirstAndTheOtherIsLeftRunning() {
        try (WorkflowTesting t = testing(new InventoryImpl())) {
            WorkflowExecution run = t.start(Orders.class, "o6", "anyOf", List.of());
            t.run();
            assertEquals("first: 5", t.result(run, String.class));
        }
    }
}
