package dev.weft.activity;

import dev.weft.internal.worker.ActivityContexts;

/**
 * Access to the activity task the calling thread runs.
 *
 * <pre>{@code
 * public void transcode(String video) {
 *     ActivityExecutionContext ctx = Activity.getExecutionContext();
 *     for (Chunk c : chunks(video)) {
 *         encode(c);
 *         ctx.heartbeat(c.index());   // throws ActivityCanceledException once a cancel was requested
 *     }
 * }
 * }</pre>
 */
public final class Activity {
    private Activity() {}

    /**
     * The context of the activity task the calling thread runs.
     *
     * @return the context
     * @throws IllegalStateException if the calling thread runs no activity task (only the thread
     *     the worker called the activity method on has one)
     */
    public static ActivityExecutionContext getExecutionContext() {
        return ActivityContexts.current();
    }
}
