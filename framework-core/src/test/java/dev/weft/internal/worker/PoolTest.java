package dev.weft.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.internal.replay.VirtualThreads;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class PoolTest {
    private static final long GUARD_SECONDS = 10; // Fails a broken pool instead of hanging.

    /** A task list: a poll takes the next task, or ends empty-handed when interrupted. */
    private static Pool.Poll queue(BlockingQueue<Runnable> tasks, List<Thread> pollers) {
        return role -> {
            try {
                Runnable task = tasks.take();
                pollers.add(Thread.currentThread());
                return task;
            } catch (InterruptedException e) {
                return null;
            }
        };
    }

    private static boolean isVirtual(Thread t) throws ReflectiveOperationException {
        return (boolean) Thread.class.getMethod("isVirtual").invoke(t);
    }

    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    }

    /** A task that notes the thread that polled it and the one that ran it. */
    private static final class Probe implements Runnable {
        final CountDownLatch done;
        volatile Thread polledBy;
        volatile Thread ranOn;

        Probe(CountDownLatch done) {
            this.done = done;
        }

        @Override
        public void run() {
            ranOn = Thread.currentThread();
            done.countDown();
        }
    }

    @Test
    void aTaskRunsOnTheThreadThatPolledIt() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(20);
        Pool pool = new Pool("weft-test", 4, true, null);
        pool.role("list", role -> {
            try {
                Runnable task = tasks.take();
                ((Probe) task).polledBy = Thread.currentThread();
                return task;
            } catch (InterruptedException e) {
                return null;
            }
        });
        pool.start();
        List<Probe> probes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            Probe p = new Probe(done);
            probes.add(p);
            tasks.add(p);
        }
        assertTrue(done.await(GUARD_SECONDS, TimeUnit.SECONDS));
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
        for (Probe p : probes) {
            assertSame(p.polledBy, p.ranOn, "the task ran on the thread whose poll returned it");
        }
    }

    @Test
    void virtualThreadsRunTheTasksAndOnePlatformThreadKeepsTheJvmAliveUntilTheyEnd() throws Exception {
        ThreadFactory virtual = VirtualThreads.since(21);
        assumeTrue(virtual != null, "virtual threads need JDK 21");
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(3);
        Pool pool = new Pool("weft-virtual-test", 3, true, virtual);
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.start();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(() -> {
                ranOn.add(Thread.currentThread());
                done.countDown();
            });
        }
        assertTrue(done.await(GUARD_SECONDS, TimeUnit.SECONDS));
        Thread keeper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("weft-virtual-test-keepalive"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no keep-alive thread"));
        assertFalse(keeper.isDaemon(), "the keep-alive thread holds the JVM open");
        for (Thread t : ranOn) {
            assertTrue(isVirtual(t), t + " is virtual");
        }
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
        keeper.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
        assertFalse(keeper.isAlive(), "the keep-alive thread ends with the pool's threads");
    }

    @Test
    void slowTasksGetAThreadEachUpToThePoolSizeWhileOnePollStaysOutstanding() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch allRunning = new CountDownLatch(5);
        CountDownLatch go = new CountDownLatch(1);
        Pool pool = new Pool("weft-test", 5, true, null);
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.start();
        for (int i = 0; i < 5; i++) {
            tasks.add(blocking(allRunning, go, new CopyOnWriteArrayList<>()));
        }
        assertTrue(allRunning.await(GUARD_SECONDS, TimeUnit.SECONDS), "five tasks at once on a pool of five");
        assertEquals(5, pool.running());
        go.countDown();
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
        assertTrue(pool.isTerminated());
    }

    @Test
    void stoppingInterruptsOutstandingPollsButNeverARunningTask() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Pool pool = new Pool("weft-test", 3, true, null);
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.start();
        tasks.add(() -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertTrue(running.await(GUARD_SECONDS, TimeUnit.SECONDS));
        pool.stopPolling(); // Ends the polls still outstanding on the list.
        assertFalse(pool.awaitTermination(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)), "the task runs on");
        finish.countDown();
        assertTrue(pool.awaitTermination(deadline()));
        assertFalse(interrupted.get(), "the interrupt that ended the polls did not reach the task");
        assertTrue(tasks.isEmpty());
    }

    @Test
    void aRoleThatStaysOpenKeepsPollingAfterTheOthersStop() throws Exception {
        BlockingQueue<Runnable> shared = new LinkedBlockingQueue<>();
        BlockingQueue<Runnable> sticky = new LinkedBlockingQueue<>();
        AtomicBoolean stickyOpen = new AtomicBoolean(true);
        List<Thread> stickyPollers = new CopyOnWriteArrayList<>();
        Pool pool = new Pool("weft-test", 3, true, null);
        pool.role("sticky", stickyOpen::get, queue(sticky, stickyPollers));
        pool.role("shared", queue(shared, new CopyOnWriteArrayList<>()));
        pool.start();
        pool.stopPolling();
        CountDownLatch ran = new CountDownLatch(1);
        sticky.add(ran::countDown);
        assertTrue(ran.await(GUARD_SECONDS, TimeUnit.SECONDS), "the sticky role still polls");
        stickyOpen.set(false);
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
        assertEquals(1, stickyPollers.size());
    }

    /** A task that blocks until released, noting its thread. */
    private static Runnable blocking(CountDownLatch started, CountDownLatch release, List<Thread> ranOn) {
        return () -> {
            ranOn.add(Thread.currentThread());
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
    }

    /** Runs one task through the pool and waits for it; the thread it ran on. */
    private static Thread runOne(BlockingQueue<Runnable> tasks) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread[] ranOn = new Thread[1];
        tasks.add(() -> {
            ranOn[0] = Thread.currentThread();
            done.countDown();
        });
        assertTrue(done.await(GUARD_SECONDS, TimeUnit.SECONDS), "the task ran");
        return ranOn[0];
    }

    @Test
    void threadsBeyondOnePerRoleEndAfterTheKeepAliveAndThePollerStays() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(5);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Pool pool = new Pool("weft-retire-test", 5, true, null, 5, TimeUnit.MILLISECONDS.toNanos(50), Long.MAX_VALUE);
        List<Thread> pollers = new CopyOnWriteArrayList<>();
        CountDownLatch polledAgain = new CountDownLatch(6); // Five tasks, then the poll that waits.
        pool.role("list", role -> {
            pollers.add(Thread.currentThread());
            polledAgain.countDown();
            try {
                return tasks.take();
            } catch (InterruptedException e) {
                return null;
            }
        });
        pool.start();
        for (int i = 0; i < 5; i++) {
            tasks.add(blocking(started, release, ranOn));
        }
        assertTrue(started.await(GUARD_SECONDS, TimeUnit.SECONDS), "five tasks at once on a pool of five");
        assertEquals(5, pool.threads());
        release.countDown();
        assertTrue(polledAgain.await(GUARD_SECONDS, TimeUnit.SECONDS));
        Thread poller = pollers.get(5);
        for (Thread t : ranOn) {
            if (t != poller) {
                t.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
                assertFalse(t.isAlive(), t.getName() + " ended after 50 ms idle");
            }
        }
        assertEquals(1, pool.threads(), "one thread per role stays");
        assertSame(poller, runOne(tasks), "the poller that stayed runs the next task");
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
        assertTrue(pool.isTerminated());
    }

    @Test
    void aSteadyFlowOfTasksLetsTheIdleThreadsBelowItEnd() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(5);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Pool pool = new Pool("weft-lifo-test", 5, true, null, 5, TimeUnit.MILLISECONDS.toNanos(50), Long.MAX_VALUE);
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.start();
        for (int i = 0; i < 5; i++) {
            tasks.add(blocking(started, release, ranOn));
        }
        assertTrue(started.await(GUARD_SECONDS, TimeUnit.SECONDS));
        release.countDown();
        // One task at a time: the thread that polls one wakes the most recently idle thread to
        // poll the next (or takes the role back itself, first done), so the same few threads take
        // turns while the ones below them on the stack time out. (A thread may still start when
        // the other one is a moment late: the flow is not bound to two, only the idle ones end.)
        long guard = deadline();
        boolean shrank = false;
        while (!shrank && System.nanoTime() - guard < 0) {
            runOne(tasks);
            shrank = pool.threads() <= 2;
        }
        assertTrue(shrank, "the idle threads below the two taking turns ended while tasks flowed: " + pool);
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
    }

    @Test
    void beyondTheSpareThreadsAListUnpolledForLessThanTheGrowDelayGetsNoThread() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        // No spare threads and a grow delay that never ends: one thread per role, whatever comes.
        Pool pool = new Pool("weft-grow-test", 4, true, null, 0, TimeUnit.SECONDS.toNanos(1), Long.MAX_VALUE);
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.start();
        tasks.add(blocking(started, release, ranOn));
        CountDownLatch second = new CountDownLatch(1);
        tasks.add(second::countDown);
        assertTrue(started.await(GUARD_SECONDS, TimeUnit.SECONDS));
        // The thread gave the role back before running the task, and a thread it started then would
        // already count; the grower never fires.
        assertEquals(1, pool.threads(), "no thread polls while the only one is busy");
        assertEquals(1, second.getCount());
        release.countDown();
        assertTrue(second.await(GUARD_SECONDS, TimeUnit.SECONDS), "the thread done with its task polls the next");
        for (int i = 0; i < 100; i++) {
            assertSame(ranOn.get(0), runOne(tasks), "short tasks need no second thread");
        }
        assertEquals(1, pool.threads());
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
    }

    @Test
    void beyondTheSpareThreadsAListUnpolledForTheGrowDelayGetsAThreadUpToThePoolSize() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Pool pool = new Pool(
                "weft-grow-test", 4, true, null, 0, TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(5));
        pool.role("list", queue(tasks, new CopyOnWriteArrayList<>()));
        pool.start();
        long before = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            tasks.add(blocking(started, release, ranOn));
        }
        assertTrue(started.await(GUARD_SECONDS, TimeUnit.SECONDS), "four tasks waiting on I/O get four threads");
        assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(15), "each after 5 ms unpolled");
        assertEquals(4, pool.threads());
        assertEquals(4, pool.running(), "the pool's size bounds it: the fifth task waits");
        assertEquals(1, tasks.size());
        assertEquals(4, new HashSet<>(ranOn).size());
        release.countDown();
        pool.stopPolling();
        assertTrue(pool.awaitTermination(deadline()));
        assertTrue(pool.isTerminated());
    }

    @Test
    void aRoleClosedAsAThreadTakesItIsNotPolled() throws Exception {
        BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        List<Thread> pollers = new CopyOnWriteArrayList<>();
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicBoolean closeOnFirstLook = new AtomicBoolean(true);
        Pool[] pool = new Pool[1];
        pool[0] = new Pool("weft-test", 1, true, null);
        // The list closes between the thread's look at it and its taking the role: stopPolling
        // then finds no holder to interrupt, so a poll started after that would never end.
        pool[0].role(
                "list",
                () -> {
                    boolean wasOpen = open.get();
                    if (closeOnFirstLook.compareAndSet(true, false)) {
                        open.set(false);
                        pool[0].stopPolling();
                    }
                    return wasOpen;
                },
                queue(tasks, pollers));
        pool[0].start();
        assertTrue(pool[0].awaitTermination(deadline()), "the thread ends without polling");
        assertTrue(pollers.isEmpty());
    }
}
