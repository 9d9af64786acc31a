package dev.weft.client;

/** A step action went to an execution that does not exist, is closed, or has no such step waiting. */
public final class StepNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
