package dev.weft.internal.engine;

import java.util.List;
import software.amazon.awssdk.services.swf.model.ActivityTaskScheduledEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.CancelTimerFailedCause;
import software.amazon.awssdk.services.swf.model.CancelTimerFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.CancelWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.CancelWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.ChildWorkflowExecutionCanceledEventAttributes;
import software.amazon.awssdk.services.swf.model.ChildWorkflowExecutionCompletedEventAttributes;
import software.amazon.awssdk.services.swf.model.ChildWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.CompleteWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.CompleteWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.ContinueAsNewWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.ContinueAsNewWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.ContinueAsNewWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionTaskCompletedEventAttributes;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.FailWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.FailWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.LambdaFunctionScheduledEventAttributes;
import software.amazon.awssdk.services.swf.model.MarkerRecordedEventAttributes;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.RequestCancelActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.RequestCancelActivityTaskFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes;
import software.amazon.awssdk.services.swf.model.RespondDecisionTaskCompletedRequest;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskFailedCause;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.ScheduleLambdaFunctionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.ScheduleLambdaFunctionFailedCause;
import software.amazon.awssdk.services.swf.model.ScheduleLambdaFunctionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.SignalExternalWorkflowExecutionInitiatedEventAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionInitiatedEventAttributes;
import software.amazon.awssdk.services.swf.model.StartTimerFailedCause;
import software.amazon.awssdk.services.swf.model.StartTimerFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.TimerCanceledEventAttributes;
import software.amazon.awssdk.services.swf.model.TimerStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionCanceledEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionCompletedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionContinuedAsNewEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * Decision lists: checked whole before anything is applied (a malformed list is refused with a
 * ValidationException and changes nothing), then applied one decision at a time, each becoming
 * its history event or its {@code *Failed} event with SWF's cause.
 */
final class Decisions {
    private static final String DECISION_TYPES = "[ScheduleActivityTask, RequestCancelActivityTask,"
            + " CompleteWorkflowExecution, FailWorkflowExecution, CancelWorkflowExecution,"
            + " ContinueAsNewWorkflowExecution, RecordMarker, StartTimer, CancelTimer,"
            + " SignalExternalWorkflowExecution, RequestCancelExternalWorkflowExecution,"
            + " StartChildWorkflowExecution, ScheduleLambdaFunction]";
    private static final int LAMBDA_MAX_SECONDS = 900;

    private final Engine engine;

    Decisions(Engine engine) {
        this.engine = engine;
    }

    // ---------------------------------------------------------------------------------------
    // Validation

    /** Checks the request whole; throws a ValidationException naming every problem. */
    static void validate(RespondDecisionTaskCompletedRequest r) {
        Check c = new Check()
                .length("taskToken", r.taskToken(), 1, Check.TOKEN_MAX)
                .length("executionContext", r.executionContext(), Check.DATA_MAX)
                .optionalTaskList("taskList", r.taskList())
                .duration("taskListScheduleToStartTimeout", r.taskListScheduleToStartTimeout(), true, false);
        List<Decision> decisions = r.hasDecisions() ? r.decisions() : List.of();
        int closeAt = -1;
        for (int i = 0; i < decisions.size(); i++) {
            // Paths are relative to decisions.N.member, made only for a failure: a valid list makes none.
            c.member("decisions", i + 1);
            Decision d = decisions.get(i);
            if (d == null) {
                c.fail("", null, "Member must not be null");
                continue;
            }
            DecisionType type = d.decisionType();
            if (d.decisionTypeAsString() == null) {
                c.fail(".decisionType", null, "Member must not be null");
                continue;
            }
            if (type == DecisionType.UNKNOWN_TO_SDK_VERSION) {
                c.fail(
                        ".decisionType",
                        d.decisionTypeAsString(),
                        "Member must satisfy enum value set: " + DECISION_TYPES);
                continue;
            }
            if (isClose(type)) {
                if (closeAt >= 0) {
                    c.fail(
                            ".decisionType",
                            d.decisionTypeAsString(),
                            "A decision list may close the" + " workflow execution only once");
                }
                closeAt = i;
            }
            validate(c, d);
        }
        c.top().done();
        if (closeAt >= 0 && closeAt != decisions.size() - 1) {
            throw Faults.validation("Close must be last decision in list (decision " + (closeAt + 1) + " of "
                    + decisions.size() + " is " + decisions.get(closeAt).decisionTypeAsString() + ")");
        }
    }

    static boolean isClose(DecisionType type) {
        return type == DecisionType.COMPLETE_WORKFLOW_EXECUTION
                || type == DecisionType.FAIL_WORKFLOW_EXECUTION
                || type == DecisionType.CANCEL_WORKFLOW_EXECUTION
                || type == DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION;
    }

    private static void validate(Check c, Decision d) {
        switch (d.decisionType()) {
            case SCHEDULE_ACTIVITY_TASK -> {
                var a = d.scheduleActivityTaskDecisionAttributes();
                c.part(".scheduleActivityTaskDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                if (a.activityType() == null) {
                    c.fail(".activityType", null, "Member must not be null");
                } else {
                    c.name(".activityType.name", a.activityType().name())
                            .version(".activityType.version", a.activityType().version());
                }
                c.name(".activityId", a.activityId())
                        .length(".control", a.control(), Check.DATA_MAX)
                        .length(".input", a.input(), Check.DATA_MAX)
                        .duration(".scheduleToCloseTimeout", a.scheduleToCloseTimeout(), true, false)
                        .optionalTaskList(".taskList", a.taskList())
                        .priority(".taskPriority", a.taskPriority())
                        .duration(".scheduleToStartTimeout", a.scheduleToStartTimeout(), true, false)
                        .duration(".startToCloseTimeout", a.startToCloseTimeout(), true, false)
                        .duration(".heartbeatTimeout", a.heartbeatTimeout(), true, false);
            }
            case REQUEST_CANCEL_ACTIVITY_TASK -> {
                var a = d.requestCancelActivityTaskDecisionAttributes();
                c.part(".requestCancelActivityTaskDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.length(".activityId", a.activityId(), 1, Check.NAME_MAX);
            }
            case COMPLETE_WORKFLOW_EXECUTION -> {
                var a = d.completeWorkflowExecutionDecisionAttributes();
                if (a != null) {
                    c.part(".completeWorkflowExecutionDecisionAttributes")
                            .length(".result", a.result(), Check.DATA_MAX);
                }
            }
            case FAIL_WORKFLOW_EXECUTION -> {
                var a = d.failWorkflowExecutionDecisionAttributes();
                if (a != null) {
                    c.part(".failWorkflowExecutionDecisionAttributes");
                    c.length(".reason", a.reason(), Check.REASON_MAX).length(".details", a.details(), Check.DATA_MAX);
                }
            }
            case CANCEL_WORKFLOW_EXECUTION -> {
                var a = d.cancelWorkflowExecutionDecisionAttributes();
                if (a != null) {
                    c.part(".cancelWorkflowExecutionDecisionAttributes")
                            .length(".details", a.details(), Check.DATA_MAX);
                }
            }
            case CONTINUE_AS_NEW_WORKFLOW_EXECUTION -> {
                var a = d.continueAsNewWorkflowExecutionDecisionAttributes();
                if (a != null) {
                    c.part(".continueAsNewWorkflowExecutionDecisionAttributes");
                    c.length(".input", a.input(), Check.DATA_MAX)
                            .duration(".executionStartToCloseTimeout", a.executionStartToCloseTimeout(), true, false)
                            .optionalTaskList(".taskList", a.taskList())
                            .priority(".taskPriority", a.taskPriority())
                            .duration(".taskStartToCloseTimeout", a.taskStartToCloseTimeout(), true, false)
                            .tagList(".tagList", a.hasTagList() ? a.tagList() : null)
                            .optional(".lambdaRole", a.lambdaRole(), 1, 1600);
                    if (a.workflowTypeVersion() != null) {
                        c.version(".workflowTypeVersion", a.workflowTypeVersion());
                    }
                    Registry.childPolicy(c, ".childPolicy", a.childPolicyAsString());
                }
            }
            case RECORD_MARKER -> {
                var a = d.recordMarkerDecisionAttributes();
                c.part(".recordMarkerDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.length(".markerName", a.markerName(), 1, Check.NAME_MAX)
                        .length(".details", a.details(), Check.DATA_MAX);
            }
            case START_TIMER -> {
                var a = d.startTimerDecisionAttributes();
                c.part(".startTimerDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.name(".timerId", a.timerId())
                        .length(".control", a.control(), Check.DATA_MAX)
                        .duration(".startToFireTimeout", a.startToFireTimeout(), false, true);
            }
            case CANCEL_TIMER -> {
                var a = d.cancelTimerDecisionAttributes();
                c.part(".cancelTimerDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.length(".timerId", a.timerId(), 1, Check.NAME_MAX);
            }
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION -> {
                var a = d.signalExternalWorkflowExecutionDecisionAttributes();
                c.part(".signalExternalWorkflowExecutionDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.length(".workflowId", a.workflowId(), 1, Check.NAME_MAX)
                        .length(".runId", a.runId(), Check.RUN_ID_MAX)
                        .length(".signalName", a.signalName(), 1, Check.NAME_MAX)
                        .length(".input", a.input(), Check.DATA_MAX)
                        .length(".control", a.control(), Check.DATA_MAX);
            }
            case REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION -> {
                var a = d.requestCancelExternalWorkflowExecutionDecisionAttributes();
                c.part(".requestCancelExternalWorkflowExecutionDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.length(".workflowId", a.workflowId(), 1, Check.NAME_MAX)
                        .length(".runId", a.runId(), Check.RUN_ID_MAX)
                        .length(".control", a.control(), Check.DATA_MAX);
            }
            case START_CHILD_WORKFLOW_EXECUTION -> {
                var a = d.startChildWorkflowExecutionDecisionAttributes();
                c.part(".startChildWorkflowExecutionDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                if (a.workflowType() == null) {
                    c.fail(".workflowType", null, "Member must not be null");
                } else {
                    c.name(".workflowType.name", a.workflowType().name())
                            .version(".workflowType.version", a.workflowType().version());
                }
                c.name(".workflowId", a.workflowId())
                        .length(".control", a.control(), Check.DATA_MAX)
                        .length(".input", a.input(), Check.DATA_MAX)
                        .duration(".executionStartToCloseTimeout", a.executionStartToCloseTimeout(), true, false)
                        .optionalTaskList(".taskList", a.taskList())
                        .priority(".taskPriority", a.taskPriority())
                        .duration(".taskStartToCloseTimeout", a.taskStartToCloseTimeout(), true, false)
                        .tagList(".tagList", a.hasTagList() ? a.tagList() : null)
                        .optional(".lambdaRole", a.lambdaRole(), 1, 1600);
                Registry.childPolicy(c, ".childPolicy", a.childPolicyAsString());
            }
            case SCHEDULE_LAMBDA_FUNCTION -> {
                var a = d.scheduleLambdaFunctionDecisionAttributes();
                c.part(".scheduleLambdaFunctionDecisionAttributes");
                if (a == null) {
                    c.fail("", null, "Member must not be null");
                    return;
                }
                c.length(".id", a.id(), 1, Check.NAME_MAX)
                        .length(".name", a.name(), 1, 64)
                        .length(".control", a.control(), Check.DATA_MAX)
                        .length(".input", a.input(), Check.DATA_MAX)
                        .duration(".startToCloseTimeout", a.startToCloseTimeout(), false, false);
                if (a.startToCloseTimeout() != null) {
                    long s = Durations.parse(a.startToCloseTimeout(), false);
                    if (s != Durations.INVALID && (s < 1 || s > LAMBDA_MAX_SECONDS)) {
                        c.fail(
                                ".startToCloseTimeout",
                                a.startToCloseTimeout(),
                                "Member must be from 1 to " + LAMBDA_MAX_SECONDS + " seconds");
                    }
                }
            }
            default -> throw new IllegalStateException("[BUG] unhandled decision type " + d.decisionType());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Application

    /**
     * Completes the started decision task and applies its decisions in order. Called with the
     * execution's monitor held, after {@link #validate} passed and the lease was checked.
     */
    void apply(Execution e, RespondDecisionTaskCompletedRequest r, long startedEventId, Effects fx) {
        // Events that need a decision and arrived while the decider worked make a close fail.
        boolean unhandled = e.decisionPendingBehindStarted();
        long scheduledEventId = e.startedDecisionScheduledId();
        e.guarded(fx, () -> {
            long completed = e.append(
                    EventType.DECISION_TASK_COMPLETED,
                    DecisionTaskCompletedEventAttributes.builder()
                            .executionContext(r.executionContext())
                            .scheduledEventId(scheduledEventId)
                            .startedEventId(startedEventId)
                            .taskList(r.taskList())
                            .taskListScheduleToStartTimeout(r.taskListScheduleToStartTimeout())
                            .build());
            e.beginDecisions(r.executionContext(), r.taskList(), r.taskListScheduleToStartTimeout());
            if (r.hasDecisions()) {
                for (Decision d : r.decisions()) {
                    if (!e.isOpen()) {
                        break;
                    }
                    apply(e, d, completed, unhandled, fx);
                }
            }
            e.endDecisions();
        });
    }

    private void apply(Execution e, Decision d, long completed, boolean unhandled, Effects fx) {
        switch (d.decisionType()) {
            case SCHEDULE_ACTIVITY_TASK -> scheduleActivity(e, d.scheduleActivityTaskDecisionAttributes(), completed);
            case REQUEST_CANCEL_ACTIVITY_TASK -> {
                String id = d.requestCancelActivityTaskDecisionAttributes().activityId();
                ActivityTask task =
                        e.openActivities() == 0 ? null : e.activities().get(id);
                if (task == null) {
                    e.append(
                            EventType.REQUEST_CANCEL_ACTIVITY_TASK_FAILED,
                            RequestCancelActivityTaskFailedEventAttributes.builder()
                                    .activityId(id)
                                    .cause(RequestCancelActivityTaskFailedCause.ACTIVITY_ID_UNKNOWN)
                                    .decisionTaskCompletedEventId(completed)
                                    .build());
                    e.needsDecision();
                } else {
                    e.requestActivityCancel(task, completed);
                }
            }
            case COMPLETE_WORKFLOW_EXECUTION -> {
                var a = d.completeWorkflowExecutionDecisionAttributes();
                if (unhandled) {
                    e.append(
                            EventType.COMPLETE_WORKFLOW_EXECUTION_FAILED,
                            CompleteWorkflowExecutionFailedEventAttributes.builder()
                                    .cause(CompleteWorkflowExecutionFailedCause.UNHANDLED_DECISION)
                                    .decisionTaskCompletedEventId(completed)
                                    .build());
                    e.needsDecision();
                    return;
                }
                String result = a == null ? null : a.result();
                e.append(
                        EventType.WORKFLOW_EXECUTION_COMPLETED,
                        WorkflowExecutionCompletedEventAttributes.builder()
                                .result(result)
                                .decisionTaskCompletedEventId(completed)
                                .build());
                e.close(
                        CloseStatus.COMPLETED,
                        null,
                        (child, type, initiated, started) -> new Execution.Appended(
                                EventType.CHILD_WORKFLOW_EXECUTION_COMPLETED,
                                ChildWorkflowExecutionCompletedEventAttributes.builder()
                                        .workflowExecution(child)
                                        .workflowType(type)
                                        .result(result)
                                        .initiatedEventId(initiated)
                                        .startedEventId(started)
                                        .build()),
                        null,
                        fx);
            }
            case FAIL_WORKFLOW_EXECUTION -> {
                var a = d.failWorkflowExecutionDecisionAttributes();
                if (unhandled) {
                    e.append(
                            EventType.FAIL_WORKFLOW_EXECUTION_FAILED,
                            FailWorkflowExecutionFailedEventAttributes.builder()
                                    .cause(FailWorkflowExecutionFailedCause.UNHANDLED_DECISION)
                                    .decisionTaskCompletedEventId(completed)
                                    .build());
                    e.needsDecision();
                    return;
                }
                String reason = a == null ? null : a.reason();
                String details = a == null ? null : a.details();
                e.append(
                        EventType.WORKFLOW_EXECUTION_FAILED,
                        WorkflowExecutionFailedEventAttributes.builder()
                                .reason(reason)
                                .details(details)
                                .decisionTaskCompletedEventId(completed)
                                .build());
                e.close(
                        CloseStatus.FAILED,
                        null,
                        (child, type, initiated, started) -> new Execution.Appended(
                                EventType.CHILD_WORKFLOW_EXECUTION_FAILED,
                                ChildWorkflowExecutionFailedEventAttributes.builder()
                                        .workflowExecution(child)
                                        .workflowType(type)
                                        .reason(reason)
                                        .details(details)
                                        .initiatedEventId(initiated)
                                        .startedEventId(started)
                                        .build()),
                        null,
                        fx);
            }
            case CANCEL_WORKFLOW_EXECUTION -> {
                var a = d.cancelWorkflowExecutionDecisionAttributes();
                if (unhandled) {
                    e.append(
                            EventType.CANCEL_WORKFLOW_EXECUTION_FAILED,
                            CancelWorkflowExecutionFailedEventAttributes.builder()
                                    .cause(CancelWorkflowExecutionFailedCause.UNHANDLED_DECISION)
                                    .decisionTaskCompletedEventId(completed)
                                    .build());
                    e.needsDecision();
                    return;
                }
                String details = a == null ? null : a.details();
                e.append(
                        EventType.WORKFLOW_EXECUTION_CANCELED,
                        WorkflowExecutionCanceledEventAttributes.builder()
                                .details(details)
                                .decisionTaskCompletedEventId(completed)
                                .build());
                e.close(
                        CloseStatus.CANCELED,
                        null,
                        (child, type, initiated, started) -> new Execution.Appended(
                                EventType.CHILD_WORKFLOW_EXECUTION_CANCELED,
                                ChildWorkflowExecutionCanceledEventAttributes.builder()
                                        .workflowExecution(child)
                                        .workflowType(type)
                                        .details(details)
                                        .initiatedEventId(initiated)
                                        .startedEventId(started)
                                        .build()),
                        null,
                        fx);
            }
            case CONTINUE_AS_NEW_WORKFLOW_EXECUTION ->
                continueAsNew(e, d.continueAsNewWorkflowExecutionDecisionAttributes(), completed, unhandled, fx);
            case RECORD_MARKER -> {
                var a = d.recordMarkerDecisionAttributes();
                e.append(
                        EventType.MARKER_RECORDED,
                        MarkerRecordedEventAttributes.builder()
                                .markerName(a.markerName())
                                .details(a.details())
                                .decisionTaskCompletedEventId(completed)
                                .build());
            }
            case START_TIMER -> {
                var a = d.startTimerDecisionAttributes();
                StartTimerFailedCause cause = null;
                if (e.openTimers() > 0 && e.timers().containsKey(a.timerId())) {
                    cause = StartTimerFailedCause.TIMER_ID_ALREADY_IN_USE;
                } else if (e.openTimers() >= Execution.MAX_OPEN_TIMERS) {
                    cause = StartTimerFailedCause.OPEN_TIMERS_LIMIT_EXCEEDED;
                }
                if (cause != null) {
                    e.append(
                            EventType.START_TIMER_FAILED,
                            StartTimerFailedEventAttributes.builder()
                                    .timerId(a.timerId())
                                    .cause(cause)
                                    .decisionTaskCompletedEventId(completed)
                                    .build());
                    e.needsDecision();
                    return;
                }
                long started = e.append(
                        EventType.TIMER_STARTED,
                        TimerStartedEventAttributes.builder()
                                .timerId(a.timerId())
                                .control(a.control())
                                .startToFireTimeout(a.startToFireTimeout())
                                .decisionTaskCompletedEventId(completed)
                                .build());
                e.addTimer(new Execution.UserTimer(a.timerId(), started), Durations.seconds(a.startToFireTimeout()));
            }
            case CANCEL_TIMER -> {
                String id = d.cancelTimerDecisionAttributes().timerId();
                Execution.UserTimer timer =
                        e.openTimers() == 0 ? null : e.timers().get(id);
                if (timer == null) {
                    e.append(
                            EventType.CANCEL_TIMER_FAILED,
                            CancelTimerFailedEventAttributes.builder()
                                    .timerId(id)
                                    .cause(CancelTimerFailedCause.TIMER_ID_UNKNOWN)
                                    .decisionTaskCompletedEventId(completed)
                                    .build());
                    e.needsDecision();
                    return;
                }
                e.removeTimer(timer);
                e.append(
                        EventType.TIMER_CANCELED,
                        TimerCanceledEventAttributes.builder()
                                .timerId(id)
                                .startedEventId(timer.startedEventId)
                                .decisionTaskCompletedEventId(completed)
                                .build());
            }
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION -> {
                var a = d.signalExternalWorkflowExecutionDecisionAttributes();
                long initiated = e.append(
                        EventType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
                        SignalExternalWorkflowExecutionInitiatedEventAttributes.builder()
                                .workflowId(a.workflowId())
                                .runId(a.runId())
                                .signalName(a.signalName())
                                .input(a.input())
                                .decisionTaskCompletedEventId(completed)
                                .control(a.control())
                                .build());
                fx.add(() -> engine.deliverSignal(e, initiated, a.workflowId(), a.runId(), a.signalName(), a.input()));
            }
            case REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION -> {
                var a = d.requestCancelExternalWorkflowExecutionDecisionAttributes();
                long initiated = e.append(
                        EventType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
                        RequestCancelExternalWorkflowExecutionInitiatedEventAttributes.builder()
                                .workflowId(a.workflowId())
                                .runId(a.runId())
                                .decisionTaskCompletedEventId(completed)
                                .control(a.control())
                                .build());
                fx.add(() -> engine.deliverCancel(e, initiated, a.workflowId(), a.runId()));
            }
            case START_CHILD_WORKFLOW_EXECUTION ->
                startChild(e, d.startChildWorkflowExecutionDecisionAttributes(), completed, fx);
            case SCHEDULE_LAMBDA_FUNCTION ->
                scheduleLambda(e, d.scheduleLambdaFunctionDecisionAttributes(), completed, fx);
            default -> throw new IllegalStateException("[BUG] unhandled decision type " + d.decisionType());
        }
    }

    private void scheduleActivity(Execution e, ScheduleActivityTaskDecisionAttributes a, long completed) {
        ActivityType type = a.activityType();
        ActivityTypeRecord t = e.domain.activityTypes.get(new TypeKey(type.name(), type.version()));
        ScheduleActivityTaskFailedCause cause = null;
        String taskList = null;
        String scheduleToStart = null;
        String scheduleToClose = null;
        String startToClose = null;
        String heartbeat = null;
        String priority = null;
        if (t == null) {
            cause = ScheduleActivityTaskFailedCause.ACTIVITY_TYPE_DOES_NOT_EXIST;
        } else if (t.status() == RegistrationStatus.DEPRECATED) {
            cause = ScheduleActivityTaskFailedCause.ACTIVITY_TYPE_DEPRECATED;
        } else if (e.openActivities() > 0 && e.activities().containsKey(a.activityId())) {
            cause = ScheduleActivityTaskFailedCause.ACTIVITY_ID_ALREADY_IN_USE;
        } else if (e.openActivities() >= Execution.MAX_OPEN_ACTIVITIES) {
            cause = ScheduleActivityTaskFailedCause.OPEN_ACTIVITIES_LIMIT_EXCEEDED;
        } else {
            ActivityTypeConfiguration cfg = t.configuration;
            taskList = a.taskList() != null
                    ? a.taskList().name()
                    : cfg.defaultTaskList() == null
                            ? null
                            : cfg.defaultTaskList().name();
            scheduleToStart = or(a.scheduleToStartTimeout(), cfg.defaultTaskScheduleToStartTimeout());
            scheduleToClose = or(a.scheduleToCloseTimeout(), cfg.defaultTaskScheduleToCloseTimeout());
            startToClose = or(a.startToCloseTimeout(), cfg.defaultTaskStartToCloseTimeout());
            heartbeat = or(or(a.heartbeatTimeout(), cfg.defaultTaskHeartbeatTimeout()), "NONE");
            priority = or(a.taskPriority(), cfg.defaultTaskPriority());
            if (taskList == null) {
                cause = ScheduleActivityTaskFailedCause.DEFAULT_TASK_LIST_UNDEFINED;
            } else if (scheduleToStart == null) {
                cause = ScheduleActivityTaskFailedCause.DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED;
            } else if (scheduleToClose == null) {
                cause = ScheduleActivityTaskFailedCause.DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED;
            } else if (startToClose == null) {
                cause = ScheduleActivityTaskFailedCause.DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED;
            }
        }
        if (cause != null) {
            e.append(
                    EventType.SCHEDULE_ACTIVITY_TASK_FAILED,
                    ScheduleActivityTaskFailedEventAttributes.builder()
                            .activityType(type)
                            .activityId(a.activityId())
                            .cause(cause)
                            .decisionTaskCompletedEventId(completed)
                            .build());
            e.needsDecision();
            return;
        }
        long scheduled = e.append(
                EventType.ACTIVITY_TASK_SCHEDULED,
                ActivityTaskScheduledEventAttributes.builder()
                        .activityType(type)
                        .activityId(a.activityId())
                        .input(a.input())
                        .control(a.control())
                        .scheduleToStartTimeout(scheduleToStart)
                        .scheduleToCloseTimeout(scheduleToClose)
                        .startToCloseTimeout(startToClose)
                        .taskList(Execution.taskList(taskList))
                        .taskPriority(priority)
                        .decisionTaskCompletedEventId(completed)
                        .heartbeatTimeout(heartbeat)
                        .build());
        e.addActivity(new ActivityTask(
                e,
                a.activityId(),
                scheduled,
                type,
                a.input(),
                taskList,
                priority == null ? 0 : Integer.parseInt(priority),
                Durations.seconds(scheduleToStart),
                Durations.seconds(scheduleToClose),
                Durations.seconds(startToClose),
                Durations.seconds(heartbeat),
                engine.nowMillis()));
    }

    private void continueAsNew(
            Execution e,
            ContinueAsNewWorkflowExecutionDecisionAttributes a,
            long completed,
            boolean unhandled,
            Effects fx) {
        ContinueAsNewWorkflowExecutionDecisionAttributes attrs = a != null
                ? a
                : ContinueAsNewWorkflowExecutionDecisionAttributes.builder().build();
        ContinueAsNewWorkflowExecutionFailedCause cause = null;
        Engine.Resolved resolved = null;
        WorkflowType type = WorkflowType.builder()
                .name(e.type.name())
                .version(attrs.workflowTypeVersion() != null ? attrs.workflowTypeVersion() : e.type.version())
                .build();
        if (unhandled) {
            cause = ContinueAsNewWorkflowExecutionFailedCause.UNHANDLED_DECISION;
        } else {
            WorkflowTypeRecord t = e.domain.workflowTypes.get(new TypeKey(type.name(), type.version()));
            if (t == null) {
                cause = ContinueAsNewWorkflowExecutionFailedCause.WORKFLOW_TYPE_DOES_NOT_EXIST;
            } else if (t.status() == RegistrationStatus.DEPRECATED) {
                cause = ContinueAsNewWorkflowExecutionFailedCause.WORKFLOW_TYPE_DEPRECATED;
            } else {
                resolved = Engine.resolve(
                        t,
                        attrs.taskList(),
                        attrs.executionStartToCloseTimeout(),
                        attrs.taskStartToCloseTimeout(),
                        attrs.childPolicyAsString(),
                        attrs.taskPriority(),
                        attrs.lambdaRole());
                if (resolved.missing() != null) {
                    cause = switch (resolved.missing()) {
                        case "taskList" -> ContinueAsNewWorkflowExecutionFailedCause.DEFAULT_TASK_LIST_UNDEFINED;
                        case "executionStartToCloseTimeout" ->
                            ContinueAsNewWorkflowExecutionFailedCause
                                    .DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED;
                        case "taskStartToCloseTimeout" ->
                            ContinueAsNewWorkflowExecutionFailedCause.DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED;
                        default -> ContinueAsNewWorkflowExecutionFailedCause.DEFAULT_CHILD_POLICY_UNDEFINED;
                    };
                }
            }
        }
        if (cause != null) {
            e.append(
                    EventType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION_FAILED,
                    ContinueAsNewWorkflowExecutionFailedEventAttributes.builder()
                            .cause(cause)
                            .decisionTaskCompletedEventId(completed)
                            .build());
            e.needsDecision();
            return;
        }
        String runId = engine.newRunId();
        List<String> tags = attrs.hasTagList() ? attrs.tagList() : null;
        e.append(
                EventType.WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
                WorkflowExecutionContinuedAsNewEventAttributes.builder()
                        .input(attrs.input())
                        .decisionTaskCompletedEventId(completed)
                        .newExecutionRunId(runId)
                        .executionStartToCloseTimeout(resolved.executionStartToCloseTimeout())
                        .taskList(Execution.taskList(resolved.taskList()))
                        .taskPriority(resolved.taskPriority())
                        .taskStartToCloseTimeout(resolved.taskStartToCloseTimeout())
                        .childPolicy(resolved.childPolicy())
                        .tagList(tags)
                        .workflowType(type)
                        .lambdaRole(resolved.lambdaRole())
                        .build());
        Execution next = new Execution(
                engine,
                new Execution.Spec(
                        e.domain,
                        type,
                        e.workflowId,
                        attrs.input(),
                        resolved.executionStartToCloseTimeout(),
                        resolved.taskStartToCloseTimeout(),
                        resolved.taskList(),
                        resolved.taskPriority(),
                        resolved.childPolicy(),
                        tags,
                        resolved.lambdaRole(),
                        e.parent,
                        e.parentInitiatedEventId,
                        e.runId),
                runId);
        e.close(CloseStatus.CONTINUED_AS_NEW, null, null, next, fx);
        engine.publish(next);
        fx.add(next::activate);
    }

    private void startChild(Execution e, StartChildWorkflowExecutionDecisionAttributes a, long completed, Effects fx) {
        WorkflowTypeRecord t = e.domain.workflowTypes.get(
                new TypeKey(a.workflowType().name(), a.workflowType().version()));
        StartChildWorkflowExecutionFailedCause cause = null;
        Engine.Resolved resolved = null;
        if (t == null) {
            cause = StartChildWorkflowExecutionFailedCause.WORKFLOW_TYPE_DOES_NOT_EXIST;
        } else if (t.status() == RegistrationStatus.DEPRECATED) {
            cause = StartChildWorkflowExecutionFailedCause.WORKFLOW_TYPE_DEPRECATED;
        } else if (e.openChildren() >= Execution.MAX_OPEN_CHILDREN) {
            cause = StartChildWorkflowExecutionFailedCause.OPEN_CHILDREN_LIMIT_EXCEEDED;
        } else if (e.domain.open.size() >= Engine.MAX_OPEN_EXECUTIONS) {
            cause = StartChildWorkflowExecutionFailedCause.OPEN_WORKFLOWS_LIMIT_EXCEEDED;
        } else {
            resolved = Engine.resolve(
                    t,
                    a.taskList(),
                    a.executionStartToCloseTimeout(),
                    a.taskStartToCloseTimeout(),
                    a.childPolicyAsString(),
                    a.taskPriority(),
                    a.lambdaRole());
            if (resolved.missing() != null) {
                cause = switch (resolved.missing()) {
                    case "taskList" -> StartChildWorkflowExecutionFailedCause.DEFAULT_TASK_LIST_UNDEFINED;
                    case "executionStartToCloseTimeout" ->
                        StartChildWorkflowExecutionFailedCause.DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED;
                    case "taskStartToCloseTimeout" ->
                        StartChildWorkflowExecutionFailedCause.DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED;
                    default -> StartChildWorkflowExecutionFailedCause.DEFAULT_CHILD_POLICY_UNDEFINED;
                };
            }
        }
        if (cause != null) {
            // No Initiated event exists for these causes, so initiatedEventId is 0.
            e.append(
                    EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED,
                    StartChildWorkflowExecutionFailedEventAttributes.builder()
                            .workflowType(a.workflowType())
                            .cause(cause)
                            .workflowId(a.workflowId())
                            .initiatedEventId(0L)
                            .decisionTaskCompletedEventId(completed)
                            .control(a.control())
                            .build());
            e.needsDecision();
            return;
        }
        List<String> tags = a.hasTagList() ? a.tagList() : null;
        long initiated = e.append(
                EventType.START_CHILD_WORKFLOW_EXECUTION_INITIATED,
                StartChildWorkflowExecutionInitiatedEventAttributes.builder()
                        .workflowId(a.workflowId())
                        .workflowType(a.workflowType())
                        .control(a.control())
                        .input(a.input())
                        .executionStartToCloseTimeout(resolved.executionStartToCloseTimeout())
                        .taskList(Execution.taskList(resolved.taskList()))
                        .taskPriority(resolved.taskPriority())
                        .decisionTaskCompletedEventId(completed)
                        .childPolicy(resolved.childPolicy())
                        .taskStartToCloseTimeout(resolved.taskStartToCloseTimeout())
                        .tagList(tags)
                        .lambdaRole(resolved.lambdaRole())
                        .build());
        e.children().put(initiated, new Execution.Child(initiated, a.workflowId(), a.workflowType()));
        Execution.Spec spec = new Execution.Spec(
                e.domain,
                a.workflowType(),
                a.workflowId(),
                a.input(),
                resolved.executionStartToCloseTimeout(),
                resolved.taskStartToCloseTimeout(),
                resolved.taskList(),
                resolved.taskPriority(),
                resolved.childPolicy(),
                tags,
                resolved.lambdaRole(),
                e.ref,
                initiated,
                null);
        fx.add(() -> engine.startChild(e, initiated, spec, a.control()));
    }

    private void scheduleLambda(Execution e, ScheduleLambdaFunctionDecisionAttributes a, long completed, Effects fx) {
        String cause = null;
        if (e.lambdaRole == null) {
            // SWF refuses Lambda tasks of executions without an IAM role; it documents no cause for
            // this, and OPERATION_NOT_PERMITTED is the one its documentation names.
            cause = "OPERATION_NOT_PERMITTED";
        } else if (e.openLambdas() > 0 && e.lambdas().containsKey(a.id())) {
            cause = ScheduleLambdaFunctionFailedCause.ID_ALREADY_IN_USE.toString();
        } else if (e.openLambdas() >= Execution.MAX_OPEN_LAMBDAS) {
            cause = ScheduleLambdaFunctionFailedCause.OPEN_LAMBDA_FUNCTIONS_LIMIT_EXCEEDED.toString();
        }
        if (cause != null) {
            e.append(
                    EventType.SCHEDULE_LAMBDA_FUNCTION_FAILED,
                    ScheduleLambdaFunctionFailedEventAttributes.builder()
                            .id(a.id())
                            .name(a.name())
                            .cause(cause)
                            .decisionTaskCompletedEventId(completed)
                            .build());
            e.needsDecision();
            return;
        }
        long scheduled = e.append(
                EventType.LAMBDA_FUNCTION_SCHEDULED,
                LambdaFunctionScheduledEventAttributes.builder()
                        .id(a.id())
                        .name(a.name())
                        .control(a.control())
                        .input(a.input())
                        .startToCloseTimeout(a.startToCloseTimeout())
                        .decisionTaskCompletedEventId(completed)
                        .build());
        long timeout =
                a.startToCloseTimeout() == null ? LAMBDA_MAX_SECONDS : Durations.seconds(a.startToCloseTimeout());
        Execution.LambdaTask task = new Execution.LambdaTask(a.id(), a.name(), a.input(), scheduled, timeout);
        e.lambdas().put(a.id(), task);
        fx.add(() -> e.startLambda(task));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    static ChildPolicy childPolicy(String s) {
        return s == null ? null : ChildPolicy.fromValue(s);
    }
}
