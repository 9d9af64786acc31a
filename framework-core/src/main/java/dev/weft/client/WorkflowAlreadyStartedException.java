package dev.weft.client;

/** A start named a workflow id that has an open execution in the domain already. */
public final class WorkflowAlreadyStartedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The workflow id. */
    private final String workflowId;

    WorkflowAlreadyStartedException(String workflowId, String domain, Throwable cause) {
        super(
                "Workflow id " + workflowId + " has an open execution in domain " + domain + " already. Use another id,"
                        + " or work with the open one (newWorkflowStub(type, workflowId)).",
                cause);
        this.workflowId = workflowId;
    }

    /**
     * The workflow id.
     *
     * @return the id
     */
    public String getWorkflowId() {
        return workflowId;
    }
}
