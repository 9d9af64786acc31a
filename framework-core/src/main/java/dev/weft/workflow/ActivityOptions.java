package dev.weft.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How an activity stub schedules its activities, over what the activities' annotations say: each
 * value set here wins over the annotation's; each left unset takes the annotation's, and what
 * neither sets is left to the activity type's registered defaults. SWF counts whole seconds;
 * fractions are rounded up.
 *
 * <pre>{@code
 * PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class,
 *     ActivityOptions.newBuilder().taskList("payments-eu").startToCloseTimeout(Duration.ofMinutes(2)).build());
 * }</pre>
 */
public final class ActivityOptions {
    /** Nothing set: the annotations decide. */
    public static final ActivityOptions DEFAULT = newBuilder().build();

    private final String taskList;
    private final Duration scheduleToStartTimeout;
    private final Duration startToCloseTimeout;
    private final Duration scheduleToCloseTimeout;
    private final Duration heartbeatTimeout;
    private final Integer taskPriority;
    private final RetryOptions retryOptions;
    private final boolean waitForCancellation;

    private ActivityOptions(Builder b) {
        this.taskList = b.taskList;
        this.scheduleToStartTimeout = b.scheduleToStartTimeout;
        this.startToCloseTimeout = b.startToCloseTimeout;
        this.scheduleToCloseTimeout = b.scheduleToCloseTimeout;
        this.heartbeatTimeout = b.heartbeatTimeout;
        this.taskPriority = b.taskPriority;
        this.retryOptions = b.retryOptions;
        this.waitForCancellation = b.waitForCancellation;
    }

    /**
     * Returns a builder with nothing set.
     *
     * @return a builder with nothing set
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from these options.
     *
     * @return a builder starting from these options
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.taskList = taskList;
        b.scheduleToStartTimeout = scheduleToStartTimeout;
        b.startToCloseTimeout = startToCloseTimeout;
        b.scheduleToCloseTimeout = scheduleToCloseTimeout;
        b.heartbeatTimeout = heartbeatTimeout;
        b.taskPriority = taskPriority;
        b.retryOptions = retryOptions;
        b.waitForCancellation = waitForCancellation;
        return b;
    }

    /**
     * Returns the task list, or null.
     *
     * @return the task list, or null
     */
    public String getTaskList() {
        return taskList;
    }

    /**
     * Returns the schedule-to-start timeout, or null.
     *
     * @return the schedule-to-start timeout, or null
     */
    public Duration getScheduleToStartTimeout() {
        return scheduleToStartTimeout;
    }

    /**
     * Returns the start-to-close timeout, or null.
     *
     * @return the start-to-close timeout, or null
     */
    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    /**
     * Returns the schedule-to-close timeout, or null.
     *
     * @return the schedule-to-close timeout, or null
     */
    public Duration getScheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    /**
     * Returns the heartbeat timeout, or null.
     *
     * @return the heartbeat timeout, or null
     */
    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    /**
     * Returns the task priority, or null.
     *
     * @return the task priority, or null
     */
    public Integer getTaskPriority() {
        return taskPriority;
    }

    /**
     * Returns the retry options, or null.
     *
     * @return the retry options, or null
     */
    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    /**
     * Returns whether a canceled call waits for the activity to end.
     *
     * @return whether a canceled call waits for the activity to end (default false)
     * @see Builder#waitForCancellation(boolean)
     */
    public boolean isWaitForCancellation() {
        return waitForCancellation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivityOptions a
                && Objects.equals(taskList, a.taskList)
                && Objects.equals(scheduleToStartTimeout, a.scheduleToStartTimeout)
                && Objects.equals(startToCloseTimeout, a.startToCloseTimeout)
                && Objects.equals(scheduleToCloseTimeout, a.scheduleToCloseTimeout)
                && Objects.equals(heartbeatTimeout, a.heartbeatTimeout)
                && Objects.equals(taskPriority, a.taskPriority)
                && Objects.equals(retryOptions, a.retryOptions)
                && waitForCancellation == a.waitForCancellation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                taskList,
                scheduleToStartTimeout,
                startToCloseTimeout,
                scheduleToCloseTimeout,
                heartbeatTimeout,
                taskPriority,
                retryOptions,
                waitForCancellation);
    }

    @Override
    public String toString() {
        return "ActivityOptions{taskList=" + taskList + ", scheduleToStartTimeout=" + scheduleToStartTimeout
                + ", startToCloseTimeout=" + startToCloseTimeout + ", scheduleToCloseTimeout="
                + scheduleToCloseTimeout + ", heartbeatTimeout=" + heartbeatTimeout + ", taskPriority="
                + taskPriority + ", retryOptions=" + retryOptions + ", waitForCancellation=" + waitForCancellation
                + "}";
    }

    /**
     * Builds {@link ActivityOptions}. Every setting defaults to "not set".
     */
    public static final class Builder {
        private String taskList;
        private Duration scheduleToStartTimeout;
        private Duration startToCloseTimeout;
        private Duration scheduleToCloseTimeout;
        private Duration heartbeatTimeout;
        private Integer taskPriority;
        private RetryOptions retryOptions;
        private boolean waitForCancellation;

        private Builder() {}

        /**
         * Sets the task list.
         *
         * @param taskList the task list
         * @return this builder
         */
        public Builder taskList(String taskList) {
            this.taskList = Options.name("taskList", taskList);
            return this;
        }

        /**
         * Sets how long a task may wait for a worker.
         *
         * @param timeout how long a task may wait for a worker
         * @return this builder
         */
        public Builder scheduleToStartTimeout(Duration timeout) {
            this.scheduleToStartTimeout = Options.positive("scheduleToStartTimeout", timeout);
            return this;
        }

        /**
         * Sets how long a started task may take.
         *
         * @param timeout how long a started task may take
         * @return this builder
         */
        public Builder startToCloseTimeout(Duration timeout) {
            this.startToCloseTimeout = Options.positive("startToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets how long from scheduling to completion.
         *
         * @param timeout how long from scheduling to completion
         * @return this builder
         */
        public Builder scheduleToCloseTimeout(Duration timeout) {
            this.scheduleToCloseTimeout = Options.positive("scheduleToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest gap between heartbeats.
         *
         * @param timeout the longest gap between heartbeats
         * @return this builder
         */
        public Builder heartbeatTimeout(Duration timeout) {
            this.heartbeatTimeout = Options.positive("heartbeatTimeout", timeout);
            return this;
        }

        /**
         * Sets the tasks' priority, higher first.
         *
         * @param priority the tasks' priority, higher first
         * @return this builder
         */
        public Builder taskPriority(int priority) {
            this.taskPriority = priority;
            return this;
        }

        /**
         * Sets how failures are retried.
         *
         * @param retryOptions how failures are retried
         * @return this builder
         */
        public Builder retryOptions(RetryOptions retryOptions) {
            this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
            return this;
        }

        /**
         * Sets what a call does when its cancellation scope is canceled while the activity is
         * scheduled or running. Either way the workflow asks SWF to cancel the activity
         * (RequestCancelActivityTask), and a running activity hears of it from its next heartbeat.
         * With {@code false} (the default) the call fails with a {@link CanceledFailure} at once;
         * with {@code true} it waits for the activity to end: a {@link CanceledFailure} carrying
         * the details the activity reported as it stopped ({@link CanceledFailure#getDetails()},
         * from ActivityTaskCanceled), or the activity's result or failure if it ended otherwise.
         * A canceled call is never retried.
         *
         * @param wait whether to wait for the activity to end
         * @return this builder
         */
        public Builder waitForCancellation(boolean wait) {
            this.waitForCancellation = wait;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public ActivityOptions build() {
            return new ActivityOptions(this);
        }
    }
}
