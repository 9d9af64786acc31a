package dev.weft.internal.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a workflow's code on cooperative threads: exactly one of them (or the controller, the
 * worker's thread that asked for a decision) holds the baton at any time, and the baton moves only
 * when its holder blocks, finishes, or hands back to the controller. Which thread runs next is
 * decided by the order threads became runnable, so a replay takes the same path as the original
 * run.
 *
 * <p>The scheduling step runs on whichever thread holds the baton when all threads are blocked:
 * it closes the current batch of history, applies the next one, and carries on with whoever that
 * unblocked. A workflow with one thread thus replays a whole history without a single thread
 * switch; the baton goes back to the controller once, when the last batch is done.
 *
 * <p>Threads are virtual threads where the JDK has them (21+), platform daemon threads otherwise.
 */
final class Runner {
    /** What the runner does between batches; called with the baton held. */
    interface Driver {
        /**
         * Applies the next batch of history.
         *
         * @return false when no batch is left (the baton then goes back to the controller)
         */
        boolean nextBatch();

        /** All threads are blocked or done: the current batch's commands are final. */
        void endOfBatch();
    }

    /** Unwinds a workflow thread whose execution was dropped (evicted or failed). */
    static final class DestroyedError extends Error {
        private static final long serialVersionUID = 1L;

        DestroyedError() {
            super("workflow thread destroyed", null, false, false);
        }
    }

    /** Something that can hold the baton: a workflow thread or the controller. */
    private abstract static class Holder {
        volatile boolean turn;
        /** The thread running it; null until that thread has picked it up. */
        volatile Thread thread;
    }

    private static final class Controller extends Holder {}

    /** A cooperative workflow thread. */
    final class WThread extends Holder {
        /** Its name within the workflow ("main#1"); the full name is built when asked for. */
        private final String threadName;

        private final Runnable body;
        /** Handed to a thread to run (the thread may not have picked it up yet). */
        private boolean started;

        private BooleanSupplier waitingFor;
        private boolean done;
        /** Per-thread state of the workflow context (the current cancellation scope). */
        Object local;

        WThread(String threadName, Runnable body) {
            this.threadName = threadName;
            this.body = body;
        }

        /** The workflow's name and the thread's. */
        String name() {
            return Runner.this.name.get() + "/" + threadName;
        }

        Runner runner() {
            return Runner.this;
        }

        private void run() {
            Thread me = Thread.currentThread();
            THREADS.put(me, this);
            try {
                waitTurn(this);
                if (destroyed || fatal != null) {
                    done = true;
                    return;
                }
                try {
                    body.run();
                } catch (DestroyedError e) {
                    done = true;
                    return;
                } catch (Throwable t) {
                    // The body reports its own failures; anything escaping it is fatal.
                    fail(t);
                }
                done = true;
                all.remove(this);
                if (destroyed) {
                    return;
                }
                pass(schedule());
            } finally {
                THREADS.remove(me);
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * The workflow thread each running thread is. Not a thread-local: the map a thread-local puts
     * on a virtual thread would weigh about 170 B on every parked execution, an entry here 40.
     */
    private static final ConcurrentHashMap<Thread, WThread> THREADS = new ConcurrentHashMap<>();

    /** The runner whose baton the calling controller holds (a workflow thread's is its own). */
    private static final ThreadLocal<Runner> ACTIVE = new ThreadLocal<>();

    /** Names the workflow in reports; built when asked for (a parked execution keeps no copy). */
    private final Supplier<String> name;

    private final Object owner;
    /** Baton passes so far; the controller's stuck-thread watchdog measures time without one. */
    private volatile long passes;
    /**
     * Framework work in progress on the running thread (generating a stub class, a converter's
     * first use): slow on a cold JVM, and not the workflow code's fault, so the watchdog waits.
     */
    private volatile int exempt;

    private final ArrayDeque<WThread> ready = new ArrayDeque<>(4);
    private final ArrayList<WThread> blocked = new ArrayList<>();
    private final ArrayList<WThread> all = new ArrayList<>();
    private final Controller controller = new Controller();
    private Driver driver;
    private volatile Throwable fatal;
    private volatile boolean destroyed;
    private volatile WThread running;

    Runner(Supplier<String> name, Object owner) {
        this.name = name;
        this.owner = owner;
    }

    /** The workflow thread the caller runs on, or null if it is not one. */
    static WThread current() {
        return THREADS.get(Thread.currentThread());
    }

    /** The owner of the runner whose code the caller runs (on a workflow thread or the controller). */
    static Object activeOwner() {
        WThread t = current();
        Runner r = t != null ? t.runner() : ACTIVE.get();
        return r == null ? null : r.owner;
    }

    /**
     * Creates a thread that runs at the next scheduling point, after the threads already runnable.
     * Called with the baton held (or before the first batch).
     */
    WThread newThread(String threadName, Runnable body) {
        WThread t = new WThread(threadName, body);
        all.add(t);
        ready.add(t);
        return t;
    }

    /**
     * Runs batches of history until none is left, on the workflow threads; the caller (the
     * controller) waits meanwhile. Throws what a workflow thread or the driver failed with.
     *
     * @param timeoutNanos how long a workflow thread may hold the baton without passing it before
     *     the controller declares the workflow stuck (a loop without end, I/O, a lock)
     */
    void run(Driver driver, long timeoutNanos) {
        if (destroyed) {
            throw new IllegalStateException("[BUG] running a destroyed workflow " + name.get());
        }
        this.driver = driver;
        controller.thread = Thread.currentThread();
        Runner outer = ACTIVE.get();
        ACTIVE.set(this);
        try {
            Holder next;
            try {
                next = driver.nextBatch() ? schedule() : controller;
            } catch (Throwable t) {
                fail(t);
                next = controller;
            }
            if (next != controller) {
                pass(next);
                awaitController(timeoutNanos);
            }
        } finally {
            ACTIVE.set(outer);
        }
        Throwable failure = fatal;
        if (failure != null) {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Waits until the baton comes back, or until no thread has passed it for {@code timeoutNanos}.
     */
    private void awaitController(long timeoutNanos) {
        long seen = passes;
        long deadline = System.nanoTime() + timeoutNanos;
        while (!controller.turn) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                long now = passes;
                if (now != seen || exempt > 0) {
                    seen = now;
                    deadline = System.nanoTime() + timeoutNanos;
                    continue;
                }
                WThread stuck = running;
                fail(new PotentialDeadlockException(name.get(), stuck, timeoutNanos, threadDump()));
                // The stuck thread keeps the baton; the workflow is destroyed by the caller.
                return;
            }
            LockSupport.parkNanos(this, left);
        }
        controller.turn = false;
    }

    /**
     * Blocks the calling workflow thread until {@code condition} holds, letting other threads (and
     * the next batches of history) run meanwhile.
     */
    void block(WThread me, BooleanSupplier condition) {
        checkLive();
        if (condition.getAsBoolean()) {
            return;
        }
        me.waitingFor = condition;
        blocked.add(me);
        Holder next = schedule();
        if (next != me) {
            pass(next);
            while (!me.turn) { // Not waitTurn: each frame here weighs on every parked virtual thread.
                LockSupport.park(this);
            }
            me.turn = false;
        }
        running = me;
        checkLive();
    }

    /**
     * Runs framework work that the stuck-thread watchdog must not count against the workflow code.
     * Called by the baton holder.
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // Only the baton holder writes exempt and passes.
    <T> T exempt(Supplier<T> work) {
        exempt = exempt + 1;
        try {
            return work.get();
        } finally {
            exempt = exempt - 1;
            passes = passes + 1;
        }
    }

    /**
     * Fails the run: the controller gets {@code failure} when it next has the baton.
     */
    void fail(Throwable failure) {
        if (fatal == null) {
            fatal = failure;
        }
    }

    boolean failed() {
        return fatal != null;
    }

    private void checkLive() {
        if (destroyed) {
            throw new DestroyedError();
        }
    }

    /**
     * Who runs next: the first thread whose wait is over, else (all blocked) the driver closes the
     * batch and applies the next one, else the controller.
     */
    private Holder schedule() {
        while (true) {
            if (fatal != null || destroyed) {
                return controller;
            }
            try {
                for (Iterator<WThread> it = blocked.iterator(); it.hasNext(); ) {
                    WThread t = it.next();
                    if (t.waitingFor.getAsBoolean()) {
                        it.remove();
                        t.waitingFor = null;
                        ready.add(t);
                    }
                }
                WThread next = ready.pollFirst();
                if (next != null) {
                    return next;
                }
                driver.endOfBatch();
                if (fatal != null || !driver.nextBatch()) {
                    return controller;
                }
            } catch (DestroyedError e) {
                throw e;
            } catch (Throwable t) {
                fail(t);
                return controller;
            }
        }
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // Only the baton holder writes passes.
    private void pass(Holder next) {
        passes = passes + 1; // Only the baton holder writes it; the controller only reads.
        if (next instanceof WThread t) {
            running = t;
            if (!t.started) {
                t.started = true;
                t.turn = true;
                start(t);
                return;
            }
        } else {
            running = null;
        }
        next.turn = true;
        LockSupport.unpark(next.thread);
    }

    private void waitTurn(Holder me) {
        while (!me.turn) {
            LockSupport.park(this);
        }
        me.turn = false;
    }

    /**
     * Drops the workflow: every thread that has started unwinds with {@link DestroyedError} (its
     * finally blocks run), and none runs workflow code again. Called by the controller.
     */
    void destroy() {
        destroyed = true;
        for (WThread t : all) {
            if (t.started && !t.done) {
                t.turn = true;
                LockSupport.unpark(t.thread); // Null: the thread has yet to pick it up, and will see turn.
            }
        }
    }

    /** Lets the thread lists drop spare room while the run waits for its next decision. */
    void trim() {
        blocked.trimToSize();
        all.trimToSize();
    }

    boolean isDestroyed() {
        return destroyed;
    }

    /** Stack traces of the workflow's live threads, for reports. */
    String threadDump() {
        StringBuilder sb = new StringBuilder();
        for (WThread t : all) {
            Thread thread = t.thread;
            if (thread == null || t.done) {
                continue;
            }
            sb.append("\"").append(t.name()).append("\"").append(t == running ? " (running)" : "");
            sb.append('\n');
            for (StackTraceElement e : thread.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Starts a workflow thread: a new virtual thread (JDK 21+), or a pooled platform thread. The
     * thread records itself in {@code t.thread} when it picks the work up; a baton passed before
     * that is not lost: {@code turn} and {@code thread} are volatile, so of a passer (writes turn,
     * reads thread) and the new thread (writes thread, reads turn) at least one sees the other.
     */
    private void start(WThread t) {
        if (VIRTUAL != null) {
            Thread thread = VIRTUAL.newThread(t::run);
            thread.setName("weft-workflow-" + t.name());
            t.thread = thread;
            thread.start();
            return;
        }
        PLATFORM.execute(() -> {
            Thread me = Thread.currentThread();
            me.setName("weft-workflow-" + t.name());
            t.thread = me;
            try {
                t.run();
            } finally {
                Thread.interrupted(); // A destroyed workflow's interrupt stays with its run.
                me.setName(IDLE_NAME);
            }
        });
    }

    /** Makes unstarted virtual threads (JDK 21+), or null. */
    private static final ThreadFactory VIRTUAL = VirtualThreads.since(21);

    /** The name of a pooled platform thread between workflows. */
    static final String IDLE_NAME = "weft-pooled-workflow-thread";

    /**
     * Platform threads for workflows before JDK 21, reused: starting a thread costs more the more
     * threads are alive (10,000 parked workflows made each start take over a millisecond), and
     * before JDK 19 a thread group's array is scanned on each thread's exit, so they are spread
     * over several groups. Idle threads end after 2 seconds (thousands of idle threads slow every
     * safepoint and collection).
     */
    private static final ExecutorService PLATFORM = VIRTUAL != null ? null : platformPool();

    private static ExecutorService platformPool() {
        ThreadGroup[] groups = platformGroups(64);
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(groups[Math.floorMod(n.getAndIncrement(), groups.length)], r, IDLE_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    private static ThreadGroup[] platformGroups(int n) {
        ThreadGroup[] groups = new ThreadGroup[n];
        for (int i = 0; i < n; i++) {
            groups[i] = new ThreadGroup("weft-workflows-" + i);
        }
        return groups;
    }

    /** A workflow thread did not yield in time: it blocks the decision (a loop, I/O, a lock...). */
    static final class PotentialDeadlockException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PotentialDeadlockException(String workflow, WThread running, long timeoutNanos, String dump) {
            super("[SWF-1200] Workflow " + workflow + ": thread " + running + " did not yield for "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms. Workflow code must not block"
                    + " except through Weft (Promise.get, Workflow.sleep, Workflow.await...): no loops"
                    + " without end, I/O, locks or Thread.sleep. Workflow threads:\n" + dump);
        }
    }
}
