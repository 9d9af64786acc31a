package dev.weft.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class SchedulerTest {
    private static final long GUARD_SECONDS = 10; // Fails a deadline that never fires instead of hanging.

    @Test
    void aDeadlineEarlierThanTheOneWaitedForWakesTheThread() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Scheduler s = Scheduler.wallClock(clock)) {
            List<String> fired = new CopyOnWriteArrayList<>();
            s.at(clock.millis() + TimeUnit.HOURS.toMillis(1), true, () -> fired.add("in an hour"));
            CountDownLatch first = new CountDownLatch(1);
            s.at(clock.millis(), true, first::countDown);
            // Once that fired, the thread waits for the deadline an hour away.
            assertTrue(first.await(GUARD_SECONDS, TimeUnit.SECONDS));
            CountDownLatch soon = new CountDownLatch(1);
            s.at(clock.millis() + 20, true, () -> {
                fired.add("soon");
                soon.countDown();
            });
            assertTrue(soon.await(GUARD_SECONDS, TimeUnit.SECONDS), "the earlier deadline fired");
            assertEquals(List.of("soon"), fired);
        }
    }

    @Test
    void cancellingTheEarliestDeadlineLeavesTheLaterOnesToFire() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Scheduler s = Scheduler.wallClock(clock)) {
            List<String> fired = new CopyOnWriteArrayList<>();
            CountDownLatch later = new CountDownLatch(1);
            Scheduler.Timer earliest = s.at(clock.millis() + 30, true, () -> fired.add("cancelled"));
            s.at(clock.millis() + 60, false, () -> {
                fired.add("later");
                later.countDown();
            });
            s.cancel(earliest);
            assertTrue(later.await(GUARD_SECONDS, TimeUnit.SECONDS));
            assertEquals(List.of("later"), fired);
        }
    }

    @Test
    void lanesHandTimersOutInDeadlineOrderWhateverTheMixOfSpansAndCancels() {
        Random random = new Random(42);
        Scheduler.Lanes lanes = new Scheduler.Lanes();
        TreeSet<Scheduler.Timer> expected = new TreeSet<>(
                Comparator.<Scheduler.Timer>comparingLong(t -> t.deadline).thenComparingLong(t -> t.seq));
        List<Scheduler.Timer> live = new ArrayList<>();
        long now = 1_000_000;
        long seq = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(10);
            if (op < 5 || live.isEmpty()) {
                // Mostly a few common spans (task timeouts), some arbitrary ones (user timers), and
                // now and then a clock that stepped back, so that a timer lands before its lane's last.
                long span = random.nextInt(4) < 3 ? 1_000L * (1 + random.nextInt(4)) : random.nextInt(100_000);
                long at = random.nextInt(50) == 0 ? now - random.nextInt(5_000) : now;
                Scheduler.Timer t = new Scheduler.Timer(at + span, seq++, true, () -> {});
                lanes.add(t, span);
                expected.add(t);
                live.add(t);
            } else if (op < 8) {
                Scheduler.Timer t = live.remove(random.nextInt(live.size()));
                lanes.remove(t);
                expected.remove(t);
                assertEquals(null, t.lane, "a cancelled timer is unscheduled");
            } else {
                Scheduler.Timer t = lanes.peek();
                assertEquals(expected.first(), t, "step " + step);
                lanes.remove(t);
                expected.remove(t);
                live.remove(t);
                now = Math.max(now, t.deadline);
            }
            now += random.nextInt(3);
            if (expected.isEmpty()) {
                assertEquals(null, lanes.peek());
            } else {
                assertEquals(expected.first(), lanes.peek(), "step " + step);
            }
        }
        while (!expected.isEmpty()) {
            Scheduler.Timer t = lanes.peek();
            assertEquals(expected.pollFirst(), t);
            lanes.remove(t);
        }
        assertEquals(null, lanes.peek());
        assertEquals(0, lanes.lanes(), "empty lanes leave");
    }
}
