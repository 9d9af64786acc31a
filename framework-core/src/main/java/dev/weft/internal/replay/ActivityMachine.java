package dev.weft.internal.replay;

import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.CanceledFailure;
import dev.weft.workflow.TimeoutFailure;
import java.util.Objects;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;

/**
 * One attempt of an activity: ScheduleActivityTask, then SWF's events for it, and an optional
 * cancellation. Its promise holds the result payload; a cancellation fails it at once, or, when the
 * call waits for cancellations, when the activity ends (the events that follow are tracked either
 * way, so replay stays exact).
 */
final class ActivityMachine {
    enum State {
        CREATED,
        CREATED_CANCEL_SENT,
        SCHEDULED,
        STARTED,
        CANCEL_SENT,
        CANCEL_REQUESTED,
        SCHEDULE_FAILED,
        COMPLETED,
        FAILED,
        TIMED_OUT,
        CANCELED
    }

    enum Trigger {
        SCHEDULED,
        SCHEDULE_FAILED,
        STARTED,
        COMPLETED,
        FAILED,
        TIMED_OUT,
        CANCEL,
        CANCEL_REQUESTED,
        CANCEL_FAILED,
        CANCELED
    }

    /**
     * The transitions SWF's histories allow. A decision's own events reach the machine before
     * anything that arrived while it was being made: so a cancel that lost a race with the
     * activity's end fails (RequestCancelActivityTaskFailed) before the end arrives.
     */
    static final Transitions<State, Trigger> TABLE = Transitions.of(
                    "ActivityMachine", State.CREATED, State.class, Trigger.class)
            .add(State.CREATED, Trigger.SCHEDULED, State.SCHEDULED)
            .add(State.CREATED, Trigger.SCHEDULE_FAILED, State.SCHEDULE_FAILED)
            .add(State.CREATED, Trigger.CANCEL, State.CREATED_CANCEL_SENT)
            .add(State.CREATED_CANCEL_SENT, Trigger.SCHEDULED, State.CANCEL_SENT)
            .add(State.CREATED_CANCEL_SENT, Trigger.SCHEDULE_FAILED, State.SCHEDULE_FAILED)
            .add(State.SCHEDULE_FAILED, Trigger.CANCEL_FAILED, State.SCHEDULE_FAILED)
            .add(State.SCHEDULED, Trigger.STARTED, State.STARTED)
            .add(State.SCHEDULED, Trigger.TIMED_OUT, State.TIMED_OUT)
            .add(State.SCHEDULED, Trigger.CANCEL, State.CANCEL_SENT)
            .add(State.STARTED, Trigger.COMPLETED, State.COMPLETED)
            .add(State.STARTED, Trigger.FAILED, State.FAILED)
            .add(State.STARTED, Trigger.TIMED_OUT, State.TIMED_OUT)
            .add(State.STARTED, Trigger.CANCELED, State.CANCELED)
            .add(State.STARTED, Trigger.CANCEL, State.CANCEL_SENT)
            .add(State.CANCEL_SENT, Trigger.CANCEL_REQUESTED, State.CANCEL_REQUESTED)
            .add(State.CANCEL_SENT, Trigger.CANCEL_FAILED, State.CANCEL_SENT)
            .add(State.CANCEL_SENT, Trigger.STARTED, State.CANCEL_SENT)
            .add(State.CANCEL_SENT, Trigger.COMPLETED, State.COMPLETED)
            .add(State.CANCEL_SENT, Trigger.FAILED, State.FAILED)
            .add(State.CANCEL_SENT, Trigger.TIMED_OUT, State.TIMED_OUT)
            .add(State.CANCEL_SENT, Trigger.CANCELED, State.CANCELED)
            .add(State.CANCEL_REQUESTED, Trigger.STARTED, State.CANCEL_REQUESTED)
            .add(State.CANCEL_REQUESTED, Trigger.COMPLETED, State.COMPLETED)
            .add(State.CANCEL_REQUESTED, Trigger.FAILED, State.FAILED)
            .add(State.CANCEL_REQUESTED, Trigger.TIMED_OUT, State.TIMED_OUT)
            .add(State.CANCEL_REQUESTED, Trigger.CANCELED, State.CANCELED);

    private final WorkflowContext ctx;
    final String activityId;
    final ActivityType type;
    /**
     * The result payload, or a failure (an {@link ActivityFailure}).
     */
    final PromiseImpl<String> result = new PromiseImpl<>();

    private final boolean waitForCancellation;
    private State state = State.CREATED;
    private long scheduledEventId;

    ActivityMachine(
            WorkflowContext ctx, ScheduleActivityTaskDecisionAttributes attributes, boolean waitForCancellation) {
        this.ctx = ctx;
        this.waitForCancellation = waitForCancellation;
        this.activityId = attributes.activityId();
        this.type = attributes.activityType();
        String input = attributes.input();
        Decision d = Decision.builder()
                .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                .scheduleActivityTaskDecisionAttributes(attributes)
                .build();
        ctx.command(new Command(
                d,
                () -> "ScheduleActivityTask activityId=" + activityId + " type=" + label() + " input#="
                        + Command.hash(input),
                e -> (e.eventType() == EventType.ACTIVITY_TASK_SCHEDULED
                                && activityId.equals(
                                        e.activityTaskScheduledEventAttributes().activityId())
                                && type.equals(
                                        e.activityTaskScheduledEventAttributes().activityType())
                                && Objects.equals(
                                        input,
                                        e.activityTaskScheduledEventAttributes().input()))
                        || (e.eventType() == EventType.SCHEDULE_ACTIVITY_TASK_FAILED
                                && activityId.equals(e.scheduleActivityTaskFailedEventAttributes()
                                        .activityId())
                                && type.equals(e.scheduleActivityTaskFailedEventAttributes()
                                        .activityType())),
                this::scheduled));
    }

    String label() {
        return type.name() + "/" + type.version();
    }

    private void scheduled(HistoryEvent e) {
        if (e.eventType() == EventType.ACTIVITY_TASK_SCHEDULED) {
            state = TABLE.next(state, Trigger.SCHEDULED);
            scheduledEventId = e.eventId();
            ctx.routeActivity(scheduledEventId, this);
        } else {
            state = TABLE.next(state, Trigger.SCHEDULE_FAILED);
            String cause = e.scheduleActivityTaskFailedEventAttributes().causeAsString();
            result.completeExceptionally(new ActivityFailure(
                    label(),
                    activityId,
                    ApplicationFailure.newFailure("SWF refused to schedule the activity: " + cause, cause)));
        }
    }

    /** An event about the scheduled task (routed by scheduledEventId). */
    void handle(HistoryEvent e) {
        switch (e.eventType()) {
            case ACTIVITY_TASK_STARTED -> state = TABLE.next(state, Trigger.STARTED);
            case ACTIVITY_TASK_COMPLETED -> {
                state = TABLE.next(state, Trigger.COMPLETED);
                result.complete(e.activityTaskCompletedEventAttributes().result());
            }
            case ACTIVITY_TASK_FAILED -> {
                state = TABLE.next(state, Trigger.FAILED);
                var a = e.activityTaskFailedEventAttributes();
                result.completeExceptionally(
                        new ActivityFailure(label(), activityId, FailureCodec.decode(a.reason(), a.details())));
            }
            case ACTIVITY_TASK_TIMED_OUT -> {
                state = TABLE.next(state, Trigger.TIMED_OUT);
                var a = e.activityTaskTimedOutEventAttributes();
                result.completeExceptionally(new ActivityFailure(
                        label(), activityId, new TimeoutFailure(a.timeoutTypeAsString(), a.details())));
            }
            case ACTIVITY_TASK_CANCELED -> {
                state = TABLE.next(state, Trigger.CANCELED);
                result.completeExceptionally(new ActivityFailure(
                        label(),
                        activityId,
                        new CanceledFailure(
                                "The activity was canceled",
                                e.activityTaskCanceledEventAttributes().details())));
            }
            default ->
                throw new IllegalStateException(
                        "[BUG] activity " + activityId + " cannot take " + e.eventTypeAsString());
        }
    }

    /**
     * Asks SWF to cancel the activity; the promise fails with a cancellation at once, or waits for
     * the activity's end (every path from CANCEL_SENT ends in an event: canceled, or the end that
     * won the race).
     */
    void cancel() {
        if (!TABLE.accepts(state, Trigger.CANCEL)) {
            return;
        }
        state = TABLE.next(state, Trigger.CANCEL);
        Decision d = Decision.builder()
                .decisionType(DecisionType.REQUEST_CANCEL_ACTIVITY_TASK)
                .requestCancelActivityTaskDecisionAttributes(a -> a.activityId(activityId))
                .build();
        ctx.command(new Command(
                d,
                "RequestCancelActivityTask activityId=" + activityId,
                e -> (e.eventType() == EventType.ACTIVITY_TASK_CANCEL_REQUESTED
                                && activityId.equals(e.activityTaskCancelRequestedEventAttributes()
                                        .activityId()))
                        || (e.eventType() == EventType.REQUEST_CANCEL_ACTIVITY_TASK_FAILED
                                && activityId.equals(e.requestCancelActivityTaskFailedEventAttributes()
                                        .activityId())),
                e -> state = TABLE.next(
                        state,
                        e.eventType() == EventType.ACTIVITY_TASK_CANCEL_REQUESTED
                                ? Trigger.CANCEL_REQUESTED
                                : Trigger.CANCEL_FAILED)));
        if (waitForCancellation) {
            return;
        }
        result.completeExceptionally(new ActivityFailure(
                label(), activityId, new CanceledFailure("The activity's cancellation scope was canceled")));
    }

    State state() {
        return state;
    }
}
