package dev.weft.internal.replay;

import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.CanceledFailure;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/** A timer: StartTimer, TimerFired, and an optional CancelTimer. */
final class TimerMachine {
    enum State {
        CREATED,
        CREATED_CANCEL_SENT,
        STARTED,
        CANCEL_SENT,
        FIRED,
        CANCELED,
        START_FAILED
    }

    enum Trigger {
        STARTED,
        START_FAILED,
        FIRED,
        CANCEL,
        CANCELED,
        CANCEL_FAILED
    }

    /** The transitions SWF's histories allow (a cancel that lost the race with the timer fails first). */
    static final Transitions<State, Trigger> TABLE = Transitions.of(
                    "TimerMachine", State.CREATED, State.class, Trigger.class)
            .add(State.CREATED, Trigger.STARTED, State.STARTED)
            .add(State.CREATED, Trigger.START_FAILED, State.START_FAILED)
            .add(State.CREATED, Trigger.CANCEL, State.CREATED_CANCEL_SENT)
            .add(State.CREATED_CANCEL_SENT, Trigger.STARTED, State.CANCEL_SENT)
            .add(State.CREATED_CANCEL_SENT, Trigger.START_FAILED, State.START_FAILED)
            .add(State.START_FAILED, Trigger.CANCEL_FAILED, State.START_FAILED)
            .add(State.STARTED, Trigger.FIRED, State.FIRED)
            .add(State.STARTED, Trigger.CANCEL, State.CANCEL_SENT)
            .add(State.CANCEL_SENT, Trigger.CANCELED, State.CANCELED)
            .add(State.CANCEL_SENT, Trigger.CANCEL_FAILED, State.CANCEL_SENT)
            .add(State.CANCEL_SENT, Trigger.FIRED, State.FIRED);

    private final WorkflowContext ctx;
    final String timerId;
    final PromiseImpl<Void> fired = new PromiseImpl<>();
    private State state = State.CREATED;

    TimerMachine(WorkflowContext ctx, String timerId, long seconds) {
        this.ctx = ctx;
        this.timerId = timerId;
        Decision d = Decision.builder()
                .decisionType(DecisionType.START_TIMER)
                .startTimerDecisionAttributes(a -> a.timerId(timerId).startToFireTimeout(Long.toString(seconds)))
                .build();
        ctx.command(new Command(
                d,
                "StartTimer timerId=" + timerId + " startToFireTimeout=" + seconds,
                e -> (e.eventType() == EventType.TIMER_STARTED
                                && timerId.equals(
                                        e.timerStartedEventAttributes().timerId()))
                        || (e.eventType() == EventType.START_TIMER_FAILED
                                && timerId.equals(
                                        e.startTimerFailedEventAttributes().timerId())),
                this::started));
    }

    private void started(HistoryEvent e) {
        if (e.eventType() == EventType.TIMER_STARTED) {
            state = TABLE.next(state, Trigger.STARTED);
            ctx.routeTimer(e.eventId(), this);
        } else {
            state = TABLE.next(state, Trigger.START_FAILED);
            String cause = e.startTimerFailedEventAttributes().causeAsString();
            fired.completeExceptionally(
                    ApplicationFailure.newFailure("SWF refused to start timer " + timerId + ": " + cause, cause));
        }
    }

    /** TimerFired (routed by the TimerStarted id). */
    void handle(HistoryEvent e) {
        state = TABLE.next(state, Trigger.FIRED);
        fired.complete(null);
    }

    /** Cancels the timer; its promise fails with a cancellation at once. */
    void cancel() {
        if (!TABLE.accepts(state, Trigger.CANCEL)) {
            return;
        }
        state = TABLE.next(state, Trigger.CANCEL);
        Decision d = Decision.builder()
                .decisionType(DecisionType.CANCEL_TIMER)
                .cancelTimerDecisionAttributes(a -> a.timerId(timerId))
                .build();
        ctx.command(new Command(
                d,
                "CancelTimer timerId=" + timerId,
                e -> (e.eventType() == EventType.TIMER_CANCELED
                                && timerId.equals(
                                        e.timerCanceledEventAttributes().timerId()))
                        || (e.eventType() == EventType.CANCEL_TIMER_FAILED
                                && timerId.equals(
                                        e.cancelTimerFailedEventAttributes().timerId())),
                e -> state = TABLE.next(
                        state, e.eventType() == EventType.TIMER_CANCELED ? Trigger.CANCELED : Trigger.CANCEL_FAILED)));
        fired.completeExceptionally(new CanceledFailure("The timer's cancellation scope was canceled"));
    }

    State state() {
        return state;
    }
}
