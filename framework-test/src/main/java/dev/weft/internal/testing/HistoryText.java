package dev.weft.internal.testing;

import software.amazon.awssdk.services.swf.model.HistoryEvent;

/** One line per history event: id, type, and what identifies it. */
public final class HistoryText {
    private static final int MAX_DATA = 200;

    private HistoryText() {}

    /**
     * The event as one line.
     *
     * @param e the event
     * @return the line
     */
    public static String line(HistoryEvent e) {
        String d = switch (e.eventType()) {
            case WORKFLOW_EXECUTION_STARTED -> {
                var a = e.workflowExecutionStartedEventAttributes();
                yield a.workflowType().name() + "/" + a.workflowType().version() + " input=" + cut(a.input());
            }
            case DECISION_TASK_COMPLETED -> {
                String c = e.decisionTaskCompletedEventAttributes().executionContext();
                yield c == null ? "" : "context=" + cut(c);
            }
            case DECISION_TASK_TIMED_OUT ->
                e.decisionTaskTimedOutEventAttributes().timeoutTypeAsString();
            case ACTIVITY_TASK_SCHEDULED -> {
                var a = e.activityTaskScheduledEventAttributes();
                yield "id=" + a.activityId() + " " + a.activityType().name() + "/"
                        + a.activityType().version() + " input=" + cut(a.input());
            }
            case ACTIVITY_TASK_COMPLETED ->
                "scheduled=" + e.activityTaskCompletedEventAttributes().scheduledEventId() + " result="
                        + cut(e.activityTaskCompletedEventAttributes().result());
            case ACTIVITY_TASK_FAILED ->
                "scheduled=" + e.activityTaskFailedEventAttributes().scheduledEventId() + " reason="
                        + e.activityTaskFailedEventAttributes().reason();
            case ACTIVITY_TASK_TIMED_OUT ->
                "scheduled=" + e.activityTaskTimedOutEventAttributes().scheduledEventId() + " "
                        + e.activityTaskTimedOutEventAttributes().timeoutTypeAsString();
            case ACTIVITY_TASK_CANCEL_REQUESTED ->
                "id=" + e.activityTaskCancelRequestedEventAttributes().activityId();
            case TIMER_STARTED ->
                "id=" + e.timerStartedEventAttributes().timerId() + " "
                        + e.timerStartedEventAttributes().startToFireTimeout() + "s";
            case TIMER_FIRED -> "id=" + e.timerFiredEventAttributes().timerId();
            case TIMER_CANCELED -> "id=" + e.timerCanceledEventAttributes().timerId();
            case MARKER_RECORDED ->
                e.markerRecordedEventAttributes().markerName() + " "
                        + cut(e.markerRecordedEventAttributes().details());
            case WORKFLOW_EXECUTION_SIGNALED ->
                e.workflowExecutionSignaledEventAttributes().signalName() + " input="
                        + cut(e.workflowExecutionSignaledEventAttributes().input());
            case WORKFLOW_EXECUTION_COMPLETED ->
                "result=" + cut(e.workflowExecutionCompletedEventAttributes().result());
            case WORKFLOW_EXECUTION_FAILED ->
                "reason=" + e.workflowExecutionFailedEventAttributes().reason() + " details="
                        + cut(e.workflowExecutionFailedEventAttributes().details());
            case WORKFLOW_EXECUTION_TIMED_OUT ->
                e.workflowExecutionTimedOutEventAttributes().timeoutTypeAsString();
            case WORKFLOW_EXECUTION_TERMINATED ->
                "reason=" + e.workflowExecutionTerminatedEventAttributes().reason();
            case START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
                var a = e.startChildWorkflowExecutionInitiatedEventAttributes();
                yield a.workflowId() + " " + a.workflowType().name() + " input=" + cut(a.input());
            }
            case CHILD_WORKFLOW_EXECUTION_COMPLETED ->
                "result="
                        + cut(e.childWorkflowExecutionCompletedEventAttributes().result());
            case CHILD_WORKFLOW_EXECUTION_FAILED ->
                "reason=" + e.childWorkflowExecutionFailedEventAttributes().reason();
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED ->
                e.signalExternalWorkflowExecutionInitiatedEventAttributes().workflowId() + " "
                        + e.signalExternalWorkflowExecutionInitiatedEventAttributes()
                                .signalName();
            case LAMBDA_FUNCTION_SCHEDULED ->
                e.lambdaFunctionScheduledEventAttributes().name() + " input="
                        + cut(e.lambdaFunctionScheduledEventAttributes().input());
            case LAMBDA_FUNCTION_COMPLETED ->
                "result=" + cut(e.lambdaFunctionCompletedEventAttributes().result());
            default -> "";
        };
        return (e.eventId() + " " + e.eventTypeAsString() + " " + d).trim();
    }

    private static String cut(String data) {
        if (data == null) {
            return "null";
        }
        return data.length() <= MAX_DATA ? data : data.substring(0, MAX_DATA) + "… (" + data.length() + " chars)";
    }
}
