package dev.weft.client;

import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** The execution was canceled (CancelWorkflowExecution, after a cancel request). */
public final class WorkflowCanceledException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    /** The cancellation's details. */
    private final String details;

    WorkflowCanceledException(WorkflowExecution execution, String details) {
        super(
                execution,
                "Workflow " + execution.workflowId() + " was canceled" + (details == null ? "" : ": " + details),
                null);
        this.details = details;
    }

    /**
     * The details the workflow closed with.
     *
     * @return the details, or null
     */
    public String getDetails() {
        return details;
    }
}
