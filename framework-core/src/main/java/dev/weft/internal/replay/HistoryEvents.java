package dev.weft.internal.replay;

import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/** What the decider needs to know about history events: which decision made them, and a summary. */
final class HistoryEvents {
    private HistoryEvents() {}

    /**
     * The id of the DecisionTaskCompleted whose decision this event records, or 0 if the event is
     * not a decision's immediate result. Outcomes that arrive later carry that id too (a failed
     * external signal, a child that could not start because its id was taken) and are not counted.
     */
    static long decidedBy(HistoryEvent e) {
        return switch (e.eventType()) {
            case ACTIVITY_TASK_SCHEDULED ->
                e.activityTaskScheduledEventAttributes().decisionTaskCompletedEventId();
            case SCHEDULE_ACTIVITY_TASK_FAILED ->
                e.scheduleActivityTaskFailedEventAttributes().decisionTaskCompletedEventId();
            case ACTIVITY_TASK_CANCEL_REQUESTED ->
                e.activityTaskCancelRequestedEventAttributes().decisionTaskCompletedEventId();
            case REQUEST_CANCEL_ACTIVITY_TASK_FAILED ->
                e.requestCancelActivityTaskFailedEventAttributes().decisionTaskCompletedEventId();
            case TIMER_STARTED -> e.timerStartedEventAttributes().decisionTaskCompletedEventId();
            case START_TIMER_FAILED -> e.startTimerFailedEventAttributes().decisionTaskCompletedEventId();
            case TIMER_CANCELED -> e.timerCanceledEventAttributes().decisionTaskCompletedEventId();
            case CANCEL_TIMER_FAILED -> e.cancelTimerFailedEventAttributes().decisionTaskCompletedEventId();
            case MARKER_RECORDED -> e.markerRecordedEventAttributes().decisionTaskCompletedEventId();
            case RECORD_MARKER_FAILED -> e.recordMarkerFailedEventAttributes().decisionTaskCompletedEventId();
            case START_CHILD_WORKFLOW_EXECUTION_INITIATED ->
                e.startChildWorkflowExecutionInitiatedEventAttributes().decisionTaskCompletedEventId();
            // Failures found at decision time have no Initiated event; WORKFLOW_ALREADY_RUNNING comes later.
            case START_CHILD_WORKFLOW_EXECUTION_FAILED ->
                e.startChildWorkflowExecutionFailedEventAttributes().initiatedEventId() == 0
                        ? e.startChildWorkflowExecutionFailedEventAttributes().decisionTaskCompletedEventId()
                        : 0;
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED ->
                e.signalExternalWorkflowExecutionInitiatedEventAttributes().decisionTaskCompletedEventId();
            case REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED ->
                e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes()
                        .decisionTaskCompletedEventId();
            case LAMBDA_FUNCTION_SCHEDULED ->
                e.lambdaFunctionScheduledEventAttributes().decisionTaskCompletedEventId();
            case SCHEDULE_LAMBDA_FUNCTION_FAILED ->
                e.scheduleLambdaFunctionFailedEventAttributes().decisionTaskCompletedEventId();
            case WORKFLOW_EXECUTION_COMPLETED ->
                e.workflowExecutionCompletedEventAttributes().decisionTaskCompletedEventId();
            case COMPLETE_WORKFLOW_EXECUTION_FAILED ->
                e.completeWorkflowExecutionFailedEventAttributes().decisionTaskCompletedEventId();
            case WORKFLOW_EXECUTION_FAILED ->
                e.workflowExecutionFailedEventAttributes().decisionTaskCompletedEventId();
            case FAIL_WORKFLOW_EXECUTION_FAILED ->
                e.failWorkflowExecutionFailedEventAttributes().decisionTaskCompletedEventId();
            case WORKFLOW_EXECUTION_CANCELED ->
                e.workflowExecutionCanceledEventAttributes().decisionTaskCompletedEventId();
            case CANCEL_WORKFLOW_EXECUTION_FAILED ->
                e.cancelWorkflowExecutionFailedEventAttributes().decisionTaskCompletedEventId();
            case WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
                e.workflowExecutionContinuedAsNewEventAttributes().decisionTaskCompletedEventId();
            case CONTINUE_AS_NEW_WORKFLOW_EXECUTION_FAILED ->
                e.continueAsNewWorkflowExecutionFailedEventAttributes().decisionTaskCompletedEventId();
            default -> 0;
        };
    }

    /** Decision task bookkeeping, which workflow code never sees. */
    static boolean isDecisionTaskEvent(HistoryEvent e) {
        EventType t = e.eventType();
        return t == EventType.DECISION_TASK_SCHEDULED
                || t == EventType.DECISION_TASK_STARTED
                || t == EventType.DECISION_TASK_COMPLETED
                || t == EventType.DECISION_TASK_TIMED_OUT;
    }

    /** A one-line summary for reports: the type and the attributes that identify it. */
    static String describe(HistoryEvent e) {
        return switch (e.eventType()) {
            case ACTIVITY_TASK_SCHEDULED -> {
                var a = e.activityTaskScheduledEventAttributes();
                yield "ScheduleActivityTask activityId=" + a.activityId() + " type="
                        + a.activityType().name() + "/" + a.activityType().version() + " input#="
                        + Command.hash(a.input());
            }
            case SCHEDULE_ACTIVITY_TASK_FAILED -> {
                var a = e.scheduleActivityTaskFailedEventAttributes();
                yield "ScheduleActivityTask activityId=" + a.activityId() + " type="
                        + a.activityType().name() + "/" + a.activityType().version() + " (failed: " + a.causeAsString()
                        + ")";
            }
            case ACTIVITY_TASK_CANCEL_REQUESTED ->
                "RequestCancelActivityTask activityId="
                        + e.activityTaskCancelRequestedEventAttributes().activityId();
            case REQUEST_CANCEL_ACTIVITY_TASK_FAILED ->
                "RequestCancelActivityTask activityId="
                        + e.requestCancelActivityTaskFailedEventAttributes().activityId() + " (failed)";
            case TIMER_STARTED ->
                "StartTimer timerId=" + e.timerStartedEventAttributes().timerId() + " startToFireTimeout="
                        + e.timerStartedEventAttributes().startToFireTimeout();
            case START_TIMER_FAILED ->
                "StartTimer timerId=" + e.startTimerFailedEventAttributes().timerId() + " (failed)";
            case TIMER_CANCELED ->
                "CancelTimer timerId=" + e.timerCanceledEventAttributes().timerId();
            case CANCEL_TIMER_FAILED ->
                "CancelTimer timerId=" + e.cancelTimerFailedEventAttributes().timerId() + " (failed)";
            case MARKER_RECORDED ->
                "RecordMarker markerName="
                        + e.markerRecordedEventAttributes().markerName() + " details#="
                        + Command.hash(e.markerRecordedEventAttributes().details());
            case RECORD_MARKER_FAILED ->
                "RecordMarker markerName="
                        + e.recordMarkerFailedEventAttributes().markerName() + " (failed)";
            case START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
                var a = e.startChildWorkflowExecutionInitiatedEventAttributes();
                yield "StartChildWorkflowExecution workflowId=" + a.workflowId() + " type="
                        + a.workflowType().name() + "/" + a.workflowType().version() + " input#="
                        + Command.hash(a.input());
            }
            case START_CHILD_WORKFLOW_EXECUTION_FAILED -> {
                var a = e.startChildWorkflowExecutionFailedEventAttributes();
                yield "StartChildWorkflowExecution workflowId=" + a.workflowId() + " type="
                        + a.workflowType().name() + "/" + a.workflowType().version() + " (failed: "
                        + a.causeAsString() + ")";
            }
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED -> {
                var a = e.signalExternalWorkflowExecutionInitiatedEventAttributes();
                yield "SignalExternalWorkflowExecution workflowId=" + a.workflowId() + " runId=" + a.runId()
                        + " signalName=" + a.signalName() + " input#=" + Command.hash(a.input());
            }
            case REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED -> {
                var a = e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes();
                yield "RequestCancelExternalWorkflowExecution workflowId=" + a.workflowId() + " runId=" + a.runId();
            }
            case LAMBDA_FUNCTION_SCHEDULED -> {
                var a = e.lambdaFunctionScheduledEventAttributes();
                yield "ScheduleLambdaFunction id=" + a.id() + " name=" + a.name() + " input#="
                        + Command.hash(a.input());
            }
            case SCHEDULE_LAMBDA_FUNCTION_FAILED -> {
                var a = e.scheduleLambdaFunctionFailedEventAttributes();
                yield "ScheduleLambdaFunction id=" + a.id() + " name=" + a.name() + " (failed: " + a.causeAsString()
                        + ")";
            }
            case WORKFLOW_EXECUTION_COMPLETED ->
                "CompleteWorkflowExecution result#="
                        + Command.hash(
                                e.workflowExecutionCompletedEventAttributes().result());
            case COMPLETE_WORKFLOW_EXECUTION_FAILED ->
                "CompleteWorkflowExecution (failed: "
                        + e.completeWorkflowExecutionFailedEventAttributes().causeAsString() + ")";
            case WORKFLOW_EXECUTION_FAILED ->
                "FailWorkflowExecution reason="
                        + e.workflowExecutionFailedEventAttributes().reason();
            case FAIL_WORKFLOW_EXECUTION_FAILED ->
                "FailWorkflowExecution (failed: "
                        + e.failWorkflowExecutionFailedEventAttributes().causeAsString() + ")";
            case WORKFLOW_EXECUTION_CANCELED -> "CancelWorkflowExecution";
            case CANCEL_WORKFLOW_EXECUTION_FAILED ->
                "CancelWorkflowExecution (failed: "
                        + e.cancelWorkflowExecutionFailedEventAttributes().causeAsString() + ")";
            case WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
                "ContinueAsNewWorkflowExecution input#="
                        + Command.hash(e.workflowExecutionContinuedAsNewEventAttributes()
                                .input());
            case CONTINUE_AS_NEW_WORKFLOW_EXECUTION_FAILED ->
                "ContinueAsNewWorkflowExecution (failed: "
                        + e.continueAsNewWorkflowExecutionFailedEventAttributes()
                                .causeAsString() + ")";
            default -> e.eventTypeAsString();
        };
    }
}
