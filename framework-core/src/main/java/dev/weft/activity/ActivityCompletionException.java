package dev.weft.activity;

/** A heartbeat (or a late completion) found that the task cannot complete normally any more. */
public class ActivityCompletionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ActivityCompletionException(String message, Throwable cause) {
        super(message, cause);
    }
}
