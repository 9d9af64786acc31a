package dev.weft.internal.replay;

import dev.weft.workflow.ApplicationFailure;
import java.util.Objects;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * A signal to another execution (SignalExternalWorkflowExecution) or a request that it cancel
 * (RequestCancelExternalWorkflowExecution): initiated, then delivered or failed. The promise
 * completes on delivery and fails with SWF's cause otherwise.
 */
final class ExternalMachine {
    enum State {
        CREATED,
        INITIATED,
        DELIVERED,
        FAILED
    }

    enum Trigger {
        INITIATED,
        DELIVERED,
        FAILED
    }

    static final Transitions<State, Trigger> TABLE = Transitions.of(
                    "ExternalMachine", State.CREATED, State.class, Trigger.class)
            .add(State.CREATED, Trigger.INITIATED, State.INITIATED)
            .add(State.INITIATED, Trigger.DELIVERED, State.DELIVERED)
            .add(State.INITIATED, Trigger.FAILED, State.FAILED);

    final PromiseImpl<Void> delivered = new PromiseImpl<>();
    private final WorkflowContext ctx;
    private final boolean signal;
    private State state = State.CREATED;

    /** A signal. */
    ExternalMachine(WorkflowContext ctx, String workflowId, String runId, String signalName, String input) {
        this.ctx = ctx;
        this.signal = true;
        Decision d = Decision.builder()
                .decisionType(DecisionType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION)
                .signalExternalWorkflowExecutionDecisionAttributes(a -> a.workflowId(workflowId)
                        .runId(runId)
                        .signalName(signalName)
                        .input(input))
                .build();
        ctx.command(new Command(
                d,
                "SignalExternalWorkflowExecution workflowId=" + workflowId + " runId=" + runId + " signalName="
                        + signalName + " input#=" + Command.hash(input),
                e -> e.eventType() == EventType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED
                        && workflowId.equals(e.signalExternalWorkflowExecutionInitiatedEventAttributes()
                                .workflowId())
                        && Objects.equals(
                                runId,
                                e.signalExternalWorkflowExecutionInitiatedEventAttributes()
                                        .runId())
                        && signalName.equals(e.signalExternalWorkflowExecutionInitiatedEventAttributes()
                                .signalName())
                        && Objects.equals(
                                input,
                                e.signalExternalWorkflowExecutionInitiatedEventAttributes()
                                        .input()),
                this::initiated));
    }

    /** A cancel request. */
    ExternalMachine(WorkflowContext ctx, String workflowId, String runId) {
        this.ctx = ctx;
        this.signal = false;
        Decision d = Decision.builder()
                .decisionType(DecisionType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION)
                .requestCancelExternalWorkflowExecutionDecisionAttributes(
                        a -> a.workflowId(workflowId).runId(runId))
                .build();
        ctx.command(new Command(
                d,
                "RequestCancelExternalWorkflowExecution workflowId=" + workflowId + " runId=" + runId,
                e -> e.eventType() == EventType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED
                        && workflowId.equals(e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes()
                                .workflowId())
                        && Objects.equals(
                                runId,
                                e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes()
                                        .runId()),
                this::initiated));
    }

    private void initiated(HistoryEvent e) {
        state = TABLE.next(state, Trigger.INITIATED);
        ctx.routeExternal(e.eventId(), this);
    }

    /** Delivered or failed (routed by the Initiated event id). */
    void handle(HistoryEvent e) {
        switch (e.eventType()) {
            case EXTERNAL_WORKFLOW_EXECUTION_SIGNALED, EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED -> {
                state = TABLE.next(state, Trigger.DELIVERED);
                delivered.complete(null);
            }
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED -> {
                state = TABLE.next(state, Trigger.FAILED);
                String cause =
                        e.signalExternalWorkflowExecutionFailedEventAttributes().causeAsString();
                delivered.completeExceptionally(
                        ApplicationFailure.newFailure("The signal was not delivered: " + cause, cause));
            }
            case REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED -> {
                state = TABLE.next(state, Trigger.FAILED);
                String cause = e.requestCancelExternalWorkflowExecutionFailedEventAttributes()
                        .causeAsString();
                delivered.completeExceptionally(
                        ApplicationFailure.newFailure("The cancel request was not delivered: " + cause, cause));
            }
            default ->
                throw new IllegalStateException(
                        "[BUG] external " + (signal ? "signal" : "cancel") + " cannot take " + e.eventTypeAsString());
        }
    }

    State state() {
        return state;
    }
}
