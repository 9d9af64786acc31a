package dev.weft.internal.engine;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One waiting long poll. It ends exactly once: matched with a task, or expired. A blocking poll
 * parks its own thread; an asynchronous poll (as an HTTP server would use) runs a callback instead,
 * so that waiting costs no thread.
 */
abstract class Poll {
    /** The state of a poll still waiting; otherwise it holds its task, or {@link #EXPIRED}. */
    private static final Object WAITING = new Object();

    private static final Object EXPIRED = new Object();

    /**
     * One field for the outcome and the task, set by one compare-and-set: a poll that sees it has
     * ended sees its task. (With the task written after the state, a poller woken between the two
     * by a stray unpark took a matched poll for an empty one, and the task was lost.)
     */
    private final AtomicReference<Object> outcome = new AtomicReference<>(WAITING);

    volatile Scheduler.Timer expiry;

    /** Claims the poll for a task; false if it already ended. Called under the queue's lock. */
    final boolean match(TaskQueue.Task t) {
        return outcome.compareAndSet(WAITING, t);
    }

    /** Ends the poll empty-handed; false if it already ended. */
    final boolean expire() {
        return outcome.compareAndSet(WAITING, EXPIRED);
    }

    final boolean ended() {
        return outcome.get() != WAITING;
    }

    /** The matched task, or null if the poll expired (or has not ended). */
    final TaskQueue.Task task() {
        return outcome.get() instanceof TaskQueue.Task t ? t : null;
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
