package dev.weft.client;

import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * The execution failed (FailWorkflowExecution). The cause is the workflow's exception, rebuilt as
 * its class when it is on the class path, else an {@code ApplicationFailure} of its type.
 */
public final class WorkflowFailedException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    /** SWF's reason. */
    private final String reason;
    /** SWF's details. */
    private final String details;

    WorkflowFailedException(WorkflowExecution execution, String reason, String details, Throwable cause) {
        super(execution, "Workflow " + execution.workflowId() + " failed: " + reason, cause);
        this.reason = reason;
        this.details = details;
    }

    /**
     * SWF's reason: the failure's type.
     *
     * @return the reason, or null
     */
    public String getReason() {
        return reason;
    }

    /**
     * SWF's details: for Weft workflows, JSON with the message, stack trace and cause.
     *
     * @return the details, or null
     */
    public String getDetails() {
        return details;
    }
}
