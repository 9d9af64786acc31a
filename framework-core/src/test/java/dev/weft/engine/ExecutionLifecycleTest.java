package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.EngineTesting.WORKFLOW;
import static dev.weft.engine.EngineTesting.cancel;
import static dev.weft.engine.EngineTesting.scheduleActivity;
import static dev.weft.engine.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.DefaultUndefinedException;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionAlreadyStartedException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionConfiguration;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionOpenCounts;

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class ExecutionLifecycleTest {
    private final EngineTesting t;

    ExecutionLifecycleTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private DescribeWorkflowExecutionResponse describe(WorkflowExecution run) {
        return t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run));
    }

    @Test
    void startRecordsEveryGivenSettingAndDescribeReportsThem() {
        String runId = t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId("order-1")
                        .workflowType(WORKFLOW)
                        .taskList(l -> l.name("vip"))
                        .taskPriority("10")
                        .input("{\"id\":1}")
                        .executionStartToCloseTimeout("7200")
                        .tagList("eu", "gold")
                        .taskStartToCloseTimeout("NONE")
                        .childPolicy(ChildPolicy.REQUEST_CANCEL)
                        .lambdaRole("arn:aws:iam::123456789012:role/l"))
                .runId();
        assertEquals(46, runId.length());
        WorkflowExecution run = t.alias(
                WorkflowExecution.builder().workflowId("order-1").runId(runId).build(), "run");
        t.assertHistory(
                run,
                "1 WorkflowExecutionStarted (Input={\"id\":1}, ExecutionStartToCloseTimeout=7200,"
                        + " TaskStartToCloseTimeout=NONE, ChildPolicy=REQUEST_CANCEL, TaskList=TaskList(Name=vip),"
                        + " TaskPriority=10, WorkflowType=WorkflowType(Name=Order, Version=1), TagList=[eu, gold],"
                        + " ParentInitiatedEventId=0, LambdaRole=arn:aws:iam::123456789012:role/l)",
                "2 DecisionTaskScheduled (TaskList=TaskList(Name=vip), TaskPriority=10, StartToCloseTimeout=NONE,"
                        + " ScheduleToStartTimeout=NONE)");
        DescribeWorkflowExecutionResponse d = describe(run);
        assertEquals(
                WorkflowExecutionInfo.builder()
                        .execution(run)
                        .workflowType(WORKFLOW)
                        .startTimestamp(T0)
                        .executionStatus(ExecutionStatus.OPEN)
                        .tagList("eu", "gold")
                        .cancelRequested(false)
                        .build(),
                d.executionInfo());
        assertEquals(
                WorkflowExecutionConfiguration.builder()
                        .taskStartToCloseTimeout("NONE")
                        .executionStartToCloseTimeout("7200")
                        .taskList(l -> l.name("vip"))
                        .taskPriority("10")
                        .childPolicy(ChildPolicy.REQUEST_CANCEL)
                        .lambdaRole("arn:aws:iam::123456789012:role/l")
                        .build(),
                d.executionConfiguration());
        assertEquals(
                WorkflowExecutionOpenCounts.builder()
                        .openActivityTasks(0)
                        .openDecisionTasks(1)
                        .openTimers(0)
                        .openChildWorkflowExecutions(0)
                        .openLambdaFunctions(0)
                        .build(),
                d.openCounts());
    }

    @Test
    void anOpenWorkflowIdCannotBeStartedTwiceButMayBeReusedOnceClosed() {
        WorkflowExecution first = t.start("w");
        assertFault(
                WorkflowExecutionAlreadyStartedException.class,
                "WorkflowExecutionAlreadyStartedFault",
                "WorkflowExecution=[workflowId=w, runId=" + first.runId()
                        + "] is already open; a workflow id may have one open run at a time",
                () -> t.start("w"));
        t.swf.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w"));
        WorkflowExecution second = t.start("w");
        assertNotEquals(first.runId(), second.runId());
        assertEquals(ExecutionStatus.CLOSED, describe(first).executionInfo().executionStatus());
        assertEquals(ExecutionStatus.OPEN, describe(second).executionInfo().executionStatus());
    }

    @Test
    void startWithoutARequiredValueOrDefaultFails() {
        t.swf.registerWorkflowType(r -> r.domain(DOMAIN).name("Bare").version("1"));
        assertFault(
                DefaultUndefinedException.class,
                "DefaultUndefinedFault",
                "taskList: the request gives none and WorkflowType=[name=Bare, version=1] was registered without"
                        + " defaultTaskList. Give taskList when starting, or register a new version with a default.",
                () -> t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId("w")
                        .workflowType(w -> w.name("Bare").version("1"))));
        assertFault(
                DefaultUndefinedException.class,
                "DefaultUndefinedFault",
                "childPolicy: the request gives none and WorkflowType=[name=Bare, version=1] was registered without"
                        + " defaultChildPolicy. Give childPolicy when starting, or register a new version with a"
                        + " default.",
                () -> t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId("w")
                        .workflowType(w -> w.name("Bare").version("1"))
                        .taskList(l -> l.name("x"))
                        .executionStartToCloseTimeout("60")
                        .taskStartToCloseTimeout("10")));
    }

    @Test
    void cancelRequestIsRecordedAndTheDeciderCancels() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask());
        t.swf.requestCancelWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w"));
        assertTrue(describe(run).executionInfo().cancelRequested());
        t.decide(t.decisionTask(), cancel("as asked"));
        assertEquals(
                List.of(
                        "5 WorkflowExecutionCancelRequested (ExternalInitiatedEventId=0)",
                        "6 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                                + " ScheduleToStartTimeout=NONE)",
                        "7 DecisionTaskStarted (Identity=decider, ScheduledEventId=6)",
                        "8 DecisionTaskCompleted (ScheduledEventId=6, StartedEventId=7)",
                        "9 WorkflowExecutionCanceled (Details=as asked, DecisionTaskCompletedEventId=8)"),
                t.rendered(run).subList(4, 9));
        WorkflowExecutionInfo info = describe(run).executionInfo();
        assertEquals(CloseStatus.CANCELED, info.closeStatus());
        assertFalse(info.cancelRequested(), "as SWF reports it once the run is closed");
    }

    @Test
    void failDecisionClosesTheRunAsFailed() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), EngineTesting.fail("Broken", "stack trace"));
        assertEquals(
                "5 WorkflowExecutionFailed (Reason=Broken, Details=stack trace, DecisionTaskCompletedEventId=4)",
                t.rendered(run).get(4));
        assertEquals(CloseStatus.FAILED, describe(run).executionInfo().closeStatus());
    }

    @Test
    void terminationClosesTheRunAtOnce() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), scheduleActivity("a", null));
        t.advance(Duration.ofSeconds(5));
        t.swf.terminateWorkflowExecution(r -> r.domain(DOMAIN)
                .workflowId("w")
                .runId(run.runId())
                .reason("stuck")
                .details("ticket 42")
                .childPolicy(ChildPolicy.ABANDON));
        assertEquals(
                "6 WorkflowExecutionTerminated (Reason=stuck, Details=ticket 42, ChildPolicy=ABANDON)",
                t.rendered(run).get(5));
        DescribeWorkflowExecutionResponse d = describe(run);
        assertEquals(CloseStatus.TERMINATED, d.executionInfo().closeStatus());
        assertEquals(T0.plusSeconds(5), d.executionInfo().closeTimestamp());
        assertEquals(1, d.openCounts().openActivityTasks(), "SWF keeps the counts the run had when it closed");
        assertTrue(t.pollActivity().taskToken().isEmpty(), "the closed run's activity is never handed out");
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown execution, workflowId = w",
                () -> t.swf.signalWorkflowExecution(
                        r -> r.domain(DOMAIN).workflowId("w").signalName("s")));
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown execution: WorkflowExecution=[workflowId=w, runId=" + run.runId() + "]",
                () -> t.swf.requestCancelWorkflowExecution(
                        r -> r.domain(DOMAIN).workflowId("w").runId(run.runId())));
    }

    @Test
    void runTimesOutAfterItsExecutionStartToCloseTimeout() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask());
        t.advance(Duration.ofSeconds(3599));
        assertEquals(ExecutionStatus.OPEN, describe(run).executionInfo().executionStatus());
        t.advance(Duration.ofSeconds(1));
        assertEquals(
                "5 WorkflowExecutionTimedOut (TimeoutType=START_TO_CLOSE, ChildPolicy=TERMINATE)",
                t.rendered(run).get(4));
        WorkflowExecutionInfo info = describe(run).executionInfo();
        assertEquals(CloseStatus.TIMED_OUT, info.closeStatus());
        assertEquals(T0.plusSeconds(3600), info.closeTimestamp());
    }

    @Test
    void historyPagesInEitherOrder() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), EngineTesting.marker("a", null), EngineTesting.marker("b", null));
        var full = t.history(run);
        var firstPage = t.swf.getWorkflowExecutionHistory(
                r -> r.domain(DOMAIN).execution(run).maximumPageSize(4).reverseOrder(true));
        assertEquals(
                List.of(6L, 5L, 4L, 3L),
                firstPage.events().stream().map(e -> e.eventId()).toList());
        var secondPage = t.swf.getWorkflowExecutionHistory(r -> r.domain(DOMAIN)
                .execution(run)
                .maximumPageSize(4)
                .reverseOrder(true)
                .nextPageToken(firstPage.nextPageToken()));
        assertEquals(List.of(full.get(1), full.get(0)), secondPage.events());
        assertEquals(null, secondPage.nextPageToken());
    }
}
