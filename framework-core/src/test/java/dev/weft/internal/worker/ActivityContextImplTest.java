package dev.weft.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityNotExistsException;
import dev.weft.converter.JacksonDataConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatRequest;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/** Heartbeats: throttled, coalesced, automatic; cancellation and a vanished task reach the activity. */
final class ActivityContextImplTest {
    private static final PollForActivityTaskResponse TASK = PollForActivityTaskResponse.builder()
            .taskToken("token")
            .activityId("7.3")
            .activityType(t -> t.name("Jobs.encode").version("1"))
            .workflowExecution(w -> w.workflowId("w").runId("r"))
            .build();

    private final SwfClient swf = mock(SwfClient.class);
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> sent = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private ActivityContextImpl context(boolean automatic, boolean cancelOnSecond) {
        when(scheduler.schedule(any(Runnable.class), anyLong(), any())).thenAnswer(inv -> mock(ScheduledFuture.class));
        int[] n = {0};
        when(swf.recordActivityTaskHeartbeat(any(Consumer.class))).thenAnswer(inv -> {
            Consumer<RecordActivityTaskHeartbeatRequest.Builder> c = inv.getArgument(0);
            RecordActivityTaskHeartbeatRequest.Builder b = RecordActivityTaskHeartbeatRequest.builder();
            c.accept(b);
            sent.add(b.build().details());
            n[0]++;
            return RecordActivityTaskHeartbeatResponse.builder()
                    .cancelRequested(cancelOnSecond && n[0] >= 2)
                    .build();
        });
        return new ActivityContextImpl(
                swf,
                new SwfCalls(Duration.ofMillis(1), Duration.ofMillis(1), 1),
                JacksonDataConverter.create(),
                TASK,
                "d",
                Duration.ofSeconds(8),
                automatic,
                scheduler,
                now::get);
    }

    private Runnable scheduledOnce() {
        ArgumentCaptor<Runnable> r = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(r.capture(), anyLong(), eq(TimeUnit.NANOSECONDS));
        return r.getValue();
    }

    @Test
    void heartbeatsAreThrottledAndTheLastDetailsAreSentAtTheEndOfTheInterval() {
        ActivityContextImpl ctx = context(false, false);
        ctx.heartbeat(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        ctx.heartbeat(2);
        ctx.heartbeat(3);
        assertEquals(List.of("1"), sent, "the first goes at once; the next two wait for the interval");
        scheduledOnce().run();
        assertEquals(List.of("1", "3"), sent, "coalesced: the last details, once");
        assertEquals(3, (int) ctx.getLastHeartbeatDetails(Integer.class));
        now.addAndGet(TimeUnit.SECONDS.toNanos(8));
        ctx.heartbeat(4);
        assertEquals(List.of("1", "3", "4"), sent, "a whole interval later, at once again");
    }

    @Test
    void aCancelRequestIsThrownByTheNextHeartbeat() {
        ActivityContextImpl ctx = context(false, true);
        ctx.heartbeat("a");
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        ActivityCanceledException e = assertThrows(ActivityCanceledException.class, () -> ctx.heartbeat("b"));
        assertEquals("Activity Jobs.encode (7.3) of w was asked to cancel", e.getMessage());
        assertEquals(true, ctx.isCancelRequested());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskSwfNoLongerKnowsEndsTheAttempt() {
        when(swf.recordActivityTaskHeartbeat(any(Consumer.class)))
                .thenThrow(UnknownResourceException.builder()
                        .message("Unknown activity")
                        .build());
        ActivityContextImpl ctx = new ActivityContextImpl(
                swf,
                new SwfCalls(Duration.ofMillis(1), Duration.ofMillis(1), 1),
                JacksonDataConverter.create(),
                TASK,
                "d",
                Duration.ofSeconds(8),
                false,
                scheduler,
                now::get);
        ActivityNotExistsException e = assertThrows(ActivityNotExistsException.class, () -> ctx.heartbeat(null));
        assertEquals(
                "SWF no longer knows activity task 7.3 of w: it timed out, or its execution closed", e.getMessage());
        assertEquals(3, ctx.getAttempt(), "attempt 3, from the activity id 7.3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void activitiesWithAHeartbeatTimeoutAreKeptAliveWhileTheyRun() {
        ActivityContextImpl ctx = context(true, false);
        ArgumentCaptor<Runnable> r = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler)
                .scheduleWithFixedDelay(
                        r.capture(),
                        eq(TimeUnit.SECONDS.toNanos(8)),
                        eq(TimeUnit.SECONDS.toNanos(8)),
                        eq(TimeUnit.NANOSECONDS));
        r.getValue().run();
        assertEquals(1, sent.size(), "sent: nothing was for a whole interval");
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        r.getValue().run();
        assertEquals(1, sent.size(), "not sent: one went two seconds ago");
        ctx.close();
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        r.getValue().run();
        assertEquals(1, sent.size(), "none after the task ended");
        verify(swf, times(1)).recordActivityTaskHeartbeat(any(Consumer.class));
        verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
    }
}
