package dev.weft.internal.replay;

import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.CanceledFailure;
import dev.weft.workflow.ChildWorkflowFailure;
import dev.weft.workflow.TimeoutFailure;
import java.util.Objects;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * One attempt of a child workflow: StartChildWorkflowExecution, the child's start and close as the
 * parent's history records them, and an optional cancellation (a RequestCancelExternal of the
 * child, sent once it has started). Two promises: the started run, and the result payload.
 */
final class ChildMachine {
    enum State {
        CREATED,
        INITIATED,
        STARTED,
        START_FAILED,
        COMPLETED,
        FAILED,
        CANCELED,
        TIMED_OUT,
        TERMINATED
    }

    enum Trigger {
        INITIATED,
        START_FAILED,
        STARTED,
        COMPLETED,
        FAILED,
        CANCELED,
        TIMED_OUT,
        TERMINATED
    }

    static final Transitions<State, Trigger> TABLE = Transitions.of(
                    "ChildMachine", State.CREATED, State.class, Trigger.class)
            .add(State.CREATED, Trigger.INITIATED, State.INITIATED)
            .add(State.CREATED, Trigger.START_FAILED, State.START_FAILED)
            .add(State.INITIATED, Trigger.START_FAILED, State.START_FAILED)
            .add(State.INITIATED, Trigger.STARTED, State.STARTED)
            .add(State.STARTED, Trigger.COMPLETED, State.COMPLETED)
            .add(State.STARTED, Trigger.FAILED, State.FAILED)
            .add(State.STARTED, Trigger.CANCELED, State.CANCELED)
            .add(State.STARTED, Trigger.TIMED_OUT, State.TIMED_OUT)
            .add(State.STARTED, Trigger.TERMINATED, State.TERMINATED);

    private final WorkflowContext ctx;
    final String workflowId;
    final WorkflowType type;
    final PromiseImpl<WorkflowExecution> started = new PromiseImpl<>();
    final PromiseImpl<String> result = new PromiseImpl<>();
    private State state = State.CREATED;
    private boolean cancelRequested;

    ChildMachine(WorkflowContext ctx, StartChildWorkflowExecutionDecisionAttributes attributes) {
        this.ctx = ctx;
        this.workflowId = attributes.workflowId();
        this.type = attributes.workflowType();
        String input = attributes.input();
        Decision d = Decision.builder()
                .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                .startChildWorkflowExecutionDecisionAttributes(attributes)
                .build();
        ctx.command(new Command(
                d,
                "StartChildWorkflowExecution workflowId=" + workflowId + " type=" + label() + " input#="
                        + Command.hash(input),
                e -> (e.eventType() == EventType.START_CHILD_WORKFLOW_EXECUTION_INITIATED
                                && workflowId.equals(e.startChildWorkflowExecutionInitiatedEventAttributes()
                                        .workflowId())
                                && type.equals(e.startChildWorkflowExecutionInitiatedEventAttributes()
                                        .workflowType())
                                && Objects.equals(
                                        input,
                                        e.startChildWorkflowExecutionInitiatedEventAttributes()
                                                .input()))
                        || (e.eventType() == EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED
                                && workflowId.equals(e.startChildWorkflowExecutionFailedEventAttributes()
                                        .workflowId())
                                && type.equals(e.startChildWorkflowExecutionFailedEventAttributes()
                                        .workflowType())),
                this::initiated));
    }

    String label() {
        return type.name() + "/" + type.version();
    }

    private void initiated(HistoryEvent e) {
        if (e.eventType() == EventType.START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
            state = TABLE.next(state, Trigger.INITIATED);
            ctx.routeChild(e.eventId(), this);
        } else {
            startFailed(e);
        }
    }

    private void startFailed(HistoryEvent e) {
        state = TABLE.next(state, Trigger.START_FAILED);
        String cause = e.startChildWorkflowExecutionFailedEventAttributes().causeAsString();
        ChildWorkflowFailure failure = new ChildWorkflowFailure(
                label(), workflowId, ApplicationFailure.newFailure("SWF did not start the child: " + cause, cause));
        started.completeExceptionally(failure);
        result.completeExceptionally(failure);
    }

    /** An event about the child (routed by the Initiated event id). */
    void handle(HistoryEvent e) {
        switch (e.eventType()) {
            case START_CHILD_WORKFLOW_EXECUTION_FAILED -> startFailed(e);
            case CHILD_WORKFLOW_EXECUTION_STARTED -> {
                state = TABLE.next(state, Trigger.STARTED);
                WorkflowExecution run =
                        e.childWorkflowExecutionStartedEventAttributes().workflowExecution();
                started.complete(run);
                if (cancelRequested) {
                    ctx.requestCancelExternal(run.workflowId(), run.runId());
                }
            }
            case CHILD_WORKFLOW_EXECUTION_COMPLETED -> {
                state = TABLE.next(state, Trigger.COMPLETED);
                result.complete(
                        e.childWorkflowExecutionCompletedEventAttributes().result());
            }
            case CHILD_WORKFLOW_EXECUTION_FAILED -> {
                state = TABLE.next(state, Trigger.FAILED);
                var a = e.childWorkflowExecutionFailedEventAttributes();
                fail(FailureCodec.decode(a.reason(), a.details()));
            }
            case CHILD_WORKFLOW_EXECUTION_CANCELED -> {
                state = TABLE.next(state, Trigger.CANCELED);
                fail(new CanceledFailure(
                        "The child workflow was canceled",
                        e.childWorkflowExecutionCanceledEventAttributes().details()));
            }
            case CHILD_WORKFLOW_EXECUTION_TIMED_OUT -> {
                state = TABLE.next(state, Trigger.TIMED_OUT);
                fail(new TimeoutFailure(
                        e.childWorkflowExecutionTimedOutEventAttributes().timeoutTypeAsString(), null));
            }
            case CHILD_WORKFLOW_EXECUTION_TERMINATED -> {
                state = TABLE.next(state, Trigger.TERMINATED);
                fail(ApplicationFailure.newFailure("The child workflow was terminated", "Terminated"));
            }
            default ->
                throw new IllegalStateException("[BUG] child " + workflowId + " cannot take " + e.eventTypeAsString());
        }
    }

    private void fail(RuntimeException cause) {
        result.completeExceptionally(new ChildWorkflowFailure(label(), workflowId, cause));
    }

    /**
     * Asks the child to cancel (at once if it started, else when it starts); the result promise
     * fails with a cancellation at once.
     */
    void cancel() {
        if (cancelRequested || result.isDone()) {
            return;
        }
        cancelRequested = true;
        if (state == State.STARTED) {
            WorkflowExecution run = started.value();
            ctx.requestCancelExternal(run.workflowId(), run.runId());
        }
        result.completeExceptionally(new ChildWorkflowFailure(
                label(), workflowId, new CanceledFailure("The child's cancellation scope was canceled")));
    }

    State state() {
        return state;
    }
}
