package dev.weft.internal.replay;

import dev.weft.workflow.Promise;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link Promise#allOf} and {@link Promise#anyOf}. */
public final class Promises {
    private Promises() {}

    /**
     * Done when all are done; fails with the first failure (in the given order).
     *
     * @param promises the promises
     * @return the combined promise
     */
    public static Promise<Void> allOf(Collection<? extends Promise<?>> promises) {
        List<Promise<?>> list = new ArrayList<>(promises);
        PromiseImpl<Void> all = new PromiseImpl<>();
        if (list.isEmpty()) {
            all.complete(null);
            return all;
        }
        int[] left = {list.size()};
        for (Promise<?> p : list) {
            PromiseImpl.whenDone(p, () -> {
                if (--left[0] == 0) {
                    for (Promise<?> q : list) {
                        if (q.getFailure() != null) {
                            all.completeExceptionally(q.getFailure());
                            return;
                        }
                    }
                    all.complete(null);
                }
            });
        }
        return all;
    }

    /**
     * Done when the first is done, with its outcome; among several done already, the first given.
     *
     * @param promises the promises
     * @param <V> their result type
     * @return the combined promise
     */
    @SuppressWarnings("unchecked")
    public static <V> Promise<V> anyOf(Collection<? extends Promise<? extends V>> promises) {
        if (promises.isEmpty()) {
            throw new IllegalArgumentException("Promise.anyOf needs at least one promise");
        }
        PromiseImpl<V> any = new PromiseImpl<>();
        for (Promise<? extends V> p : promises) {
            PromiseImpl.whenDone(p, () -> {
                if (p.getFailure() != null) {
                    any.completeExceptionally(p.getFailure());
                } else {
                    any.complete(((PromiseImpl<V>) p).value());
                }
            });
        }
        return any;
    }
}
