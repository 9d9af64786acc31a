package dev.weft.workflow;

/**
 * Replaying a workflow's history, its code did something other than what the history records: a
 * different activity, timer, child or marker, in another order, with other input, or nothing
 * where the history has something. The message names the event id, what the history holds, what
 * the code produced, and (when the code produced something) the call site. Workflow code must not
 * catch it.
 */
public final class NonDeterministicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * For the framework.
     *
     * @param message the report
     */
    public NonDeterministicException(String message) {
        super(message);
    }
}
