package dev.weft.workflow;

/**
 * A child workflow failed, timed out, was canceled or terminated, or could not be started. The
 * cause says which: the child's own failure (its exception, or an {@link ApplicationFailure}), a
 * {@link TimeoutFailure}, a {@link CanceledFailure}, or an {@link ApplicationFailure} of type
 * {@code Terminated} or of the start's failure cause (such as {@code WORKFLOW_ALREADY_RUNNING}).
 */
public final class ChildWorkflowFailure extends WeftFailure {
    private static final long serialVersionUID = 1L;

    /** The child's type, as name/version. */
    private final String workflowType;
    /** The child's workflow id. */
    private final String workflowId;

    /**
     * For the framework; workflow code catches these, it does not create them.
     *
     * @param workflowType the child's type as {@code name/version}
     * @param workflowId the child's workflow id
     * @param cause why it failed
     */
    public ChildWorkflowFailure(String workflowType, String workflowId, Throwable cause) {
        super("Child workflow " + workflowType + " (workflowId " + workflowId + ") failed: " + cause, cause);
        this.workflowType = workflowType;
        this.workflowId = workflowId;
    }

    /**
     * The child's type, as {@code name/version}.
     *
     * @return the type
     */
    public String getWorkflowType() {
        return workflowType;
    }

    /**
     * The child's workflow id.
     *
     * @return the id
     */
    public String getWorkflowId() {
        return workflowId;
    }
}
