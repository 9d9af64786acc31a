package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Cancellation scopes, a cancel request for the whole workflow, and the Saga helper. */
final class CancellationTest {
    @Activities(version = "1", startToCloseTimeout = "1h", heartbeatTimeout = "NONE")
    public interface Travel {
        String book(String what);

        void cancel(String booking);

        String hang(String what);
    }

    public static final class TravelImpl implements Travel {
        final List<String> log = new ArrayList<>();

        @Override
        public String book(String what) {
            log.add("book " + what);
            if (what.equals("car")) {
                throw new IllegalStateException("no cars");
            }
            return what + "-booking";
        }

        @Override
        public void cancel(String booking) {
            log.add("cancel " + booking);
        }

        @Override
        public String hang(String what) {
            throw new WorkflowTesting.ManualCompletion();
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Trip {
        @WorkflowMethod
        String plan(String mode);
    }

    public static final class TripImpl implements Trip {
        private final Travel travel = Workflow.newActivityStub(Travel.class);

        @Override
        public String plan(String mode) {
            switch (mode) {
                case "scope" -> {
                    List<Promise<String>> quotes = new ArrayList<>();
                    CancellationScope scope = Workflow.newCancellationScope(() -> {
                        quotes.add(Async.function(travel::hang, "slow-quote"));
                        quotes.add(Async.function(travel::book, "fast-quote"));
                    });
                    scope.run();
                    String first = Promise.anyOf(quotes).get();
                    scope.cancel("got one");
                    try {
                        quotes.get(0).get();
                        return "unexpected";
                    } catch (ActivityFailure e) {
                        return first + "; other: " + e.getCause().getClass().getSimpleName();
                    }
                }
                case "saga" -> {
                    Saga saga = new Saga();
                    try {
                        String flight = travel.book("flight");
                        saga.addCompensation(travel::cancel, flight);
                        String hotel = travel.book("hotel");
                        saga.addCompensation(travel::cancel, hotel);
                        travel.book("car");
                        return "booked";
                    } catch (ActivityFailure e) {
                        saga.compensate();
                        return "compensated after " + e.getCause().getMessage();
                    }
                }
                case "wait" -> {
                    return travel.hang("forever");
                }
                case "canceledScope" -> {
                    CancellationScope scope = Workflow.newCancellationScope(() -> {});
                    scope.cancel();
                    String[] out = new String[1];
                    Workflow.newCancellationScope(() -> {}).run();
                    try {
                        Workflow.newCancellationScope(() -> out[0] = "nested").run();
                        CancellationScope inner = Workflow.newCancellationScope(() -> travel.book("x"));
                        inner.cancel();
                        inner.run();
                        return "unexpected";
                    } catch (ActivityFailure e) {
                        return out[0] + ", then " + e.getCause().getMessage();
                    }
                }
                case "waitForCancellation" -> {
                    Travel waiting = Workflow.newActivityStub(
                            Travel.class,
                            ActivityOptions.newBuilder()
                                    .waitForCancellation(true)
                                    .build());
                    Promise<String>[] upload = newHolder();
                    CancellationScope scope =
                            Workflow.newCancellationScope(() -> upload[0] = Async.function(waiting::hang, "upload"));
                    scope.run();
                    Workflow.sleep(Duration.ofMinutes(1));
                    scope.cancel("too slow");
                    try {
                        return "ended: " + upload[0].get();
                    } catch (ActivityFailure e) {
                        return "canceled: " + ((CanceledFailure) e.getCause()).getDetails();
                    }
                }
                default -> {
                    throw new IllegalArgumentException(mode);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Promise<String>[] newHolder() {
        return (Promise<String>[]) new Promise<?>[1];
    }

    private static WorkflowTesting testing(TravelImpl travel) {
        return new WorkflowTesting().workflows(TripImpl.class).activities(travel);
    }

    @Test
    void cancelingAScopeCancelsTheActivitiesStartedInIt() {
        try (WorkflowTesting t = testing(new TravelImpl())) {
            WorkflowExecution run = t.start(Trip.class, "trip-1", "scope");
            t.run();
            assertEquals("fast-quote-booking; other: CanceledFailure", t.result(run, String.class));
            assertEquals(
                    List.of("ActivityTaskCancelRequested 1"),
                    t.events(run, EventType.ACTIVITY_TASK_CANCEL_REQUESTED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ ", ""))
                            .toList());
        }
    }

    @Test
    void aSagaUndoesTheStepsThatSucceededNewestFirst() {
        TravelImpl travel = new TravelImpl();
        try (WorkflowTesting t = testing(travel)) {
            WorkflowExecution run = t.start(Trip.class, "trip-2", "saga");
            t.run();
            assertEquals("compensated after no cars", t.result(run, String.class));
            assertEquals(
                    List.of("book flight", "book hotel", "book car", "cancel hotel-booking", "cancel flight-booking"),
                    travel.log);
        }
    }

    @Test
    void aCancelRequestCancelsThePendingActivityAndTheWorkflowClosesCanceled() {
        try (WorkflowTesting t = testing(new TravelImpl())) {
            WorkflowExecution run = t.start(Trip.class, "trip-3", "wait");
            t.run(Duration.ZERO);
            t.engine.requestCancelWorkflowExecution(r -> r.domain(WorkflowTesting.DOMAIN)
                    .workflowId(run.workflowId())
                    .runId(run.runId()));
            t.run(Duration.ZERO);
            assertEquals(
                    EventType.WORKFLOW_EXECUTION_CANCELED, t.closeEvent(run).eventType());
            assertEquals(
                    1, t.events(run, EventType.ACTIVITY_TASK_CANCEL_REQUESTED).size());
        }
    }

    @Test
    void whatStartsInACanceledScopeFailsAtOnceAndSendsNothing() {
        try (WorkflowTesting t = testing(new TravelImpl())) {
            WorkflowExecution run = t.start(Trip.class, "trip-4", "canceledScope");
            t.run();
            assertEquals(
                    "nested, then The cancellation scope was canceled before this started",
                    t.result(run, String.class));
            assertEquals(0, t.events(run, EventType.ACTIVITY_TASK_SCHEDULED).size());
        }
    }

    @Test
    void aCallThatWaitsForCancellationGetsTheDetailsTheActivityStoppedWith() {
        try (WorkflowTesting t = testing(new TravelImpl())) {
            WorkflowExecution run = t.start(Trip.class, "trip-5", "waitForCancellation");
            t.run(Duration.ofMinutes(2)); // Past the minute's sleep, far from the workflow's timeout.
            // The cancel was requested; the workflow waits for the activity's answer.
            assertEquals(
                    1, t.events(run, EventType.ACTIVITY_TASK_CANCEL_REQUESTED).size());
            assertEquals(
                    EventType.ACTIVITY_TASK_CANCEL_REQUESTED, t.closeEvent(run).eventType());
            t.engine.respondActivityTaskCanceled(
                    r -> r.taskToken(t.heldTasks.get("1")).details("uploaded 3 of 7"));
            t.run();
            assertEquals("canceled: uploaded 3 of 7", t.result(run, String.class));
            assertEquals(
                    List.of(
                            "ActivityTaskCancelRequested",
                            "ActivityTaskCanceled",
                            "DecisionTaskScheduled",
                            "DecisionTaskStarted",
                            "DecisionTaskCompleted",
                            "WorkflowExecutionCompleted"),
                    tail(t.history(run), EventType.ACTIVITY_TASK_CANCEL_REQUESTED));
        }
    }

    @Test
    void aCallThatWaitsForCancellationTakesTheResultOfAnActivityThatFinishedAnyway() {
        try (WorkflowTesting t = testing(new TravelImpl())) {
            WorkflowExecution run = t.start(Trip.class, "trip-6", "waitForCancellation");
            t.run(Duration.ofMinutes(2)); // Past the minute's sleep, far from the workflow's timeout.
            t.engine.respondActivityTaskCompleted(
                    r -> r.taskToken(t.heldTasks.get("1")).result("\"all 7 uploaded\""));
            t.run();
            assertEquals("ended: all 7 uploaded", t.result(run, String.class));
            assertEquals(0, t.events(run, EventType.ACTIVITY_TASK_CANCELED).size());
        }
    }

    /** The event types from the first event of type {@code from} on. */
    private static List<String> tail(
            List<software.amazon.awssdk.services.swf.model.HistoryEvent> history, EventType from) {
        List<String> out = new ArrayList<>();
        for (var e : history) {
            if (!out.isEmpty() || e.eventType() == from) {
                out.add(e.eventTypeAsString());
            }
        }
        return out;
    }
}
