package dev.weft.internal.replay;

import dev.weft.internal.model.DurationText;
import dev.weft.workflow.ContinueAsNewOptions;
import java.util.List;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.ContinueAsNewWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/** How a run ends: its close decision, made again if SWF refuses it for newer events. */
final class Completion {
    enum Kind {
        COMPLETED,
        FAILED,
        CANCELED,
        CONTINUED
    }

    final Kind kind;
    private final String payload;
    private final FailureCodec.Encoded failure;
    private final ContinueAsNewRequest next;

    private Completion(Kind kind, String payload, FailureCodec.Encoded failure, ContinueAsNewRequest next) {
        this.kind = kind;
        this.payload = payload;
        this.failure = failure;
        this.next = next;
    }

    static Completion completed(String result) {
        return new Completion(Kind.COMPLETED, result, null, null);
    }

    static Completion failed(Throwable t) {
        return new Completion(Kind.FAILED, null, FailureCodec.encode(t), null);
    }

    static Completion canceled(String details) {
        return new Completion(
                Kind.CANCELED, details == null ? null : FailureCodec.cut(details, Payloads.MAX), null, null);
    }

    static Completion continueAsNew(ContinueAsNewRequest request) {
        return new Completion(Kind.CONTINUED, null, null, request);
    }

    /** The close command, to queue once every workflow thread is blocked. */
    Command command(WorkflowContext ctx) {
        Decision d = decision(ctx);
        DecisionType type = d.decisionType();
        return new Command(
                d,
                this::describe,
                e -> WorkflowContext.closeType(e.eventType()) == type && HistoryEvents.decidedBy(e) != 0,
                ctx::closeRecorded);
    }

    private String describe() {
        return switch (kind) {
            case COMPLETED -> "CompleteWorkflowExecution result#=" + Command.hash(payload);
            case FAILED -> "FailWorkflowExecution reason=" + failure.reason();
            case CANCELED -> "CancelWorkflowExecution";
            case CONTINUED -> "ContinueAsNewWorkflowExecution input#=" + Command.hash(next.input);
        };
    }

    Decision decision(WorkflowContext ctx) {
        Decision.Builder b = Decision.builder();
        switch (kind) {
            case COMPLETED ->
                b.decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
                        .completeWorkflowExecutionDecisionAttributes(a -> a.result(payload));
            case FAILED ->
                b.decisionType(DecisionType.FAIL_WORKFLOW_EXECUTION)
                        .failWorkflowExecutionDecisionAttributes(
                                a -> a.reason(failure.reason()).details(failure.details()));
            case CANCELED ->
                b.decisionType(DecisionType.CANCEL_WORKFLOW_EXECUTION)
                        .cancelWorkflowExecutionDecisionAttributes(a -> a.details(payload));
            case CONTINUED ->
                b.decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
                        .continueAsNewWorkflowExecutionDecisionAttributes(continueAsNew(ctx));
        }
        return b.build();
    }

    /** What the next run gets: the options' values, else this run's own. */
    private ContinueAsNewWorkflowExecutionDecisionAttributes continueAsNew(WorkflowContext ctx) {
        ContinueAsNewOptions o = next.options;
        WorkflowInfoImpl info = ctx.info;
        ContinueAsNewWorkflowExecutionDecisionAttributes.Builder a =
                ContinueAsNewWorkflowExecutionDecisionAttributes.builder().input(next.input);
        a.workflowTypeVersion(o.getWorkflowTypeVersion() != null ? o.getWorkflowTypeVersion() : ctx.type.version());
        String taskList = o.getTaskList() != null ? o.getTaskList() : info.getTaskList();
        a.taskList(t -> t.name(taskList));
        a.executionStartToCloseTimeout(
                o.getExecutionStartToCloseTimeout() != null
                        ? Long.toString(DurationText.seconds(o.getExecutionStartToCloseTimeout()))
                        : info.attributes().executionStartToCloseTimeout());
        a.taskStartToCloseTimeout(
                o.getTaskStartToCloseTimeout() != null
                        ? Long.toString(DurationText.seconds(o.getTaskStartToCloseTimeout()))
                        : info.attributes().taskStartToCloseTimeout());
        a.childPolicy(
                o.getChildPolicy() != null
                        ? ChildPolicy.fromValue(o.getChildPolicy().name())
                        : info.attributes().childPolicy());
        List<String> tags = o.getTags() != null ? o.getTags() : info.getTagList();
        if (!tags.isEmpty()) {
            a.tagList(tags);
        }
        String priority = o.getTaskPriority() != null
                ? o.getTaskPriority().toString()
                : info.attributes().taskPriority();
        a.taskPriority(priority);
        a.lambdaRole(info.attributes().lambdaRole());
        return a.build();
    }

    /**
     * Whether {@code e} closed the run (as opposed to a refused close decision).
     */
    static boolean closes(HistoryEvent e) {
        EventType t = e.eventType();
        return t == EventType.WORKFLOW_EXECUTION_COMPLETED
                || t == EventType.WORKFLOW_EXECUTION_FAILED
                || t == EventType.WORKFLOW_EXECUTION_CANCELED
                || t == EventType.WORKFLOW_EXECUTION_CONTINUED_AS_NEW;
    }
}
