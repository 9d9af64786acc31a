package dev.weft.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * Readable checks on a workflow history. Each check that fails throws an {@link AssertionError}
 * that says what was expected and prints the whole history, one line per event.
 *
 * <pre>{@code
 * HistoryAssert.assertThat(env.getHistory(run))
 *         .hasActivityScheduled("Payments.charge", "order-1")   // with these arguments
 *         .hasTimerStarted(Duration.ofDays(1))
 *         .hasSignal("approve")
 *         .completedWith("receipt-1");
 * }</pre>
 *
 * <p>Arguments and results are compared as JSON values: {@code hasActivityScheduled("a", 1, "x")}
 * matches the input {@code [1,"x"]}, however it is spaced. Checks use the default Jackson
 * mapping; with another data converter, compare inputs as text with {@link #events(EventType)}.
 */
public final class HistoryAssert {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final List<HistoryEvent> history;

    private HistoryAssert(List<HistoryEvent> history) {
        this.history = List.copyOf(history);
    }

    /**
     * Starts checks on a history.
     *
     * @param history the events, from the first
     * @return the checks
     */
    public static HistoryAssert assertThat(List<HistoryEvent> history) {
        return new HistoryAssert(Objects.requireNonNull(history, "history"));
    }

    /**
     * Checks that an activity of this type (name, any version) was scheduled.
     *
     * @param activityType the activity type's name, as {@code "Payments.charge"}
     * @return these checks
     */
    public HistoryAssert hasActivityScheduled(String activityType) {
        return has(
                "an ActivityTaskScheduled for " + activityType,
                e -> e.eventType() == EventType.ACTIVITY_TASK_SCHEDULED
                        && e.activityTaskScheduledEventAttributes()
                                .activityType()
                                .name()
                                .equals(activityType));
    }

    /**
     * Checks that an activity of this type was scheduled with these arguments.
     *
     * @param activityType the activity type's name
     * @param args the arguments the activity method was called with
     * @return these checks
     */
    public HistoryAssert hasActivityScheduled(String activityType, Object... args) {
        JsonNode expected = JSON.valueToTree(Arrays.asList(args));
        return has(
                "an ActivityTaskScheduled for " + activityType + " with input " + expected,
                e -> e.eventType() == EventType.ACTIVITY_TASK_SCHEDULED
                        && e.activityTaskScheduledEventAttributes()
                                .activityType()
                                .name()
                                .equals(activityType)
                        && expected.equals(
                                tree(e.activityTaskScheduledEventAttributes().input())));
    }

    /**
     * Checks that an activity of this type completed with this result.
     *
     * @param activityType the activity type's name
     * @param result the value the activity returned
     * @return these checks
     */
    public HistoryAssert hasActivityCompleted(String activityType, Object result) {
        JsonNode expected = JSON.valueToTree(result);
        return has("an ActivityTaskCompleted for " + activityType + " with result " + expected, e -> {
            if (e.eventType() != EventType.ACTIVITY_TASK_COMPLETED) {
                return false;
            }
            var a = e.activityTaskCompletedEventAttributes();
            HistoryEvent scheduled = event(a.scheduledEventId());
            return scheduled != null
                    && scheduled
                            .activityTaskScheduledEventAttributes()
                            .activityType()
                            .name()
                            .equals(activityType)
                    && expected.equals(tree(a.result()));
        });
    }

    /**
     * Checks that an activity of this type failed with this reason (for Weft activities, the
     * exception's class name or the {@code ApplicationFailure}'s type).
     *
     * @param activityType the activity type's name
     * @param reason the failure's reason
     * @return these checks
     */
    public HistoryAssert hasActivityFailed(String activityType, String reason) {
        return has("an ActivityTaskFailed for " + activityType + " with reason " + reason, e -> {
            if (e.eventType() != EventType.ACTIVITY_TASK_FAILED) {
                return false;
            }
            var a = e.activityTaskFailedEventAttributes();
            HistoryEvent scheduled = event(a.scheduledEventId());
            return scheduled != null
                    && scheduled
                            .activityTaskScheduledEventAttributes()
                            .activityType()
                            .name()
                            .equals(activityType)
                    && reason.equals(a.reason());
        });
    }

    /**
     * Checks that a timer was started for this long.
     *
     * @param startToFire the timer's duration (whole seconds, as SWF keeps it)
     * @return these checks
     */
    public HistoryAssert hasTimerStarted(Duration startToFire) {
        String seconds = Long.toString(startToFire.toSeconds());
        return has(
                "a TimerStarted of " + seconds + " seconds",
                e -> e.eventType() == EventType.TIMER_STARTED
                        && seconds.equals(e.timerStartedEventAttributes().startToFireTimeout()));
    }

    /**
     * Checks that a timer fired.
     *
     * @return these checks
     */
    public HistoryAssert hasTimerFired() {
        return has("a TimerFired", e -> e.eventType() == EventType.TIMER_FIRED);
    }

    /**
     * Checks that a signal of this name was received.
     *
     * @param signalName the signal's name
     * @return these checks
     */
    public HistoryAssert hasSignal(String signalName) {
        return has(
                "a WorkflowExecutionSignaled named " + signalName,
                e -> e.eventType() == EventType.WORKFLOW_EXECUTION_SIGNALED
                        && signalName.equals(
                                e.workflowExecutionSignaledEventAttributes().signalName()));
    }

    /**
     * Checks that a signal of this name was received with these arguments.
     *
     * @param signalName the signal's name
     * @param args the arguments the signal method was called with
     * @return these checks
     */
    public HistoryAssert hasSignal(String signalName, Object... args) {
        JsonNode expected = JSON.valueToTree(Arrays.asList(args));
        return has(
                "a WorkflowExecutionSignaled named " + signalName + " with input " + expected,
                e -> e.eventType() == EventType.WORKFLOW_EXECUTION_SIGNALED
                        && signalName.equals(
                                e.workflowExecutionSignaledEventAttributes().signalName())
                        && expected.equals(tree(
                                e.workflowExecutionSignaledEventAttributes().input())));
    }

    /**
     * Checks that a child workflow of this type was started.
     *
     * @param workflowType the child's type name
     * @return these checks
     */
    public HistoryAssert hasChildStarted(String workflowType) {
        return has(
                "a ChildWorkflowExecutionStarted of type " + workflowType,
                e -> e.eventType() == EventType.CHILD_WORKFLOW_EXECUTION_STARTED
                        && workflowType.equals(e.childWorkflowExecutionStartedEventAttributes()
                                .workflowType()
                                .name()));
    }

    /**
     * Checks that a marker of this name was recorded (side effects, versions, local activities).
     *
     * @param markerName the marker's name
     * @return these checks
     */
    public HistoryAssert hasMarker(String markerName) {
        return has(
                "a MarkerRecorded named " + markerName,
                e -> e.eventType() == EventType.MARKER_RECORDED
                        && markerName.equals(e.markerRecordedEventAttributes().markerName()));
    }

    /**
     * Checks that no event of this type is in the history.
     *
     * @param type the event type
     * @return these checks
     */
    public HistoryAssert hasNo(EventType type) {
        List<HistoryEvent> found = events(type);
        if (!found.isEmpty()) {
            fail("no " + type + " event, but event " + found.get(0).eventId() + " is one");
        }
        return this;
    }

    /**
     * Checks how many events of this type the history has.
     *
     * @param type the event type
     * @param count how many
     * @return these checks
     */
    public HistoryAssert hasCount(EventType type, int count) {
        int n = events(type).size();
        if (n != count) {
            fail(count + " " + type + " events, but there are " + n);
        }
        return this;
    }

    /**
     * Checks that events of these types occur in this order (others may come between).
     *
     * @param types the event types, in order
     * @return these checks
     */
    public HistoryAssert hasInOrder(EventType... types) {
        int i = 0;
        for (HistoryEvent e : history) {
            if (i < types.length && e.eventType() == types[i]) {
                i++;
            }
        }
        if (i < types.length) {
            fail("events in the order " + Arrays.toString(types) + ", but found no " + types[i] + " after "
                    + (i == 0 ? "the start" : "the " + types[i - 1] + " matched"));
        }
        return this;
    }

    /**
     * Checks that the execution completed with this result.
     *
     * @param result the value the workflow method returned
     * @return these checks
     */
    public HistoryAssert completedWith(Object result) {
        JsonNode expected = JSON.valueToTree(result);
        HistoryEvent last = last();
        if (last.eventType() != EventType.WORKFLOW_EXECUTION_COMPLETED) {
            fail("the execution completed with " + expected + ", but the last event is " + last.eventTypeAsString());
        }
        JsonNode actual = tree(last.workflowExecutionCompletedEventAttributes().result());
        if (!expected.equals(actual)) {
            fail("the execution completed with " + expected + ", but its result is " + actual);
        }
        return this;
    }

    /**
     * Checks that the execution failed with this reason (the exception's class name, or the
     * {@code ApplicationFailure}'s type).
     *
     * @param reason the failure's reason
     * @return these checks
     */
    public HistoryAssert failedWith(String reason) {
        HistoryEvent last = last();
        if (last.eventType() != EventType.WORKFLOW_EXECUTION_FAILED) {
            fail("the execution failed with " + reason + ", but the last event is " + last.eventTypeAsString());
        }
        String actual = last.workflowExecutionFailedEventAttributes().reason();
        if (!reason.equals(actual)) {
            fail("the execution failed with " + reason + ", but its reason is " + actual);
        }
        return this;
    }

    /**
     * Checks how the execution closed.
     *
     * @param status the close status
     * @return these checks
     */
    public HistoryAssert closedWith(CloseStatus status) {
        CloseStatus actual = closeStatus(last().eventType());
        if (actual != status) {
            fail("the execution closed " + status + ", but " + (actual == null ? "it is open" : "it closed " + actual));
        }
        return this;
    }

    /**
     * Checks that the execution is still open.
     *
     * @return these checks
     */
    public HistoryAssert isOpen() {
        CloseStatus actual = closeStatus(last().eventType());
        if (actual != null) {
            fail("the execution is open, but it closed " + actual);
        }
        return this;
    }

    /**
     * The events of one type, for checks of your own.
     *
     * @param type the event type
     * @return the events, in order
     */
    public List<HistoryEvent> events(EventType type) {
        return history.stream().filter(e -> e.eventType() == type).toList();
    }

    /**
     * The history, one line per event: id, type and what identifies it (activity type and input,
     * timer and duration, signal and input, result or reason).
     *
     * @param history the events
     * @return the lines, joined by newlines
     */
    public static String format(List<HistoryEvent> history) {
        List<String> lines = new ArrayList<>();
        for (HistoryEvent e : history) {
            lines.add(dev.weft.internal.testing.HistoryText.line(e));
        }
        return String.join("\n", lines);
    }

    private HistoryAssert has(String what, Predicate<HistoryEvent> p) {
        if (history.stream().noneMatch(p)) {
            fail(what + ", but there is none");
        }
        return this;
    }

    private HistoryEvent last() {
        if (history.isEmpty()) {
            fail("a history, but it is empty");
        }
        return history.get(history.size() - 1);
    }

    private HistoryEvent event(Long id) {
        if (id == null || id < 1 || id > history.size()) {
            return null;
        }
        HistoryEvent e = history.get((int) (long) id - 1);
        return e.eventId() == (long) id ? e : null;
    }

    private void fail(String expectation) {
        throw new AssertionError("Expected " + expectation + ". The history:\n" + indent(format(history)));
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static CloseStatus closeStatus(EventType t) {
        return switch (t) {
            case WORKFLOW_EXECUTION_COMPLETED -> CloseStatus.COMPLETED;
            case WORKFLOW_EXECUTION_FAILED -> CloseStatus.FAILED;
            case WORKFLOW_EXECUTION_CANCELED -> CloseStatus.CANCELED;
            case WORKFLOW_EXECUTION_TERMINATED -> CloseStatus.TERMINATED;
            case WORKFLOW_EXECUTION_TIMED_OUT -> CloseStatus.TIMED_OUT;
            case WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> CloseStatus.CONTINUED_AS_NEW;
            default -> null;
        };
    }
}
