package dev.weft.workflow;

/**
 * A promise that workflow code completes itself, from {@link Workflow#newPromise()}: to hand a
 * value from a signal method to the main method, for instance. Completing it twice is ignored and
 * returns false.
 *
 * @param <T> the result type
 */
public interface CompletablePromise<T> extends Promise<T> {
    /**
     * Completes the promise with a value.
     *
     * @param value the value, or null
     * @return false if it was done already
     */
    boolean complete(T value);

    /**
     * Completes the promise with a failure.
     *
     * @param failure the failure
     * @return false if it was done already
     */
    boolean completeExceptionally(RuntimeException failure);

    /**
     * Completes this promise when {@code source} is done, the same way.
     *
     * @param source the promise to follow
     */
    void completeFrom(Promise<? extends T> source);
}
