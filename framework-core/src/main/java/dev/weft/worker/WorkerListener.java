package dev.weft.worker;

import java.time.Duration;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * What a worker reports as it works: polls, decisions, activities, its cache and its slots. For
 * metrics (a Micrometer adapter is a few lines: a timer per latency, a counter per outcome) and
 * for tests that wait for the worker. Every method does nothing unless overridden.
 *
 * <p>Methods are called on the worker's threads, as things happen (a task's report after its
 * answer was sent), so they must be quick and thread-safe. An exception thrown by one is logged
 * and otherwise ignored.
 */
public interface WorkerListener {
    /** A listener that ignores everything. */
    WorkerListener NONE = new WorkerListener() {};

    /** The kinds of task a worker polls for. */
    enum TaskKind {
        /** Decision tasks. */
        DECISION,
        /** Activity tasks. */
        ACTIVITY
    }

    /** How an activity task ended, as far as this worker knows. */
    enum ActivityOutcome {
        /** Answered RespondActivityTaskCompleted. */
        COMPLETED,
        /** Answered RespondActivityTaskFailed. */
        FAILED,
        /** Answered RespondActivityTaskCanceled. */
        CANCELED,
        /** Left open for manual completion. */
        LEFT_OPEN,
        /** SWF no longer knew the task (timed out, or its execution closed): no answer was taken. */
        GONE
    }

    /**
     * A poll returned.
     *
     * @param kind decision or activity
     * @param taskList the task list polled
     * @param latency how long the poll took
     * @param empty whether it returned no task
     */
    default void polled(TaskKind kind, String taskList, Duration latency, boolean empty) {}

    /**
     * A poll failed (it is retried after a backoff).
     *
     * @param kind decision or activity
     * @param taskList the task list polled
     * @param failure why
     */
    default void pollFailed(TaskKind kind, String taskList, Throwable failure) {}

    /**
     * A decision task was answered.
     *
     * @param run the execution
     * @param type its workflow type
     * @param latency from the task's arrival to its answer
     * @param decisions how many decisions were sent
     * @param closing whether they close the execution
     */
    default void decided(WorkflowExecution run, WorkflowType type, Duration latency, int decisions, boolean closing) {}

    /**
     * A decision task failed (non-determinism, a bug in workflow code, a stuck workflow thread):
     * it is not answered, and SWF retries it once it times out.
     *
     * @param run the execution
     * @param type its workflow type
     * @param failure why
     */
    default void decisionFailed(WorkflowExecution run, WorkflowType type, Throwable failure) {}

    /**
     * An activity task ended on this worker.
     *
     * @param type the activity type
     * @param activityId the activity id
     * @param latency from the task's arrival to its answer
     * @param outcome how it ended
     */
    default void activityDone(ActivityType type, String activityId, Duration latency, ActivityOutcome outcome) {}

    /**
     * A decision task found its execution in the cache: only new events were applied.
     *
     * @param run the execution
     * @param events the events applied
     */
    default void cacheHit(WorkflowExecution run, long events) {}

    /**
     * A decision task had to replay its execution's full history.
     *
     * @param run the execution
     * @param events the history's length
     */
    default void cacheMiss(WorkflowExecution run, long events) {}

    /**
     * An execution left the cache to make room.
     *
     * @param run the execution
     */
    default void cacheEvicted(WorkflowExecution run) {}

    /**
     * The slots in use changed.
     *
     * @param kind decision or activity
     * @param inUse slots in use
     * @param max slots in all
     */
    default void slotsInUse(TaskKind kind, int inUse, int max) {}

    /**
     * A task's answer could not be delivered after every attempt; SWF will time the task out.
     *
     * @param kind decision or activity
     * @param id the workflow id (decisions) or activity id (activities)
     * @param failure the last failure
     */
    default void responseFailed(TaskKind kind, String id, Throwable failure) {}
}
