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

    static void set(ActivityExecutionContext c) {
        CURRENT.set(c);
    }

    static void clear() {
        CURRENT.remove();
    }
}
