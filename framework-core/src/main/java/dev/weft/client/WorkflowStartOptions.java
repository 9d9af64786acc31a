package dev.weft.client;

import dev.weft.annotations.ChildPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a client starts an execution. What is not set here comes from the workflow's {@code
 * @Workflow} annotation, else from the type's registered defaults; the workflow id defaults to a
 * random UUID.
 *
 * <pre>{@code
 * OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class,
 *     WorkflowStartOptions.newBuilder().workflowId("order-" + id).tags("eu").build());
 * }</pre>
 */
public final class WorkflowStartOptions {
    /** Nothing set. */
    public static final WorkflowStartOptions DEFAULT = newBuilder().build();

    private final String workflowId;
    private final String taskList;
    private final Duration executionStartToCloseTimeout;
    private final Duration taskStartToCloseTimeout;
    private final List<String> tags;
    private final ChildPolicy childPolicy;
    private final Integer taskPriority;
    private final String lambdaRole;

    private WorkflowStartOptions(Builder b) {
        this.workflowId = b.workflowId;
        this.taskList = b.taskList;
        this.executionStartToCloseTimeout = b.executionStartToCloseTimeout;
        this.taskStartToCloseTimeout = b.taskStartToCloseTimeout;
        this.tags = Collections.unmodifiableList(new ArrayList<>(b.tags));
        this.childPolicy = b.childPolicy;
        this.taskPriority = b.taskPriority;
        this.lambdaRole = b.lambdaRole;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.workflowId = workflowId;
        b.taskList = taskList;
        b.executionStartToCloseTimeout = executionStartToCloseTimeout;
        b.taskStartToCloseTimeout = taskStartToCloseTimeout;
        b.tags.addAll(tags);
        b.childPolicy = childPolicy;
        b.taskPriority = taskPriority;
        b.lambdaRole = lambdaRole;
        return b;
    }

    /**
     * Returns the workflow id, or null for a random one.
     *
     * @return the workflow id, or null
     */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * Returns the decision task list, or null.
     *
     * @return the task list, or null
     */
    public String getTaskList() {
        return taskList;
    }

    /**
     * Returns the execution timeout, or null.
     *
     * @return the timeout, or null
     */
    public Duration getExecutionStartToCloseTimeout() {
        return executionStartToCloseTimeout;
    }

    /**
     * Returns the decision task timeout, or null.
     *
     * @return the timeout, or null
     */
    public Duration getTaskStartToCloseTimeout() {
        return taskStartToCloseTimeout;
    }

    /**
     * Returns the tags.
     *
     * @return the tags, possibly none
     */
    public List<String> getTags() {
        return tags;
    }

    /**
     * Returns the child policy, or null.
     *
     * @return the child policy, or null
     */
    public ChildPolicy getChildPolicy() {
        return childPolicy;
    }

    /**
     * Returns the decision task priority, or null.
     *
     * @return the priority, or null
     */
    public Integer getTaskPriority() {
        return taskPriority;
    }

    /**
     * Returns the Lambda role, or null.
     *
     * @return the role, or null
     */
    public String getLambdaRole() {
        return lambdaRole;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowStartOptions x
                && Objects.equals(workflowId, x.workflowId)
                && Objects.equals(taskList, x.taskList)
                && Objects.equals(executionStartToCloseTimeout, x.executionStartToCloseTimeout)
                && Objects.equals(taskStartToCloseTimeout, x.taskStartToCloseTimeout)
                && tags.equals(x.tags)
                && childPolicy == x.childPolicy
                && Objects.equals(taskPriority, x.taskPriority)
                && Objects.equals(lambdaRole, x.lambdaRole);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                workflowId,
                taskList,
                executionStartToCloseTimeout,
                taskStartToCloseTimeout,
                tags,
                childPolicy,
                taskPriority,
                lambdaRole);
    }

    @Override
    public String toString() {
        return "WorkflowStartOptions{workflowId=" + workflowId + ", taskList=" + taskList
                + ", executionStartToCloseTimeout=" + executionStartToCloseTimeout + ", taskStartToCloseTimeout="
                + taskStartToCloseTimeout + ", tags=" + tags + ", childPolicy=" + childPolicy + ", taskPriority="
                + taskPriority + ", lambdaRole=" + lambdaRole + "}";
    }

    /**
     * Builds {@link WorkflowStartOptions}. Every setting defaults to "not set".
     */
    public static final class Builder {
        private String workflowId;
        private String taskList;
        private Duration executionStartToCloseTimeout;
        private Duration taskStartToCloseTimeout;
        private final List<String> tags = new ArrayList<>();
        private ChildPolicy childPolicy;
        private Integer taskPriority;
        private String lambdaRole;

        private Builder() {}

        /**
         * Sets the workflow id: unique among the domain's open executions.
         *
         * @param workflowId 1 to 256 characters, none of {@code : / |} or control characters
         * @return this builder
         */
        public Builder workflowId(String workflowId) {
            this.workflowId = Names.check("workflowId", workflowId);
            return this;
        }

        /**
         * Sets the decision task list.
         *
         * @param taskList a task list name
         * @return this builder
         */
        public Builder taskList(String taskList) {
            this.taskList = Names.check("taskList", taskList);
            return this;
        }

        /**
         * Sets how long the execution may run.
         *
         * @param timeout positive, at most a year
         * @return this builder
         */
        public Builder executionStartToCloseTimeout(Duration timeout) {
            this.executionStartToCloseTimeout = Names.positive("executionStartToCloseTimeout", timeout);
            return this;
        }

        /**
         * Sets how long its decision tasks may take.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder taskStartToCloseTimeout(Duration timeout) {
            this.taskStartToCloseTimeout = Names.positive("taskStartToCloseTimeout", timeout);
            return this;
        }

        /**
         * Adds tags, by which executions can be listed.
         *
         * @param tags at most 5 in all, of at most 256 characters
         * @return this builder
         */
        public Builder tags(String... tags) {
            for (String t : tags) {
                Objects.requireNonNull(t, "tag");
                if (t.length() > 256) {
                    throw new IllegalArgumentException(
                            "tags must have at most 256 characters, but one had " + t.length());
                }
                this.tags.add(t);
            }
            if (this.tags.size() > 5) {
                throw new IllegalArgumentException(
                        "an execution has at most 5 tags, but " + this.tags.size() + " were given: " + this.tags);
            }
            return this;
        }

        /**
         * Sets what happens to its children if it is terminated or times out.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder childPolicy(ChildPolicy policy) {
            Objects.requireNonNull(policy, "childPolicy");
            this.childPolicy = policy == ChildPolicy.UNSET ? null : policy;
            return this;
        }

        /**
         * Sets the priority of its decision tasks (higher first).
         *
         * @param priority the priority
         * @return this builder
         */
        public Builder taskPriority(int priority) {
            this.taskPriority = priority;
            return this;
        }

        /**
         * Sets the IAM role its Lambda tasks run with.
         *
         * @param role the role's ARN
         * @return this builder
         */
        public Builder lambdaRole(String role) {
            this.lambdaRole = Objects.requireNonNull(role, "lambdaRole");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WorkflowStartOptions build() {
            return new WorkflowStartOptions(this);
        }
    }
}
