package dev.weft.client;

/** No such execution (or no open one, where an open one was needed) in the domain. */
public final class WorkflowNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkflowNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
