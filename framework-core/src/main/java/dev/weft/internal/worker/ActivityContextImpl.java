package dev.weft.internal.worker;

import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityExecutionContext;
import dev.weft.activity.ActivityNotExistsException;
import dev.weft.converter.DataConverter;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * One activity task's context. Heartbeats are throttled to one per interval and coalesced: a
 * heartbeat that comes too soon is sent at the end of the interval with the latest details.
 * Activities that declare a heartbeat timeout also get a heartbeat every interval while they run,
 * with the last details, so that a worker that is alive keeps its task alive.
 */
final class ActivityContextImpl implements ActivityExecutionContext {
    private static final Logger log = LoggerFactory.getLogger(ActivityContextImpl.class);

    /** SWF's limit on heartbeat details. */
    static final int DETAILS_MAX = 2048;

    private final SwfClient swf;
    private final SwfCalls calls;
    private final DataConverter converter;
    private final PollForActivityTaskResponse task;
    private final String domain;
    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private final java.util.function.LongSupplier nanoTime;

    private volatile boolean cancelRequested;
    private volatile boolean gone;
    private volatile boolean manual;
    private volatile boolean done;

    /** Guards what follows. */
    private final Object lock = new Object();

    private String details;
    private boolean pending;
    private long lastSent = Long.MIN_VALUE;
    private ScheduledFuture<?> later;
    private ScheduledFuture<?> automatic;

    ActivityContextImpl(
            SwfClient swf,
            SwfCalls calls,
            DataConverter converter,
            PollForActivityTaskResponse task,
            String domain,
            Duration interval,
            boolean automaticHeartbeats,
            ScheduledExecutorService scheduler) {
        this(swf, calls, converter, task, domain, interval, automaticHeartbeats, scheduler, System::nanoTime);
    }

    /** As above, with the time source given (tests). */
    ActivityContextImpl(
            SwfClient swf,
            SwfCalls calls,
            DataConverter converter,
            PollForActivityTaskResponse task,
            String domain,
            Duration interval,
            boolean automaticHeartbeats,
            ScheduledExecutorService scheduler,
            java.util.function.LongSupplier nanoTime) {
        this.swf = swf;
        this.calls = calls;
        this.converter = converter;
        this.task = task;
        this.domain = domain;
        this.intervalNanos = interval.toNanos();
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        if (automaticHeartbeats) {
            long n = Math.max(1, intervalNanos);
            automatic = scheduler.scheduleWithFixedDelay(this::keepAlive, n, n, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public String getTaskToken() {
        return task.taskToken();
    }

    @Override
    public WorkflowExecution getWorkflowExecution() {
        return task.workflowExecution();
    }

    @Override
    public ActivityType getActivityType() {
        return task.activityType();
    }

    @Override
    public String getActivityId() {
        return task.activityId();
    }

    @Override
    public int getAttempt() {
        return attempt(task.activityId());
    }

    /**
     * The attempt encoded in an activity id by Weft's retries ({@code <id>.<n>}), else 1.
     */
    static int attempt(String activityId) {
        int dot = activityId.lastIndexOf('.');
        if (dot < 0 || dot == activityId.length() - 1) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(activityId.substring(dot + 1)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String getDomain() {
        return domain;
    }

    @Override
    public void heartbeat(Object value) {
        String d = value == null ? null : converter.toData(value, value.getClass());
        if (d != null && d.length() > DETAILS_MAX) {
            throw new IllegalArgumentException(
                    "Heartbeat details of activity " + task.activityType().name() + " (" + task.activityId() + ") are "
                            + d.length() + " characters, over SWF's limit of " + DETAILS_MAX);
        }
        boolean sendNow = false;
        synchronized (lock) {
            details = d;
            pending = true;
            long now = nanoTime.getAsLong();
            if (lastSent == Long.MIN_VALUE || now - lastSent >= intervalNanos) {
                sendNow = true;
            } else if (later == null) {
                long wait = lastSent + intervalNanos - now;
                later = scheduler.schedule(this::sendLater, wait, TimeUnit.NANOSECONDS);
            }
        }
        if (sendNow) {
            send();
        }
        throwIfOver();
    }

    private void throwIfOver() {
        if (gone) {
            throw new ActivityNotExistsException(
                    "SWF no longer knows activity task " + task.activityId() + " of "
                            + task.workflowExecution().workflowId() + ": it timed out, or its execution closed",
                    null);
        }
        if (cancelRequested) {
            throw new ActivityCanceledException(
                    "Activity " + task.activityType().name() + " (" + task.activityId() + ") of "
                            + task.workflowExecution().workflowId() + " was asked to cancel");
        }
    }

    private void sendLater() {
        synchronized (lock) {
            later = null;
            if (!pending) {
                return;
            }
        }
        send();
    }

    private void keepAlive() {
        if (done || gone) {
            return;
        }
        synchronized (lock) {
            if (lastSent != Long.MIN_VALUE && nanoTime.getAsLong() - lastSent < intervalNanos) {
                return; // The activity heartbeat on its own.
            }
            pending = true;
        }
        send();
    }

    /** Sends the latest details, if any are pending. */
    private void send() {
        String d;
        synchronized (lock) {
            if (!pending || done) {
                return;
            }
            pending = false;
            d = details;
            lastSent = nanoTime.getAsLong();
        }
        try {
            RecordActivityTaskHeartbeatResponse r = calls.respond(() -> swf.recordActivityTaskHeartbeat(
                    b -> b.taskToken(task.taskToken()).details(d)));
            if (Boolean.TRUE.equals(r.cancelRequested())) {
                cancelRequested = true;
            }
        } catch (UnknownResourceException e) {
            gone = true;
        } catch (RuntimeException e) {
            log.warn(
                    "Heartbeat of activity {} ({}) failed; the next one will try again",
                    task.activityId(),
                    task.activityType().name(),
                    e);
        }
    }

    @Override
    public <T> T getLastHeartbeatDetails(Class<T> type) {
        String d;
        synchronized (lock) {
            d = details;
        }
        return type.cast(converter.fromData(d, type));
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    @Override
    public void doNotCompleteOnReturn() {
        manual = true;
    }

    boolean isManual() {
        return manual;
    }

    boolean isGone() {
        return gone;
    }

    /** The task ended: no more heartbeats. */
    void close() {
        done = true;
        synchronized (lock) {
            if (later != null) {
                later.cancel(false);
            }
            if (automatic != null) {
                automatic.cancel(false);
            }
        }
    }

    @Override
    public String toString() {
        return "ActivityExecutionContext[" + task.activityType().name() + "/"
                + task.activityType().version() + " " + task.activityId() + " of "
                + task.workflowExecution().workflowId() + "]";
    }
}
