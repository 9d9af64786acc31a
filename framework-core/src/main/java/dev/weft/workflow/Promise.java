package dev.weft.workflow;

import dev.weft.internal.replay.Promises;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The eventual result of something a workflow started: an activity, a timer, a child workflow, an
 * {@link Async} branch. {@link #get()} blocks the calling workflow thread until it is done; the
 * other methods never block. Callbacks run deterministically, on the workflow thread that completes
 * the promise.
 *
 * <pre>{@code
 * Promise<Receipt> a = Async.function(payments::charge, card, amount);
 * Promise<Label> b = Async.function(shipping::label, address);
 * Promise.allOf(a, b).get();
 * }</pre>
 *
 * @param <T> the result type
 */
public interface Promise<T> {
    /**
     * Waits for the result, blocking this workflow thread (never the worker).
     *
     * @return the result
     * @throws RuntimeException the failure the promise completed with
     */
    T get();

    /**
     * Whether the promise is done, with a value or a failure.
     *
     * @return true once done
     */
    boolean isDone();

    /**
     * The failure the promise completed with, or null if it succeeded or is not done.
     *
     * @return the failure
     */
    RuntimeException getFailure();

    /**
     * A promise of {@code fn} applied to this one's value; a failure passes through.
     *
     * @param fn what to apply
     * @param <U> the new result type
     * @return the new promise
     */
    <U> Promise<U> thenApply(Function<? super T, ? extends U> fn);

    /**
     * A promise of {@code fn} applied to this one's value or failure (exactly one is non-null).
     *
     * @param fn what to apply
     * @param <U> the new result type
     * @return the new promise
     */
    <U> Promise<U> handle(BiFunction<? super T, RuntimeException, ? extends U> fn);

    /**
     * A promise of the promise {@code fn} returns for this one's value.
     *
     * @param fn what to apply
     * @param <U> the new result type
     * @return the new promise
     */
    <U> Promise<U> thenCompose(Function<? super T, ? extends Promise<U>> fn);

    /**
     * A promise of this one's value, or of {@code fn} applied to its failure.
     *
     * @param fn what to apply to a failure
     * @return the new promise
     */
    Promise<T> exceptionally(Function<RuntimeException, ? extends T> fn);

    /**
     * A promise done when all of these are: with no value, or with the first failure (in the order
     * given) once all are done.
     *
     * @param promises the promises
     * @return the combined promise
     */
    static Promise<Void> allOf(Collection<? extends Promise<?>> promises) {
        return Promises.allOf(promises);
    }

    /**
     * As {@link #allOf(Collection)}.
     *
     * @param promises the promises
     * @return the combined promise
     */
    static Promise<Void> allOf(Promise<?>... promises) {
        return Promises.allOf(Arrays.asList(promises));
    }

    /**
     * A promise done when the first of these is, with its value or failure. When several are done
     * already, the first in the order given wins.
     *
     * @param promises the promises
     * @param <V> their result type
     * @return the combined promise
     */
    static <V> Promise<V> anyOf(Collection<? extends Promise<? extends V>> promises) {
        return Promises.anyOf(promises);
    }

    /**
     * As {@link #anyOf(Collection)}.
     *
     * @param promises the promises
     * @param <V> their result type
     * @return the combined promise
     */
    @SafeVarargs
    static <V> Promise<V> anyOf(Promise<? extends V>... promises) {
        java.util.List<Promise<? extends V>> list = new java.util.ArrayList<>(promises.length);
        for (Promise<? extends V> p : promises) {
            list.add(p);
        }
        return Promises.anyOf(list);
    }
}
