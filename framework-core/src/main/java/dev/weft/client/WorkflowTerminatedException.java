package dev.weft.client;

import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** The execution was terminated (by TerminateWorkflowExecution, a parent's child policy, or SWF). */
public final class WorkflowTerminatedException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    /** The termination's reason. */
    private final String reason;
    /** The termination's cause. */
    private final String terminationCause;

    WorkflowTerminatedException(WorkflowExecution execution, String reason, String details, String cause) {
        super(
                execution,
                "Workflow " + execution.workflowId() + " was terminated"
                        + (reason == null ? "" : ": " + reason) + (cause == null ? "" : " (" + cause + ")")
                        + (details == null ? "" : "; " + details),
                null);
        this.reason = reason;
        this.terminationCause = cause;
    }

    /**
     * The reason given to the termination.
     *
     * @return the reason, or null
     */
    public String getReason() {
        return reason;
    }

    /**
     * SWF's cause: {@code CHILD_POLICY_APPLIED}, {@code EVENT_LIMIT_EXCEEDED} or {@code
     * OPERATOR_INITIATED}.
     *
     * @return the cause, or null
     */
    public String getTerminationCause() {
        return terminationCause;
    }
}
