package dev.weft.internal.replay;

import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionStartedEventAttributes;

/**
 * A run's {@link WorkflowInfo}, read from its WorkflowExecutionStarted event.
 */
final class WorkflowInfoImpl implements WorkflowInfo {
    /** History length from which continuing as new is suggested: 80% of SWF's 25,000. */
    static final long SUGGEST_CONTINUE_AS_NEW = 20_000;

    private final WorkflowContext ctx;
    private final WorkflowExecutionStartedEventAttributes a;
    private final Instant startTime;

    WorkflowInfoImpl(WorkflowContext ctx, WorkflowExecutionStartedEventAttributes a, Instant startTime) {
        this.ctx = ctx;
        this.a = a;
        this.startTime = startTime;
    }

    WorkflowExecutionStartedEventAttributes attributes() {
        return a;
    }

    @Override
    public String getDomain() {
        return ctx.domain;
    }

    @Override
    public String getWorkflowId() {
        return ctx.execution.workflowId();
    }

    @Override
    public String getRunId() {
        return ctx.execution.runId();
    }

    @Override
    public String getWorkflowType() {
        return a.workflowType().name();
    }

    @Override
    public String getWorkflowTypeVersion() {
        return a.workflowType().version();
    }

    @Override
    public String getTaskList() {
        return a.taskList().name();
    }

    @Override
    public List<String> getTagList() {
        return a.tagList();
    }

    @Override
    public Instant getStartTime() {
        return startTime;
    }

    @Override
    public Duration getExecutionStartToCloseTimeout() {
        return seconds(a.executionStartToCloseTimeout());
    }

    @Override
    public Duration getTaskStartToCloseTimeout() {
        return seconds(a.taskStartToCloseTimeout());
    }

    private static Duration seconds(String swf) {
        return swf == null || "NONE".equals(swf) ? null : Duration.ofSeconds(Long.parseLong(swf));
    }

    @Override
    public String getChildPolicy() {
        return a.childPolicyAsString();
    }

    @Override
    public String getLambdaRole() {
        return a.lambdaRole();
    }

    @Override
    public String getParentWorkflowId() {
        return a.parentWorkflowExecution() == null
                ? null
                : a.parentWorkflowExecution().workflowId();
    }

    @Override
    public String getParentRunId() {
        return a.parentWorkflowExecution() == null
                ? null
                : a.parentWorkflowExecution().runId();
    }

    @Override
    public String getContinuedExecutionRunId() {
        return a.continuedExecutionRunId();
    }

    @Override
    public long getHistoryLength() {
        return ctx.historyLength();
    }

    @Override
    public boolean isContinueAsNewSuggested() {
        return ctx.historyLength() >= SUGGEST_CONTINUE_AS_NEW;
    }

    @Override
    public String toString() {
        return "WorkflowInfo[" + getWorkflowType() + "/" + getWorkflowTypeVersion() + " " + getWorkflowId() + "/"
                + getRunId() + "]";
    }
}
