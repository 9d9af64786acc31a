package dev.weft.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a running workflow knows about its own execution, from {@link Workflow#getInfo()}. Values
 * come from the history, so they are the same on every replay.
 */
public interface WorkflowInfo {
    /**
     * The domain, as the worker running the workflow names it.
     *
     * @return the domain, or null when the decider was given none (a replayer, say)
     */
    String getDomain();

    /**
     * Returns the workflow id.
     *
     * @return the workflow id
     */
    String getWorkflowId();

    /**
     * Returns the run id of this run.
     *
     * @return the run id of this run
     */
    String getRunId();

    /**
     * Returns the workflow type's name.
     *
     * @return the workflow type's name
     */
    String getWorkflowType();

    /**
     * Returns the workflow type's version.
     *
     * @return the workflow type's version
     */
    String getWorkflowTypeVersion();

    /**
     * Returns the decision task list the run was started with.
     *
     * @return the decision task list the run was started with
     */
    String getTaskList();

    /**
     * Returns the run's tags, possibly empty.
     *
     * @return the run's tags, possibly empty
     */
    List<String> getTagList();

    /**
     * Returns when the run started.
     *
     * @return when the run started
     */
    Instant getStartTime();

    /**
     * Returns the run's execution start-to-close timeout.
     *
     * @return the run's execution start-to-close timeout
     */
    Duration getExecutionStartToCloseTimeout();

    /**
     * Returns the run's decision task start-to-close timeout, or null for none.
     *
     * @return the run's decision task start-to-close timeout, or null for none
     */
    Duration getTaskStartToCloseTimeout();

    /**
     * Returns the child policy, as SWF names it ({@code TERMINATE}, {@code REQUEST_CANCEL}, {@code ABANDON}).
     *
     * @return the child policy, as SWF names it ({@code TERMINATE}, {@code REQUEST_CANCEL}, {@code ABANDON})
     */
    String getChildPolicy();

    /**
     * Returns the IAM role for the run's Lambda tasks, or null.
     *
     * @return the IAM role for the run's Lambda tasks, or null
     */
    String getLambdaRole();

    /**
     * Returns the parent's workflow id, or null if this run is not a child.
     *
     * @return the parent's workflow id, or null if this run is not a child
     */
    String getParentWorkflowId();

    /**
     * Returns the parent's run id, or null if this run is not a child.
     *
     * @return the parent's run id, or null if this run is not a child
     */
    String getParentRunId();

    /**
     * Returns the run id of the run that continued as this one, or null.
     *
     * @return the run id of the run that continued as this one, or null
     */
    String getContinuedExecutionRunId();

    /**
     * The number of events in the history so far (up to the current decision task's start). SWF
     * closes an execution whose history reaches 25,000 events; continue as new well before that.
     *
     * @return the history length
     */
    long getHistoryLength();

    /**
     * Whether the history is long enough that the run should continue as new: true from 20,000
     * events (80% of SWF's 25,000-event limit).
     *
     * @return true when continuing as new is advised
     */
    boolean isContinueAsNewSuggested();
}
