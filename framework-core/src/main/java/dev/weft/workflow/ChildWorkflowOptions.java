package dev.weft.workflow;

import dev.weft.annotations.ChildPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a child workflow stub starts its child, over what the child's {@code @Workflow} annotation
 * says: each value set here wins; each left unset takes the annotation's, then the registered
 * type's. The workflow id defaults to a deterministic random UUID.
 */
public final class ChildWorkflowOptions {
    /** Nothing set: the annotation and the registered type decide. */
    public static final ChildWorkflowOptions DEFAULT = newBuilder().build();

    private final String workflowId;
    private final String taskList;
    private final Duration executionStartToCloseTimeout;
    private final Duration taskStartToCloseTimeout;
    private final ChildPolicy childPolicy;
    private final List<String> tags;
    private final Integer taskPriority;
    private final String lambdaRole;
    private final RetryOptions retryOptions;

    private ChildWorkflowOptions(Builder b) {
        this.workflowId = b.workflowId;
        this.taskList = b.taskList;
        this.executionStartToCloseTimeout = b.executionStartToCloseTimeout;
        this.taskStartToCloseTimeout = b.taskStartToCloseTimeout;
        this.childPolicy = b.childPolicy;
        this.tags = Collections.unmodifiableList(new ArrayList<>(b.tags));
        this.taskPriority = b.taskPriority;
        this.lambdaRole = b.lambdaRole;
        this.retryOptions = b.retryOptions;
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
        b.workflowId = workflowId;
        b.taskList = taskList;
        b.executionStartToCloseTimeout = executionStartToCloseTimeout;
        b.taskStartToCloseTimeout = taskStartToCloseTimeout;
        b.childPolicy = childPolicy;
        b.tags.addAll(tags);
        b.taskPriority = taskPriority;
        b.lambdaRole = lambdaRole;
        b.retryOptions = retryOptions;
        return b;
    }

    /**
     * Returns the child's workflow id, or null for a generated one.
     *
     * @return the child's workflow id, or null for a generated one
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the child's decision task list, or null.
     *
     * @return the child's decision task list, or null
     */
    public String getTaskList() {
        return taskList;
    }

    /**
     * Returns the child's execution timeout, or null.
     *
     * @return the child's execution timeout, or null
     */
    public Duration getExecutionStartToCloseTimeout() {
        return executionStartToCloseTimeout;
    }

    /**
     * Returns the child's decision task timeout, or null.
     *
     * @return the child's decision task timeout, or null
     */
    public Duration getTaskStartToCloseTimeout() {
        return taskStartToCloseTimeout;
    }

    /**
     * Returns the child's own child policy, or null.
     *
     * @return the child's own child policy, or null
     */
    public ChildPolicy getChildPolicy() {
        return childPolicy;
    }

    /**
     * Returns the child's tags (at most 5).
     *
     * @return the child's tags (at most 5)
     */
    public List<String> getTags() {
        return tags;
    }

    /**
     * Returns the child's decision task priority, or null.
     *
     * @return the child's decision task priority, or null
     */
    public Integer getTaskPriority() {
        return taskPriority;
    }

    /**
     * Returns the child's Lambda role, or null.
     *
     * @return the child's Lambda role, or null
     */
    public String getLambdaRole() {
        return lambdaRole;
    }

    /**
     * Returns how a failed child is started again, or null for never.
     *
     * @return how a failed child is started again, or null for never
     */
    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChildWorkflowOptions c
                && Objects.equals(workflowId, c.workflowId)
                && Objects.equals(taskList, c.taskList)
                && Objects.equals(executionStartToCloseTimeout, c.executionStartToCloseTimeout)
                && Objects.equals(taskStartToCloseTimeout, c.taskStartToCloseTimeout)
                && childPolicy == c.childPolicy
                && tags.equals(c.tags)
                && Objects.equals(taskPriority, c.taskPriority)
                && Objects.equals(lambdaRole, c.lambdaRole)
                && Objects.equals(retryOptions, c.retryOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                workflowId,
                taskList,
                executionStartToCloseTimeout,
                taskStartToCloseTimeout,
                childPolicy,
                tags,
                taskPriority,
                lambdaRole,
                retryOptions);
    }

    @Override
    public String toString() {
        return "ChildWorkflowOptions{workflowId=" + workflowId + ", taskList=" + taskList
                + ", executionStartToCloseTimeout=" + executionStartToCloseTimeout + ", taskStartToCloseTimeout="
                + taskStartToCloseTimeout + ", childPolicy=" + childPolicy + ", tags=" + tags + ", taskPriority="
                + taskPriority + ", lambdaRole=" + lambdaRole + ", retryOptions=" + retryOptions + "}";
    }

    /**
     * Builds {@link ChildWorkflowOptions}. Every setting defaults to "not set".
     */
    public static final class Builder {
        private String workflowId;
        private String taskList;
        private Duration executionStartToCloseTimeout;
        private Duration taskStartToCloseTimeout;
        private ChildPolicy childPolicy;
        private final List<String> tags = new ArrayList<>();
        private Integer taskPriority;
        private String lambdaRole;
        private RetryOptions retryOptions;

        private Builder() {}

        /**
         * Sets the child's workflow id.
         *
         * @param workflowId the child's workflow id
         * @return this builder
         */
        public Builder workflowId(String workflowId) {
            this.workflowId = Options.name("workflowId", workflowId);
            return this;
        }

        /**
         * Sets the child's decision task list.
         *
         * @param taskList the child's decision task list
         * @return this builder
         */
        public Builder taskList(String taskList) {
            this.taskList = Options.name("taskList", taskList);
            return this;
        }

        /**
         * Sets how long the child may run.
         *
         * @param timeout how long the child may run
         * @return this builder
         */
        public Builder executionStartToCloseTimeout(Duration timeout) {
            this.executionStartToCloseTimeout = Options.positive("executionStartToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets how long the child's decision tasks may take.
         *
         * @param timeout how long the child's decision tasks may take
         * @return this builder
         */
        public Builder taskStartToCloseTimeout(Duration timeout) {
            this.taskStartToCloseTimeout = Options.positive("taskStartToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets the child's own child policy.
         *
         * @param policy the child's own child policy
         * @return this builder
         */
        public Builder childPolicy(ChildPolicy policy) {
            Objects.requireNonNull(policy, "childPolicy");
            this.childPolicy = policy == ChildPolicy.UNSET ? null : policy;
            return this;
        }

        /**
         * Sets at most 5 tags of at most 256 characters.
         *
         * @param tags at most 5 tags of at most 256 characters
         * @return this builder
         */
        public Builder tags(String... tags) {
            for (String tag : tags) {
                Objects.requireNonNull(tag, "tag");
                if (tag.length() > 256) {
                    throw new IllegalArgumentException(
                            "tags must have at most 256 characters, but one had " + tag.length());
                }
                this.tags.add(tag);
            }
            if (this.tags.size() > 5) {
                throw new IllegalArgumentException("a workflow execution has at most 5 tags, but " + this.tags.size()
                        + " were given: " + this.tags);
            }
            return this;
        }

        /**
         * Sets the child's decision task priority.
         *
         * @param priority the child's decision task priority
         * @return this builder
         */
        public Builder taskPriority(int priority) {
            this.taskPriority = priority;
            return this;
        }

        /**
         * Sets the IAM role of the child's Lambda tasks.
         *
         * @param role the IAM role of the child's Lambda tasks
         * @return this builder
         */
        public Builder lambdaRole(String role) {
            this.lambdaRole = Objects.requireNonNull(role, "lambdaRole");
            return this;
        }

        /**
         * Sets how a failed child is started again.
         *
         * @param retryOptions how a failed child is started again
         * @return this builder
         */
        public Builder retryOptions(RetryOptions retryOptions) {
            this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public ChildWorkflowOptions build() {
            return new ChildWorkflowOptions(this);
        }
    }
}
