package dev.weft.client;

import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * A workflow execution did not complete: it failed, timed out, was canceled or terminated. Thrown
 * by a client's wait for a result; the subclass says which.
 */
public abstract class WorkflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient WorkflowExecution execution;

    WorkflowException(WorkflowExecution execution, String message, Throwable cause) {
        super(message, cause);
        this.execution = execution;
    }

    /**
     * The execution (the last run, when runs continued as new).
     *
     * @return the execution
     */
    public WorkflowExecution getExecution() {
        return execution;
    }
}
