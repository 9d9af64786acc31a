package dev.weft.internal.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One waiting long poll. It ends exactly once: matched with a task, or expired. A blocking poll
 * parks its own thread; an asynchronous poll (as an HTTP server would use) runs a callback instead,
 * so that waiting costs no thread.
 */
abstract class Poll {
    private static final int WAITING = 0;
    private static final int MATCHED = 1;
    private static final int EXPIRED = 2;

    private final AtomicInteger state = new AtomicInteger(WAITING);
    private volatile TaskQueue.Task task;
    volatile Scheduler.Timer expiry;

    /** Claims the poll for a task; false if it already ended. Called under the queue's lock. */
    final boolean match(TaskQueue.Task t) {
        if (state.compareAndSet(WAITING, MATCHED)) {
            task = t;
            return true;
        }
        return false;
    }

    /** Ends the poll empty-handed; false if it already ended. */
    final boolean expire() {
        return state.compareAndSet(WAITING, EXPIRED);
    }

    final boolean ended() {
        return state.get() != WAITING;
    }

    /** The matched task, or null if the poll expired (or has not ended). */
    final TaskQueue.Task task() {
        return task;
    }

    /** Called once, outside any lock, after the poll ended. */
    abstract void wake();

    /** A poll that runs a continuation on an executor when it ends, so that waiting costs no thread. */
    static final class Async extends Poll {
        private final java.util.concurrent.Executor executor;
        private volatile Runnable continuation;

        Async(java.util.concurrent.Executor executor) {
            this.executor = executor;
        }

        /** Sets what runs when the poll ends; set before the poll can end. */
        void onWake(Runnable continuation) {
            this.continuation = continuation;
        }

        @Override
        void wake() {
            Runnable c = continuation;
            if (c != null) {
                try {
                    // Never inline: the waker may hold an execution's monitor in mid-operation.
                    executor.execute(c);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    // The server that owned this poll has stopped; nobody waits for the answer.
                }
            }
        }
    }

    /** A poll whose caller's thread parks until it ends. */
    static final class Blocking extends Poll {
        private final Thread thread = Thread.currentThread();

        @Override
        void wake() {
            LockSupport.unpark(thread);
        }

        /** Parks until the poll ends. Interruption ends the wait empty-handed. */
        void await() {
            while (!ended()) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    if (expire()) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
