package dev.weft.workflow;

import dev.weft.annotations.ChildPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Workflow#continueAsNew(ContinueAsNewOptions, Object...)} starts the next run. Unset
 * values are those of the current run (its task list, timeouts, child policy, priority, tags and
 * Lambda role), so that a run continues as itself unless told otherwise.
 */
public final class ContinueAsNewOptions {
    /** The next run is like this one. */
    public static final ContinueAsNewOptions DEFAULT = newBuilder().build();

    private final String workflowTypeVersion;
    private final String taskList;
    private final Duration executionStartToCloseTimeout;
    private final Duration taskStartToCloseTimeout;
    private final ChildPolicy childPolicy;
    private final List<String> tags;
    private final Integer taskPriority;

    private ContinueAsNewOptions(Builder b) {
        this.workflowTypeVersion = b.workflowTypeVersion;
        this.taskList = b.taskList;
        this.executionStartToCloseTimeout = b.executionStartToCloseTimeout;
        this.taskStartToCloseTimeout = b.taskStartToCloseTimeout;
        this.childPolicy = b.childPolicy;
        this.tags = b.tags == null ? null : Collections.unmodifiableList(new ArrayList<>(b.tags));
        this.taskPriority = b.taskPriority;
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
     * Returns the workflow type version of the next run, or null for the same.
     *
     * @return the workflow type version of the next run, or null for the same
     */
    public String getWorkflowTypeVersion() {
        return workflowTypeVersion;
    }

    /**
     * Returns the next run's decision task list, or null for the same.
     *
     * @return the next run's decision task list, or null for the same
     */
    public String getTaskList() {
        return taskList;
    }

    /**
     * Returns the next run's execution timeout, or null for the same.
     *
     * @return the next run's execution timeout, or null for the same
     */
    public Duration getExecutionStartToCloseTimeout() {
        return executionStartToCloseTimeout;
    }

    /**
     * Returns the next run's decision task timeout, or null for the same.
     *
     * @return the next run's decision task timeout, or null for the same
     */
    public Duration getTaskStartToCloseTimeout() {
        return taskStartToCloseTimeout;
    }

    /**
     * Returns the next run's child policy, or null for the same.
     *
     * @return the next run's child policy, or null for the same
     */
    public ChildPolicy getChildPolicy() {
        return childPolicy;
    }

    /**
     * Returns the next run's tags, or null for the same.
     *
     * @return the next run's tags, or null for the same
     */
    public List<String> getTags() {
        return tags;
    }

    /**
     * Returns the next run's decision task priority, or null for the same.
     *
     * @return the next run's decision task priority, or null for the same
     */
    public Integer getTaskPriority() {
        return taskPriority;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContinueAsNewOptions c
                && Objects.equals(workflowTypeVersion, c.workflowTypeVersion)
                && Objects.equals(taskList, c.taskList)
                && Objects.equals(executionStartToCloseTimeout, c.executionStartToCloseTimeout)
                && Objects.equals(taskStartToCloseTimeout, c.taskStartToCloseTimeout)
                && childPolicy == c.childPolicy
                && Objects.equals(tags, c.tags)
                && Objects.equals(taskPriority, c.taskPriority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                workflowTypeVersion,
                taskList,
                executionStartToCloseTimeout,
                taskStartToCloseTimeout,
                childPolicy,
                tags,
                taskPriority);
    }

    @Override
    public String toString() {
        return "ContinueAsNewOptions{workflowTypeVersion=" + workflowTypeVersion + ", taskList=" + taskList
                + ", executionStartToCloseTimeout=" + executionStartToCloseTimeout + ", taskStartToCloseTimeout="
                + taskStartToCloseTimeout + ", childPolicy=" + childPolicy + ", tags=" + tags + ", taskPriority="
                + taskPriority + "}";
    }

    /**
     * Builds {@link ContinueAsNewOptions}. Every setting defaults to "as the current run".
     */
    public static final class Builder {
        private String workflowTypeVersion;
        private String taskList;
        private Duration executionStartToCloseTimeout;
        private Duration taskStartToCloseTimeout;
        private ChildPolicy childPolicy;
        private List<String> tags;
        private Integer taskPriority;

        private Builder() {}

        /**
         * Sets the workflow type version the next run uses.
         *
         * @param version the workflow type version the next run uses
         * @return this builder
         */
        public Builder workflowTypeVersion(String version) {
            this.workflowTypeVersion = Objects.requireNonNull(version, "workflowTypeVersion");
            return this;
        }

        /**
         * Sets the next run's decision task list.
         *
         * @param taskList the next run's decision task list
         * @return this builder
         */
        public Builder taskList(String taskList) {
            this.taskList = Options.name("taskList", taskList);
            return this;
        }

        /**
         * Sets the next run's execution timeout.
         *
         * @param timeout the next run's execution timeout
         * @return this builder
         */
        public Builder executionStartToCloseTimeout(Duration timeout) {
            this.executionStartToCloseTimeout = Options.positive("executionStartToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets the next run's decision task timeout.
         *
         * @param timeout the next run's decision task timeout
         * @return this builder
         */
        public Builder taskStartToCloseTimeout(Duration timeout) {
            this.taskStartToCloseTimeout = Options.positive("taskStartToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets the next run's child policy.
         *
         * @param policy the next run's child policy
         * @return this builder
         */
        public Builder childPolicy(ChildPolicy policy) {
            Objects.requireNonNull(policy, "childPolicy");
            this.childPolicy = policy == ChildPolicy.UNSET ? null : policy;
            return this;
        }

        /**
         * Sets the next run's tags, at most 5.
         *
         * @param tags the next run's tags, at most 5
         * @return this builder
         */
        public Builder tags(String... tags) {
            if (tags.length > 5) {
                throw new IllegalArgumentException(
                        "a workflow execution has at most 5 tags, but " + tags.length + " were given");
            }
            this.tags = List.of(tags);
            return this;
        }

        /**
         * Sets the next run's decision task priority.
         *
         * @param priority the next run's decision task priority
         * @return this builder
         */
        public Builder taskPriority(int priority) {
            this.taskPriority = priority;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public ContinueAsNewOptions build() {
            return new ContinueAsNewOptions(this);
        }
    }
}
