package dev.weft.internal.replay;

import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.TimeoutFailure;
import java.util.Objects;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/** A Lambda function call: ScheduleLambdaFunction, then its start and outcome. */
final class LambdaMachine {
    enum State {
        CREATED,
        SCHEDULED,
        STARTED,
        SCHEDULE_FAILED,
        START_FAILED,
        COMPLETED,
        FAILED,
        TIMED_OUT
    }

    enum Trigger {
        SCHEDULED,
        SCHEDULE_FAILED,
        STARTED,
        START_FAILED,
        COMPLETED,
        FAILED,
        TIMED_OUT
    }

    static final Transitions<State, Trigger> TABLE = Transitions.of(
                    "LambdaMachine", State.CREATED, State.class, Trigger.class)
            .add(State.CREATED, Trigger.SCHEDULED, State.SCHEDULED)
            .add(State.CREATED, Trigger.SCHEDULE_FAILED, State.SCHEDULE_FAILED)
            .add(State.SCHEDULED, Trigger.STARTED, State.STARTED)
            .add(State.SCHEDULED, Trigger.START_FAILED, State.START_FAILED)
            .add(State.STARTED, Trigger.COMPLETED, State.COMPLETED)
            .add(State.STARTED, Trigger.FAILED, State.FAILED)
            .add(State.STARTED, Trigger.TIMED_OUT, State.TIMED_OUT);

    private final WorkflowContext ctx;
    final String id;
    final String name;
    final PromiseImpl<String> result = new PromiseImpl<>();
    private State state = State.CREATED;

    LambdaMachine(WorkflowContext ctx, String id, String name, String input, Long timeoutSeconds) {
        this.ctx = ctx;
        this.id = id;
        this.name = name;
        Decision d = Decision.builder()
                .decisionType(DecisionType.SCHEDULE_LAMBDA_FUNCTION)
                .scheduleLambdaFunctionDecisionAttributes(a -> a.id(id)
                        .name(name)
                        .input(input)
                        .startToCloseTimeout(timeoutSeconds == null ? null : Long.toString(timeoutSeconds)))
                .build();
        ctx.command(new Command(
                d,
                "ScheduleLambdaFunction id=" + id + " name=" + name + " input#=" + Command.hash(input),
                e -> (e.eventType() == EventType.LAMBDA_FUNCTION_SCHEDULED
                                && id.equals(e.lambdaFunctionScheduledEventAttributes()
                                        .id())
                                && name.equals(e.lambdaFunctionScheduledEventAttributes()
                                        .name())
                                && Objects.equals(
                                        input,
                                        e.lambdaFunctionScheduledEventAttributes()
                                                .input()))
                        || (e.eventType() == EventType.SCHEDULE_LAMBDA_FUNCTION_FAILED
                                && id.equals(e.scheduleLambdaFunctionFailedEventAttributes()
                                        .id())),
                this::scheduled));
    }

    private void scheduled(HistoryEvent e) {
        if (e.eventType() == EventType.LAMBDA_FUNCTION_SCHEDULED) {
            state = TABLE.next(state, Trigger.SCHEDULED);
            ctx.routeLambda(e.eventId(), this);
        } else {
            state = TABLE.next(state, Trigger.SCHEDULE_FAILED);
            String cause = e.scheduleLambdaFunctionFailedEventAttributes().causeAsString();
            result.completeExceptionally(ApplicationFailure.newFailure(
                    "SWF refused to schedule Lambda function " + name + ": " + cause, cause));
        }
    }

    /** An event about the call (routed by the Scheduled event id). */
    void handle(HistoryEvent e) {
        switch (e.eventType()) {
            case LAMBDA_FUNCTION_STARTED -> state = TABLE.next(state, Trigger.STARTED);
            case START_LAMBDA_FUNCTION_FAILED -> {
                state = TABLE.next(state, Trigger.START_FAILED);
                var a = e.startLambdaFunctionFailedEventAttributes();
                result.completeExceptionally(ApplicationFailure.newFailure(
                        "Lambda function " + name + " did not start: " + a.message(), a.causeAsString()));
            }
            case LAMBDA_FUNCTION_COMPLETED -> {
                state = TABLE.next(state, Trigger.COMPLETED);
                result.complete(e.lambdaFunctionCompletedEventAttributes().result());
            }
            case LAMBDA_FUNCTION_FAILED -> {
                state = TABLE.next(state, Trigger.FAILED);
                var a = e.lambdaFunctionFailedEventAttributes();
                result.completeExceptionally(FailureCodec.decode(a.reason(), a.details()));
            }
            case LAMBDA_FUNCTION_TIMED_OUT -> {
                state = TABLE.next(state, Trigger.TIMED_OUT);
                result.completeExceptionally(new TimeoutFailure(
                        e.lambdaFunctionTimedOutEventAttributes().timeoutTypeAsString(), null));
            }
            default -> throw new IllegalStateException("[BUG] Lambda " + id + " cannot take " + e.eventTypeAsString());
        }
    }

    State state() {
        return state;
    }
}
