package dev.weft.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

final class PollTest {
    private static final TaskQueue.Task TASK = new TaskQueue.Task() {
        @Override
        public boolean live() {
            return true;
        }

        @Override
        public int priority() {
            return 0;
        }
    };

    @Test
    void aPollEndsOnceMatchedOrExpired() {
        Poll matched = new Poll.Blocking();
        assertFalse(matched.ended());
        assertTrue(matched.match(TASK));
        assertFalse(matched.expire(), "a matched poll cannot expire");
        assertFalse(matched.match(TASK), "nor be matched twice");
        assertSame(TASK, matched.task());

        Poll expired = new Poll.Blocking();
        assertTrue(expired.expire());
        assertFalse(expired.match(TASK), "an expired poll takes no task");
        assertTrue(expired.ended());
        assertNull(expired.task());
    }

    /**
     * A poller woken by a stray unpark (a permit left from an earlier hand-off) finds the poll
     * ended while the queue is still matching it. Were the task written after the outcome, the
     * poller would read no task, and the task, no longer queued, would be lost. Both threads spin
     * here so that the poller reads at every instant of the match.
     */
    @Test
    void aPollSeenToHaveEndedHoldsItsTask() throws Exception {
        int rounds = 300_000;
        AtomicReference<Poll> offered = new AtomicReference<>();
        Thread matcher = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                Poll p;
                for (int spins = 0; (p = offered.getAndSet(null)) == null; spins++) {
                    spin(spins);
                }
                p.match(TASK);
            }
        });
        matcher.start();
        int lost = 0;
        for (int i = 0; i < rounds; i++) {
            Poll p = new Poll.Blocking();
            offered.set(p);
            for (int spins = 0; !p.ended(); spins++) {
                spin(spins);
            }
            if (p.task() == null) {
                lost++;
            }
        }
        matcher.join();
        assertEquals(0, lost, "polls that ended matched but showed no task");
    }

    /** Spins while the other thread is running, and yields to it if it is not (on one core). */
    @SuppressWarnings("ThreadPriorityCheck") // Only so that one core makes progress; no correctness rests on it.
    private static void spin(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    @Test
    void aBlockingPollWithAStrayPermitWaitsForItsTask() throws Exception {
        TaskQueue queue = new TaskQueue("list");
        Poll.Blocking poll = new Poll.Blocking();
        assertNull(queue.takeOrWait(poll));
        LockSupport.unpark(Thread.currentThread()); // The permit an earlier hand-off left.
        Thread offerer = new Thread(() -> queue.offer(TASK));
        offerer.start();
        poll.await();
        offerer.join();
        assertSame(TASK, poll.task());
        assertEquals(0, queue.waiting());
        assertEquals(0, queue.pending());
    }
}
