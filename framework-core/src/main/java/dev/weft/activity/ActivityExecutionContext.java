package dev.weft.activity;

import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * The activity task an activity method runs: its ids, heartbeats, and manual completion. Safe to
 * use from other threads the activity starts, while the task runs.
 */
public interface ActivityExecutionContext {
    /**
     * The task's token: what completes it, with {@link ActivityCompletionClient} for an activity
     * that completes later.
     *
     * @return the task token
     */
    String getTaskToken();

    /**
     * Returns the execution that scheduled the activity.
     *
     * @return the execution that scheduled the activity
     */
    WorkflowExecution getWorkflowExecution();

    /**
     * Returns the activity type.
     *
     * @return the activity type
     */
    ActivityType getActivityType();

    /**
     * Returns the activity id, unique among the execution's open activities.
     *
     * @return the activity id, unique among the execution's open activities
     */
    String getActivityId();

    /**
     * Which attempt this is, from 1: Weft's retries give attempt {@code n} the activity id
     * {@code <id>.<n>}.
     *
     * @return the attempt
     */
    int getAttempt();

    /**
     * Returns the domain.
     *
     * @return the domain
     */
    String getDomain();

    /**
     * Records progress: SWF learns the activity is alive and keeps the details (the last ones
     * appear in the timeout event if it times out). Heartbeats are throttled: at most one goes to
     * SWF per interval (80% of the heartbeat timeout, or 30 seconds), and the last details given
     * are always the ones sent.
     *
     * @param details progress, as JSON; at most 2,048 characters; null for none
     * @throws ActivityCanceledException if the workflow asked to cancel the activity (catch it to
     *     clean up, then rethrow or return)
     * @throws ActivityNotExistsException if SWF no longer knows the task (it timed out, or the
     *     execution closed): stop; no answer will be accepted
     */
    void heartbeat(Object details);

    /**
     * The details of the last heartbeat this task recorded, read as {@code type}; null if none.
     *
     * @param type the details' type
     * @param <T> the details' type
     * @return the details, or null
     */
    <T> T getLastHeartbeatDetails(Class<T> type);

    /**
     * Whether a cancel was requested (known from the last heartbeat's answer).
     *
     * @return true once SWF said so
     */
    boolean isCancelRequested();

    /**
     * Leaves the task open when the activity method returns: something else completes it later
     * by its token, with {@link ActivityCompletionClient}. What the method returns or throws is
     * then ignored.
     */
    void doNotCompleteOnReturn();
}
