package dev.weft.internal.replay;

import dev.weft.workflow.CompletablePromise;
import dev.weft.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The promise of workflow code. Not thread-safe, and need not be: only the thread holding the
 * runner's baton touches it. Callbacks run on the thread that completes it, in registration order.
 *
 * @param <T> the result type
 */
final class PromiseImpl<T> implements CompletablePromise<T> {
    private boolean done;
    private T value;
    private RuntimeException failure;
    private List<Runnable> callbacks;

    static <T> PromiseImpl<T> completed(T value) {
        PromiseImpl<T> p = new PromiseImpl<>();
        p.complete(value);
        return p;
    }

    static <T> PromiseImpl<T> failed(RuntimeException failure) {
        PromiseImpl<T> p = new PromiseImpl<>();
        p.completeExceptionally(failure);
        return p;
    }

    @Override
    public T get() {
        if (!done) {
            Runner.WThread me = Runner.current();
            if (me == null) {
                throw new IllegalStateException(
                        "Promise.get() blocks a workflow thread, and must be called from workflow code only");
            }
            me.runner().block(me, this::isDone);
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public RuntimeException getFailure() {
        return failure;
    }

    T value() {
        return value;
    }

    @Override
    public boolean complete(T v) {
        if (done) {
            return false;
        }
        done = true;
        value = v;
        fire();
        return true;
    }

    @Override
    public boolean completeExceptionally(RuntimeException f) {
        if (done) {
            return false;
        }
        if (f == null) {
            throw new NullPointerException("failure");
        }
        done = true;
        failure = f;
        fire();
        return true;
    }

    @Override
    public void completeFrom(Promise<? extends T> source) {
        whenDone(source, () -> {
            if (source.getFailure() != null) {
                completeExceptionally(source.getFailure());
            } else {
                complete(source.get());
            }
        });
    }

    /**
     * Runs {@code callback} once {@code p} is done (at once if it is).
     */
    static void whenDone(Promise<?> p, Runnable callback) {
        if (p instanceof PromiseImpl<?> impl) {
            impl.onDone(callback);
        } else {
            throw new IllegalArgumentException("Promises must come from Weft (Workflow.newPromise, Async, stubs)");
        }
    }

    void onDone(Runnable callback) {
        if (done) {
            callback.run();
            return;
        }
        if (callbacks == null) {
            callbacks = new ArrayList<>(2);
        }
        callbacks.add(callback);
    }

    private void fire() {
        List<Runnable> cs = callbacks;
        callbacks = null;
        if (cs != null) {
            for (Runnable c : cs) {
                c.run();
            }
        }
    }

    @Override
    public <U> Promise<U> thenApply(Function<? super T, ? extends U> fn) {
        return handle((v, f) -> {
            if (f != null) {
                throw f;
            }
            return fn.apply(v);
        });
    }

    @Override
    public <U> Promise<U> handle(BiFunction<? super T, RuntimeException, ? extends U> fn) {
        PromiseImpl<U> result = new PromiseImpl<>();
        onDone(() -> {
            U u;
            try {
                u = fn.apply(value, failure);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            result.complete(u);
        });
        return result;
    }

    @Override
    public <U> Promise<U> thenCompose(Function<? super T, ? extends Promise<U>> fn) {
        PromiseImpl<U> result = new PromiseImpl<>();
        onDone(() -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            Promise<U> next;
            try {
                next = fn.apply(value);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            result.completeFrom(next);
        });
        return result;
    }

    @Override
    public Promise<T> exceptionally(Function<RuntimeException, ? extends T> fn) {
        return handle((v, f) -> f == null ? v : fn.apply(f));
    }

    @Override
    public String toString() {
        return !done
                ? "Promise[pending]"
                : failure != null ? "Promise[failed: " + failure + "]" : "Promise[" + value + "]";
    }
}
