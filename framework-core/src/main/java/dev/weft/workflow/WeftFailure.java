package dev.weft.workflow;

/**
 * The base of the failures workflow code sees: an activity, child workflow or Lambda function
 * that failed, timed out or was canceled, or a failure raised on purpose. When the entry method of
 * a workflow throws one of these (or a checked exception it declares), the workflow fails (or, for
 * {@link CanceledFailure}, is canceled); any other exception is treated as a bug in the workflow
 * code, which by default leaves the decision task to time out and be retried.
 */
public abstract class WeftFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WeftFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
