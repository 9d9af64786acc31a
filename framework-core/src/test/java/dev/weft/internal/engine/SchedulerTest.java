package dev.weft.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
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
}
