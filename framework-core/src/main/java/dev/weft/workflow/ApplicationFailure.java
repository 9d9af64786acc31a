package dev.weft.workflow;

/**
 * A failure that crossed a process boundary: an exception thrown by an activity, a child workflow
 * or a Lambda function, carried as its type name, message and details. When the original
 * exception's class is on the class path and has a public {@code (String)} or {@code (String,
 * Throwable)} constructor, workflow code sees an instance of that class as the cause of the
 * enclosing {@link ActivityFailure} or {@link ChildWorkflowFailure} instead.
 *
 * <p>Workflow code throws one to fail its workflow on purpose:
 *
 * <pre>{@code
 * throw ApplicationFailure.newFailure("Card declined", "PaymentDeclined");
 * }</pre>
 */
public final class ApplicationFailure extends WeftFailure {
    private static final long serialVersionUID = 1L;

    /** The failure's type. */
    private final String type;
    /** Details carried with the failure, or null. */
    private final String details;

    private ApplicationFailure(String message, String type, String details, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.details = details;
    }

    /**
     * A failure of the given type, with a message.
     *
     * @param message what went wrong
     * @param type the failure's type, as callers will match it (often an exception class name)
     * @return the failure, to throw
     */
    public static ApplicationFailure newFailure(String message, String type) {
        return new ApplicationFailure(message, type, null, null);
    }

    /**
     * A failure of the given type with a message, details (free text, at most 32,768 characters
     * when it crosses SWF) and a cause.
     *
     * @param message what went wrong
     * @param type the failure's type
     * @param details more information, or null
     * @param cause the underlying failure, or null
     * @return the failure, to throw
     */
    public static ApplicationFailure newFailure(String message, String type, String details, Throwable cause) {
        return new ApplicationFailure(message, type, details, cause);
    }

    /**
     * The failure's type: the class name of the exception that was thrown remotely, or the type
     * given to {@link #newFailure}.
     *
     * @return the type
     */
    public String getType() {
        return type;
    }

    /**
     * Details carried with the failure, or null.
     *
     * @return the details
     */
    public String getDetails() {
        return details;
    }
}
