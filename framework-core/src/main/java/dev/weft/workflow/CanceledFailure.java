package dev.weft.workflow;

/**
 * Work was canceled: its {@link CancellationScope} (or the whole workflow, on a cancel request)
 * was canceled, or the activity or child acknowledged a cancellation. When the entry method throws
 * it, the workflow closes as canceled.
 */
public final class CanceledFailure extends WeftFailure {
    private static final long serialVersionUID = 1L;

    /**
     * For the framework, and for workflow code that cancels on its own terms.
     *
     * @param message why
     */
    public CanceledFailure(String message) {
        super(message, null);
    }
}
