package dev.weft.internal.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one kind of work: pollers, and the executor that runs the tasks they take.
 * Stopping stops the pollers after their current poll (a task a poll returns is still run, so
 * that none is lost); once the last poller has stopped, the executor finishes its tasks and its
 * threads end. Polls are interrupted only where that cannot lose a task: an in-process engine
 * ends an interrupted poll empty-handed, whereas over HTTP SWF may have handed the task out
 * already.
 */
final class Pool {
    private static final Logger log = LoggerFactory.getLogger(Pool.class);

    private final String name;
    private final boolean interruptiblePolls;
    private final List<Thread> pollers = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final ThreadPoolExecutor executor;
    private volatile boolean polling = true;
    private volatile boolean interrupting;

    Pool(String name, int threads, boolean interruptiblePolls) {
        this.name = name;
        this.interruptiblePolls = interruptiblePolls;
        AtomicInteger n = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(false);
                    return t;
                });
    }

    /**
     * Starts a poller thread running {@code loop} (which returns once {@link #polling()} is false).
     */
    void poller(String threadName, Runnable loop) {
        running.incrementAndGet();
        Thread t = new Thread(
                () -> {
                    try {
                        loop.run();
                    } catch (RuntimeException | Error e) {
                        log.error("[BUG] poller {} died", threadName, e);
                    } finally {
                        if (running.decrementAndGet() == 0) {
                            executor.shutdown(); // Runs what the polls took, then its threads end.
                        }
                    }
                },
                threadName);
        t.setDaemon(false);
        pollers.add(t);
        t.start();
    }

    boolean polling() {
        return polling;
    }

    /**
     * Whether {@link #shutdownNow()} was called: tasks are being interrupted.
     */
    boolean interrupting() {
        return interrupting;
    }

    /** Waits between failed polls; false if polling stopped meanwhile. */
    boolean pause(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        while (polling) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                return polling;
            }
        }
        return false;
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    /** Stops polling: each poller ends after its current poll. */
    void stopPolling() {
        polling = false;
        for (Thread t : pollers) {
            if (interruptiblePolls) {
                t.interrupt();
            } else {
                LockSupport.unpark(t); // Wakes a poller waiting between failed polls.
            }
        }
    }

    /** Waits until the pollers and the tasks they took are done; false if time ran out first. */
    boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        for (Thread t : pollers) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
            if (t.isAlive()) {
                return false;
            }
        }
        long left = deadlineNanos - System.nanoTime();
        return left > 0 && executor.awaitTermination(left, TimeUnit.NANOSECONDS);
    }

    /** Stops everything now: pollers and running tasks are interrupted. */
    void shutdownNow() {
        interrupting = true;
        polling = false;
        for (Thread t : pollers) {
            t.interrupt();
        }
        executor.shutdownNow();
    }

    boolean isTerminated() {
        for (Thread t : pollers) {
            if (t.isAlive()) {
                return false;
            }
        }
        return executor.isTerminated();
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "Pool[" + name + ", pollers=" + pollers.size() + ", polling=" + polling + "]";
    }
}
