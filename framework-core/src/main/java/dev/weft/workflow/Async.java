package dev.weft.workflow;

import dev.weft.internal.replay.WorkflowInternal;

/**
 * Runs workflow code without waiting for it: parallel branches of a workflow.
 *
 * <p>Given a method reference to a stub ({@code payments::charge}), the call is made at once and
 * its promise returned: the activity (or child, or signal) is scheduled with the next decisions,
 * and the calling code carries on. Given any other function, it runs on a new workflow thread
 * (deterministically interleaved with the others, as all workflow threads are).
 *
 * <pre>{@code
 * List<Promise<Integer>> parts = new ArrayList<>();
 * for (String part : order.parts()) {
 *     parts.add(Async.function(inventory::reserve, part));
 * }
 * Promise.allOf(parts).get();
 * }</pre>
 */
public final class Async {
    private Async() {}

    /**
     * Calls a function asynchronously.
     *
     * @param f the function, such as a stub method reference
     * @param <R> its result type
     * @return its result's promise
     */
    public static <R> Promise<R> function(Functions.Func<R> f) {
        return WorkflowInternal.async(f, f::apply);
    }

    /**
     * Calls a function of one argument asynchronously.
     *
     * @param f the function, such as a stub method reference
     * @param a1 the argument
     * @param <A1> the argument's type
     * @param <R> the result type
     * @return the result's promise
     */
    public static <A1, R> Promise<R> function(Functions.Func1<A1, R> f, A1 a1) {
        return WorkflowInternal.async(f, () -> f.apply(a1));
    }

    /**
     * Calls a function of two arguments asynchronously.
     *
     * @param f the function, such as a stub method reference
     * @param a1 the first argument
     * @param a2 the second argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     * @param <R> the result type
     * @return the result's promise
     */
    public static <A1, A2, R> Promise<R> function(Functions.Func2<A1, A2, R> f, A1 a1, A2 a2) {
        return WorkflowInternal.async(f, () -> f.apply(a1, a2));
    }

    /**
     * Calls a function of three arguments asynchronously.
     *
     * @param f the function, such as a stub method reference
     * @param a1 the first argument
     * @param a2 the second argument
     * @param a3 the third argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     * @param <A3> the third argument's type
     * @param <R> the result type
     * @return the result's promise
     */
    public static <A1, A2, A3, R> Promise<R> function(Functions.Func3<A1, A2, A3, R> f, A1 a1, A2 a2, A3 a3) {
        return WorkflowInternal.async(f, () -> f.apply(a1, a2, a3));
    }

    /**
     * Runs a procedure asynchronously.
     *
     * @param p the procedure, such as a stub method reference
     * @return done when it is
     */
    public static Promise<Void> procedure(Functions.Proc p) {
        return WorkflowInternal.async(p, () -> {
            p.apply();
            return null;
        });
    }

    /**
     * Runs a procedure of one argument asynchronously.
     *
     * @param p the procedure, such as a stub method reference
     * @param a1 the argument
     * @param <A1> the argument's type
     * @return done when it is
     */
    public static <A1> Promise<Void> procedure(Functions.Proc1<A1> p, A1 a1) {
        return WorkflowInternal.async(p, () -> {
            p.apply(a1);
            return null;
        });
    }

    /**
     * Runs a procedure of two arguments asynchronously.
     *
     * @param p the procedure, such as a stub method reference
     * @param a1 the first argument
     * @param a2 the second argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     * @return done when it is
     */
    public static <A1, A2> Promise<Void> procedure(Functions.Proc2<A1, A2> p, A1 a1, A2 a2) {
        return WorkflowInternal.async(p, () -> {
            p.apply(a1, a2);
            return null;
        });
    }

    /**
     * Runs a procedure of three arguments asynchronously.
     *
     * @param p the procedure, such as a stub method reference
     * @param a1 the first argument
     * @param a2 the second argument
     * @param a3 the third argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     * @param <A3> the third argument's type
     * @return done when it is
     */
    public static <A1, A2, A3> Promise<Void> procedure(Functions.Proc3<A1, A2, A3> p, A1 a1, A2 a2, A3 a3) {
        return WorkflowInternal.async(p, () -> {
            p.apply(a1, a2, a3);
            return null;
        });
    }
}
