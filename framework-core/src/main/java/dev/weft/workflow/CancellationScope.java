package dev.weft.workflow;

/**
 * A part of a workflow that can be canceled as one: canceling a scope cancels the activities,
 * timers and child workflows started in it (and in the scopes nested in it), and the code blocked
 * on them gets a {@link CanceledFailure} (as the cause of an {@link ActivityFailure}, say). SWF
 * has no decision that cancels a Lambda task: one already scheduled runs to its end, and only one
 * started in a scope already canceled fails at once. The whole workflow runs in a root scope, which a cancel request from
 * outside cancels.
 *
 * <pre>{@code
 * CancellationScope scope = Workflow.newCancellationScope(() -> {
 *     Promise<Quote> a = Async.function(quotes::fromA, order);
 *     Promise<Quote> b = Async.function(quotes::fromB, order);
 *     first = Promise.anyOf(a, b).get();
 * });
 * scope.run();
 * scope.cancel(); // the slower quote is not needed any more
 * }</pre>
 *
 * <p>A detached scope ({@link Workflow#newDetachedCancellationScope}) is not canceled with its
 * parent: use one to clean up after a cancellation.
 */
public interface CancellationScope {
    /**
     * Runs the scope's code on the calling workflow thread; what it starts (including {@link
     * Async} branches) belongs to the scope.
     */
    void run();

    /** Cancels the scope and the scopes nested in it. Idempotent. */
    void cancel();

    /**
     * Cancels the scope, with a reason for the record.
     *
     * @param reason why
     */
    void cancel(String reason);

    /**
     * Whether the scope (or, unless it is detached, a scope it is nested in) was canceled.
     *
     * @return true once canceled
     */
    boolean isCancelRequested();

    /**
     * The reason given to {@link #cancel(String)}, or null.
     *
     * @return the reason
     */
    String getCancellationReason();

    /**
     * Whether the scope is detached from its parent's cancellation.
     *
     * @return true for a detached scope
     */
    boolean isDetached();

    /**
     * The scope the calling workflow code runs in.
     *
     * @return the current scope
     */
    static CancellationScope current() {
        return Workflow.currentCancellationScope();
    }

    /**
     * Throws {@link CanceledFailure} if the current scope was canceled: a check for long loops of
     * workflow code that start nothing cancelable.
     */
    static void throwCanceled() {
        CancellationScope s = current();
        if (s.isCancelRequested()) {
            throw new CanceledFailure(
                    s.getCancellationReason() == null ? "The scope was canceled" : s.getCancellationReason());
        }
    }
}
