package dev.weft.internal.worker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
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

        Role(String taskList, BooleanSupplier open, Poll poll) {
            this.taskList = taskList;
            this.open = open;
            this.poll = poll;
        }

        boolean open() {
            return open.getAsBoolean();
        }

        boolean tryHold(Thread t) {
            return holder == null && HOLDER.compareAndSet(this, null, t);
        }
    }

    private final String name;
    private final int size;
    private final boolean interruptiblePolls;
    /** Makes virtual threads; null for platform threads. */
    private final ThreadFactory virtual;

    private final List<Role> roles = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>(); // Guarded by this.
    private final AtomicInteger running = new AtomicInteger();
    private volatile int threadCount; // threads.size(), for a look without the lock.
    private volatile int idle; // Threads waiting for a role; changed holding this.
    private volatile boolean polling = true;
    private volatile boolean interrupting;

    /**
     * @param size the most threads, polling or running tasks
     * @param virtual makes the pool's threads, virtual ones; null for platform threads
     */
    Pool(String name, int size, boolean interruptiblePolls, ThreadFactory virtual) {
        this.name = name;
        this.size = size;
        this.interruptiblePolls = interruptiblePolls;
        this.virtual = virtual;
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
        String threadName = name + "-" + (threads.size() + 1);
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
        t.start();
    }

    private void loop() {
        try {
            Role role;
            while ((role = take()) != null) {
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

    /** A free open role, waiting for one; null once none is open. */
    private Role take() {
        Thread me = Thread.currentThread();
        Role r = tryTake(me);
        if (r != null) {
            return r == NONE ? null : r;
        }
        synchronized (this) {
            while (true) {
                idle++; // Before looking again: a role given back now sees a waiter and wakes it.
                try {
                    r = tryTake(me);
                    if (r == NONE) {
                        notifyAll(); // The others see it too.
                        return null;
                    }
                    if (r != null) {
                        return r;
                    }
                    wait();
                } catch (InterruptedException e) {
                    // Meant for a poll that had ended: look again.
                } finally {
                    idle--;
                }
            }
        }
    }

    /** Takes a free open role, in order; null if every open one is held, NONE if none is open. */
    private Role tryTake(Thread me) {
        boolean anyOpen = false;
        for (Role r : roles) {
            if (r.open()) {
                anyOpen = true;
                if (r.tryHold(me)) {
                    return r;
                }
            }
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
        if (idle > 0) {
            synchronized (this) {
                notify(); // A follower polls while this thread runs the task.
            }
        } else if (threadCount < size) {
            synchronized (this) {
                if (threads.size() < size) {
                    newThread(); // Keeps a poll outstanding on the list while every thread is busy.
                }
            }
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
        notifyAll();
    }

    /** Waits until the threads and the tasks they took are done; false if time ran out first. */
    boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        List<Thread> seen;
        do { // A thread may start another before it ends.
            seen = snapshot();
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
        } while (seen.size() != snapshot().size());
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
            notifyAll();
        }
    }

    boolean isTerminated() {
        List<Thread> seen = snapshot();
        for (Thread t : seen) {
            if (t.isAlive()) {
                return false;
            }
        }
        return seen.size() == snapshot().size(); // None started another before it ended.
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
