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
        this(message, null);
    }

    /**
     * A cancellation with details: what an activity said as it stopped ({@code
     * ActivityTaskCanceled}'s details, the message of the {@code ActivityCanceledException} it
     * threw), or a child's.
     *
     * @param message why
     * @param details the details, or null
     */
    public CanceledFailure(String message, String details) {
        super(message, null);
        this.details = details;
    }

    /** The details the canceled work left, or null. */
    private final String details;

    /**
     * The details the canceled work left: for an activity, what it reported as it stopped (the
     * message of the {@code ActivityCanceledException} it threw); null if none.
     *
     * @return the details, or null
     */
    public String getDetails() {
        return details;
    }
}
