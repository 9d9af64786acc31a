package dev.weft.internal.engine;

import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ActivityType;

/**
 * One scheduled activity task: queued on its task list until a worker takes it, then started
 * until a response or a timeout closes it. Fields other than {@link #state} are guarded by the
 * execution's monitor.
 */
final class ActivityTask implements TaskQueue.Task {
    static final int SCHEDULED = 0;
    static final int STARTED = 1;
    static final int CLOSED = 2;

    final Execution execution;
    final String activityId;
    final long scheduledEventId;
    final ActivityType type;
    final String input;
    final String taskList;
    final int priority;
    /** Timeouts in seconds, {@link Durations#NONE} for none. */
    final long scheduleToStart;

    final long scheduleToClose;
    final long startToClose;
    final long heartbeat;
    final long scheduledAt;

    volatile int state = SCHEDULED;
    long startedEventId;
    long startedAt;
    long lastHeartbeat;
    String token;
    String heartbeatDetails;
    boolean cancelRequested;
    long latestCancelRequestedEventId;
    Scheduler.Timer timer;

    ActivityTask(
            Execution execution,
            String activityId,
            long scheduledEventId,
            ActivityType type,
            String input,
            String taskList,
            int priority,
            long scheduleToStart,
            long scheduleToClose,
            long startToClose,
            long heartbeat,
            long scheduledAt) {
        this.execution = execution;
        this.activityId = activityId;
        this.scheduledEventId = scheduledEventId;
        this.type = type;
        this.input = input;
        this.taskList = taskList;
        this.priority = priority;
        this.scheduleToStart = scheduleToStart;
        this.scheduleToClose = scheduleToClose;
        this.startToClose = startToClose;
        this.heartbeat = heartbeat;
        this.scheduledAt = scheduledAt;
    }

    @Override
    public boolean live() {
        return state == SCHEDULED;
    }

    @Override
    public int priority() {
        return priority;
    }

    /** The earliest deadline still ahead of this task in its current state, or Long.MAX_VALUE. */
    long nextDeadline() {
        long next = Long.MAX_VALUE;
        if (scheduleToClose != Durations.NONE) {
            next = Math.min(next, scheduledAt + scheduleToClose * 1000);
        }
        if (state == SCHEDULED) {
            if (scheduleToStart != Durations.NONE) {
                next = Math.min(next, scheduledAt + scheduleToStart * 1000);
            }
        } else if (state == STARTED) {
            if (startToClose != Durations.NONE) {
                next = Math.min(next, startedAt + startToClose * 1000);
            }
            if (heartbeat != Durations.NONE) {
                next = Math.min(next, lastHeartbeat + heartbeat * 1000);
            }
        }
        return next;
    }

    /**
     * The timeout that has passed at {@code now}, or null. When several passed together, the
     * narrowest wins: heartbeat, then start-to-close, then schedule-to-start, then schedule-to-close.
     */
    ActivityTaskTimeoutType expired(long now) {
        if (state == STARTED) {
            if (heartbeat != Durations.NONE && lastHeartbeat + heartbeat * 1000 <= now) {
                return ActivityTaskTimeoutType.HEARTBEAT;
            }
            if (startToClose != Durations.NONE && startedAt + startToClose * 1000 <= now) {
                return ActivityTaskTimeoutType.START_TO_CLOSE;
            }
        } else if (state == SCHEDULED
                && scheduleToStart != Durations.NONE
                && scheduledAt + scheduleToStart * 1000 <= now) {
            return ActivityTaskTimeoutType.SCHEDULE_TO_START;
        }
        if (scheduleToClose != Durations.NONE && scheduledAt + scheduleToClose * 1000 <= now) {
            return ActivityTaskTimeoutType.SCHEDULE_TO_CLOSE;
        }
        return null;
    }
}
