package dev.weft.activity;

/**
 * The workflow asked to cancel the activity. Thrown by {@link ActivityExecutionContext#heartbeat}
 * once SWF has said so; an activity that lets it propagate (or throws it) is reported canceled
 * (RespondActivityTaskCanceled).
 */
public final class ActivityCanceledException extends ActivityCompletionException {
    private static final long serialVersionUID = 1L;

    /**
     * A cancellation.
     *
     * @param message what was canceled
     */
    public ActivityCanceledException(String message) {
        super(message, null);
    }
}
