package dev.weft.activity;

/**
 * SWF no longer knows the activity task: it timed out, was answered already, or its execution
 * closed. The activity should stop; the worker sends no answer for it.
 */
public final class ActivityNotExistsException extends ActivityCompletionException {
    private static final long serialVersionUID = 1L;

    /**
     * The task is gone.
     *
     * @param message which task, and what SWF said
     * @param cause SWF's fault
     */
    public ActivityNotExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
