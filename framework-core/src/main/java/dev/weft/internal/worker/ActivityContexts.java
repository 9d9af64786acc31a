package dev.weft.internal.worker;

import dev.weft.activity.ActivityExecutionContext;

/** The activity task the current thread runs. */
public final class ActivityContexts {
    private static final ThreadLocal<ActivityExecutionContext> CURRENT = new ThreadLocal<>();

    private ActivityContexts() {}

    /**
     * The calling thread's activity context.
     *
     * @return the context
     * @throws IllegalStateException if the thread runs no activity task
     */
    public static ActivityExecutionContext current() {
        ActivityExecutionContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("Activity.getExecutionContext() must be called on the thread that runs"
                    + " an activity method; hand the context to other threads the activity starts.");
        }
        return c;
    }

    /**
     * Makes {@code c} the calling thread's context (a worker before it runs an activity method; a
     * test environment that runs one directly).
     *
     * @param c the context
     */
    public static void set(ActivityExecutionContext c) {
        CURRENT.set(c);
    }

    /** Clears the calling thread's context. */
    public static void clear() {
        CURRENT.remove();
    }
}
