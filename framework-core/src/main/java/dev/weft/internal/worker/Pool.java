package dev.weft.internal.worker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one kind of work, polling and running what they poll (leader/follower): a
 * thread takes a free poller role, polls, gives the role back and runs the task it got itself,
 * so that no task waits for a hand-off to another thread on its way from the poll to its code.
 * A thread that brings a task wakes an idle thread (or starts one) to take over only when no
 * other poll is outstanding on the list; threads finishing their tasks take free roles first.
 *
 * <p>Idle threads wait on a stack: the one idle for the shortest time is woken first, so a steady
 * flow of tasks keeps the same few threads busy and the others, beyond one per role, end after a
 * second idle. While every thread is busy, a list left unpolled gets a new thread at once only up
 * to one per role plus one per processor; beyond that, only if it stays unpolled for 2 ms. Tasks
 * that end sooner (CPU work) give their thread back to the list instead, since more threads than
 * processors would only add switches, and every parked platform thread makes the others' futex
 * operations dearer; tasks that wait on I/O keep the lists unpolled and get threads up to the
 * pool's size, one each 2 ms.
 *
 * <p>Each role is one long poll that may be outstanding on a task list (the worker's {@code
 * *Pollers} options), open until its list stops being polled. Threads are started as the roles
 * need them, up to the pool's size. Stopping closes the roles after their current poll (a task a
 * poll returns is still run, so that none is lost); once no role is open, each thread ends after
 * its task. Polls are interrupted only where that cannot lose a task: an in-process engine ends
 * an interrupted poll empty-handed, whereas over HTTP SWF may have handed the task out already.
 * A task never sees an interrupt meant for a poll.
 *
 * <p>The threads are platform threads, or virtual threads if the pool is given a factory of them:
 * then a thread parked in a poll or a hand-off is woken by a continuation switch rather than by
 * the operating system, and one platform thread keeps the JVM alive while the pool has threads
 * (virtual threads are daemons).
 */
final class Pool {
    private static final Logger log = LoggerFactory.getLogger(Pool.class);

    /** One poll of a role's task list: the task to run, or null if it brought none. */
    interface Poll {
        Runnable pollOnce(Role role);
    }

    /** A poller role: one outstanding poll on a task list. */
    static final class Role {
        private static final VarHandle HOLDER;

        static {
            try {
                HOLDER = MethodHandles.lookup().findVarHandle(Role.class, "holder", Thread.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final String taskList;
        private final BooleanSupplier open;
        private final Poll poll;
        /** Failed polls in a row, for backing off; touched only by the thread holding the role. */
        int failures;

        /** The thread polling in this role; null while it is free. */
        private volatile Thread holder;
        /**
         * Left unpolled with every thread busy since {@code starvedAt}, waiting for the grower: set
         * holding the pool, cleared by the thread that takes the role or by the grower.
         */
        private volatile boolean starved;

        private long starvedAt; // Guarded by the pool.

        Role(String taskList, BooleanSupplier open, Poll poll) {
            this.taskList = taskList;
            this.open = open;
            this.poll = poll;
        }

        boolean open() {
            return open.getAsBoolean();
        }

        boolean tryHold(Thread t) {
            if (holder == null && HOLDER.compareAndSet(this, null, t)) {
                if (starved) {
                    starved = false; // Polled again: the grower needs no thread for it.
                }
                return true;
            }
            return false;
        }
    }

    /** An idle thread on the stack of those waiting for a role. */
    private static final class Waiter {
        final Thread thread;
        /** Set, holding the pool, when a thread giving a role back takes this waiter off the stack. */
        volatile boolean woken;

        Waiter(Thread thread) {
            this.thread = thread;
        }
    }

    /** How long a thread beyond one per role may wait idle for a role before it ends. */
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long a list may go unpolled, every thread busy, before a thread beyond the spare ones is
     * started for it: a task that ends sooner gives its thread back to the list instead.
     */
    static final long GROW_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final String name;
    private final int size;
    private final boolean interruptiblePolls;
    /** Makes virtual threads; null for platform threads. */
    private final ThreadFactory virtual;
    /** Threads beyond one per role started as soon as a list goes unpolled. */
    private final int spare;

    private final long keepAliveNanos;
    private final long growDelayNanos;

    private final List<Role> roles = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>(); // Live threads; guarded by this.
    /** Idle threads, the most recent first: it is woken first, and the oldest ones time out. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>(); // Guarded by this.

    private final AtomicInteger running = new AtomicInteger();
    private volatile int threadCount; // threads.size(), for a look without the lock.
    private volatile int idle; // waiters.size(), for a look without the lock.
    private int started; // Threads ever started; guarded by this.
    private volatile boolean polling = true;
    private volatile boolean interrupting;

    private Thread grower; // Started the first time a list goes unpolled; guarded by this.

    /**
     * @param size the most threads, polling or running tasks
     * @param virtual makes the pool's threads, virtual ones; null for platform threads
     */
    Pool(String name, int size, boolean interruptiblePolls, ThreadFactory virtual) {
        this(
                name,
                size,
                interruptiblePolls,
                virtual,
                Runtime.getRuntime().availableProcessors(),
                KEEP_ALIVE_NANOS,
                GROW_DELAY_NANOS);
    }

    /**
     * @param spare threads beyond one per role started as soon as every thread is busy; more
     *     start only once a list has gone unpolled for {@code growDelayNanos}
     * @param keepAliveNanos how long a thread beyond one per role waits idle before it ends
     */
    Pool(
            String name,
            int size,
            boolean interruptiblePolls,
            ThreadFactory virtual,
            int spare,
            long keepAliveNanos,
            long growDelayNanos) {
        this.name = name;
        this.size = size;
        this.interruptiblePolls = interruptiblePolls;
        this.virtual = virtual;
        this.spare = spare;
        this.keepAliveNanos = keepAliveNanos;
        this.growDelayNanos = growDelayNanos;
    }

    /**
     * Adds a poller role, taken by the free threads in the order roles are added (add the one that
     * must never starve first). Call before {@link #start()}.
     */
    void role(String taskList, BooleanSupplier open, Poll poll) {
        roles.add(new Role(taskList, open, poll));
    }

    /** Adds a role open while the pool polls. */
    void role(String taskList, Poll poll) {
        role(taskList, this::polling, poll);
    }

    /** Starts one thread per role; more start as tasks keep threads busy. */
    synchronized void start() {
        for (int i = 0; i < Math.min(size, roles.size()); i++) {
            newThread();
        }
        if (virtual != null) {
            Thread keeper = new Thread(this::keepAlive, name + "-keepalive");
            keeper.setDaemon(false);
            keeper.start();
        }
    }

    private void newThread() { // Holding this.
        String threadName = name + "-" + (started + 1);
        Thread t;
        if (virtual != null) {
            t = virtual.newThread(this::loop);
            t.setName(threadName);
        } else {
            t = new Thread(this::loop, threadName);
            t.setDaemon(false);
        }
        threads.add(t);
        threadCount = threads.size();
        started++;
        t.start();
    }

    private void loop() {
        try {
            Waiter me = new Waiter(Thread.currentThread());
            Role role;
            while ((role = take(me)) != null) {
                Runnable task = null;
                try {
                    task = role.poll.pollOnce(role);
                } finally {
                    giveBack(role, task != null);
                }
                if (task == null) {
                    continue;
                }
                if (interrupting) {
                    log.debug("{}: a task polled during shutdownNow is left to time out", name);
                    continue;
                }
                running.incrementAndGet();
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            }
        } catch (RuntimeException | Error e) {
            log.error("[BUG] {} thread {} died", name, Thread.currentThread().getName(), e);
        }
    }

    /** Keeps the JVM alive until the pool's virtual threads have ended. */
    private void keepAlive() {
        while (true) {
            try {
                if (awaitTermination(System.nanoTime() + TimeUnit.HOURS.toNanos(1))) {
                    return;
                }
            } catch (InterruptedException e) {
                // Nothing but the pool's end ends this thread.
            }
        }
    }

    /** Sentinel: no role is open. */
    private static final Role NONE = new Role("", () -> false, r -> null);

    /**
     * A free open role, waiting for one; null once none is open, or once this thread, beyond one
     * per role, has waited idle for the keep-alive (it has then left the pool).
     */
    private Role take(Waiter me) {
        Role r = tryTake(me.thread);
        if (r != null) {
            return r == NONE ? null : r;
        }
        long idleSince = System.nanoTime();
        while (true) {
            synchronized (this) {
                waiters.push(me);
                idle = waiters.size();
            }
            r = tryTake(me.thread); // After the push: a role given back now sees a waiter and wakes it.
            if (r == null) {
                long left;
                while (!me.woken && (left = keepAliveNanos - (System.nanoTime() - idleSince)) > 0) {
                    LockSupport.parkNanos(this, left);
                    Thread.interrupted(); // Meant for a poll that had ended.
                }
            }
            boolean woken;
            synchronized (this) {
                woken = me.woken;
                me.woken = false;
                if (!woken) {
                    waiters.remove(me);
                    idle = waiters.size();
                }
                if (r == null) {
                    r = tryTake(me.thread);
                    if (r == null && !woken && threads.size() > roles.size()) {
                        threads.remove(me.thread); // Idle for the keep-alive: one fewer thread.
                        threadCount = threads.size();
                        return null;
                    }
                } else if (woken) {
                    wakeOne(); // The wake this thread no longer needs may be another's role.
                }
                if (r == NONE) {
                    wakeAll(); // The others see it too.
                    return null;
                }
            }
            if (r != null) {
                return r;
            }
            // Woken for a role another thread took first, or the last of one per role timed out.
            idleSince = System.nanoTime();
        }
    }

    /** Wakes the most recent idle thread, if any; holding this. */
    private void wakeOne() {
        Waiter w = waiters.poll();
        if (w != null) {
            idle = waiters.size();
            w.woken = true;
            LockSupport.unpark(w.thread);
        }
    }

    /** Wakes every idle thread; holding this. */
    private void wakeAll() {
        while (!waiters.isEmpty()) {
            wakeOne();
        }
    }

    /** Takes a free open role, in order; null if every open one is held, NONE if none is open. */
    private Role tryTake(Thread me) {
        boolean anyOpen = false;
        for (Role r : roles) {
            if (!r.open()) {
                continue;
            }
            if (!r.tryHold(me)) {
                anyOpen = true;
                continue;
            }
            if (r.open()) {
                return r;
            }
            // Closed as this thread took it: stopPolling, which closes and then looks for holders
            // to interrupt, may have looked before this thread held it, and the poll would run on.
            r.holder = null;
        }
        return anyOpen ? null : NONE;
    }

    private void giveBack(Role role, boolean gotTask) {
        role.holder = null;
        if (!polling) {
            // Stopping: let stopPolling finish interrupting before the interrupt is cleared.
            synchronized (this) {
                Thread.interrupted();
            }
        }
        Thread.interrupted(); // An interrupt meant for the poll is not the task's.
        if (!gotTask) {
            return; // This thread polls again.
        }
        if (polled(role.taskList)) {
            return; // Another poll is outstanding on the list: no follower needed yet.
        }
        if (idle == 0 && threadCount >= size) {
            return; // Every thread is busy and there may be no more: the first one done polls.
        }
        synchronized (this) {
            if (!waiters.isEmpty()) {
                wakeOne(); // A follower polls while this thread runs the task.
            } else if (threads.size() < size) {
                if (threads.size() < roles.size() + spare) {
                    newThread(); // Keeps a poll outstanding on the list while every thread is busy.
                } else if (!role.starved) {
                    starve(role);
                }
            }
        }
    }

    /**
     * Notes a list left unpolled with every thread busy; holding this. If it is still unpolled
     * after the grow delay, the grower starts a thread for it: tasks that end sooner need none
     * (more threads than processors only add switches), tasks that wait on I/O do.
     */
    private void starve(Role role) {
        role.starvedAt = System.nanoTime();
        role.starved = true;
        if (grower == null) {
            grower = new Thread(this::grow, name + "-grower");
            grower.setDaemon(true);
            grower.start();
        } else {
            notifyAll(); // Only the grower waits on this pool's monitor.
        }
    }

    /** The grower: starts a thread for a list that stayed unpolled for the grow delay. */
    private synchronized void grow() {
        try {
            while (polling) {
                long now = System.nanoTime();
                long next = Long.MAX_VALUE;
                for (Role r : roles) {
                    if (!r.starved) {
                        continue;
                    }
                    long left = growDelayNanos - (now - r.starvedAt); // No overflow with a long delay.
                    if (left > 0) {
                        next = Math.min(next, left);
                        continue;
                    }
                    r.starved = false;
                    if (r.holder != null || !r.open()) {
                        continue;
                    }
                    if (!waiters.isEmpty()) {
                        wakeOne();
                    } else if (threads.size() < size) {
                        newThread(); // Unpolled all along: a thread that took it would have cleared it.
                    }
                }
                if (next == Long.MAX_VALUE) {
                    wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(this, next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Only shutdownNow interrupts it: it ends.
        }
    }

    private boolean polled(String taskList) {
        for (Role r : roles) {
            if (r.holder != null && r.taskList.equals(taskList)) {
                return true;
            }
        }
        return false;
    }

    boolean polling() {
        return polling;
    }

    /** Tasks running now. */
    int running() {
        return running.get();
    }

    /**
     * Whether {@link #shutdownNow()} was called: tasks are being interrupted.
     */
    boolean interrupting() {
        return interrupting;
    }

    /** Waits between failed polls; false if the role closed meanwhile. */
    boolean pause(Role role, Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        while (role.open()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            Thread.interrupted();
        }
        return false;
    }

    /**
     * Stops polling: each role whose list closed ends after its current poll. Call again after
     * closing a role's list by other means (the sticky list).
     */
    synchronized void stopPolling() {
        polling = false;
        for (Role r : roles) {
            Thread h = r.holder;
            if (h != null && !r.open()) {
                if (interruptiblePolls) {
                    h.interrupt();
                } else {
                    LockSupport.unpark(h); // Wakes a poller waiting between failed polls.
                }
            }
        }
        wakeAll();
        notifyAll(); // The grower ends.
    }

    /** Waits until the threads and the tasks they took are done; false if time ran out first. */
    boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        int before;
        do { // A thread may start another before it ends.
            before = started();
            List<Thread> seen = snapshot();
            for (Thread t : seen) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedJoin(t, left);
                if (t.isAlive()) {
                    return false;
                }
            }
        } while (started() != before);
        return true;
    }

    /** Stops everything now: polls and running tasks are interrupted. */
    void shutdownNow() {
        interrupting = true;
        polling = false;
        for (Thread t : snapshot()) {
            t.interrupt();
        }
        synchronized (this) {
            wakeAll();
            notifyAll(); // The grower ends.
        }
    }

    boolean isTerminated() {
        int before = started();
        for (Thread t : snapshot()) {
            if (t.isAlive()) {
                return false;
            }
        }
        return started() == before; // None started another before it ended.
    }

    /** Threads alive in the pool now. */
    synchronized int threads() {
        return threads.size();
    }

    private synchronized int started() {
        return started;
    }

    private synchronized List<Thread> snapshot() {
        return new ArrayList<>(threads);
    }

    @Override
    public String toString() {
        return "Pool[" + name + ", roles=" + roles.size() + ", threads="
                + snapshot().size() + ", polling=" + polling + "]";
    }
}
