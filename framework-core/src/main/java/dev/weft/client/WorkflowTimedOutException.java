package dev.weft.client;

import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** The execution ran past its execution start-to-close timeout. */
public final class WorkflowTimedOutException extends WorkflowException {
    private static final long serialVersionUID = 1L;

    WorkflowTimedOutException(WorkflowExecution execution, String timeoutType) {
        super(execution, "Workflow " + execution.workflowId() + " timed out (" + timeoutType + ")", null);
    }
}
