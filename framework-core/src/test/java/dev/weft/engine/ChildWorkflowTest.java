package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.WORKFLOW;
import static dev.weft.engine.EngineTesting.cancel;
import static dev.weft.engine.EngineTesting.complete;
import static dev.weft.engine.EngineTesting.continueAsNew;
import static dev.weft.engine.EngineTesting.fail;
import static dev.weft.engine.EngineTesting.list;
import static dev.weft.engine.EngineTesting.startChild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class ChildWorkflowTest {
    private final EngineTesting t;

    ChildWorkflowTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private static Decision child(String workflowId, ChildPolicy policy) {
        return Decision.builder()
                .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                .startChildWorkflowExecutionDecisionAttributes(a -> a.workflowType(WORKFLOW)
                        .workflowId(workflowId)
                        .taskList(list("children"))
                        .childPolicy(policy)
                        .executionStartToCloseTimeout("600"))
                .build();
    }

    /**
     * Has the parent start a child (on task list "children") with this decision, and returns the
     * child's first decision task, not yet answered.
     */
    private PollForDecisionTaskResponse childTask(WorkflowExecution parent, Decision startChild) {
        t.alias(parent, "parent");
        t.decide(t.decisionTask(), startChild);
        PollForDecisionTaskResponse childTask = t.pollDecision("children");
        t.alias(childTask.workflowExecution(), "child");
        return childTask;
    }

    /** As {@link #childTask}, with the child's first decision answered with no decisions. */
    private WorkflowExecution parentWithChild(WorkflowExecution parent, Decision startChild) {
        PollForDecisionTaskResponse task = childTask(parent, startChild);
        t.decide(task);
        return task.workflowExecution();
    }

    private WorkflowExecutionInfo info(WorkflowExecution run) {
        return t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                .executionInfo();
    }

    private String lastEvents(WorkflowExecution run, int n) {
        List<String> h = t.rendered(run);
        return String.join("\n", h.subList(h.size() - n, h.size()));
    }

    @Test
    void childFailureCancellationAndTimeoutReachTheParent() {
        WorkflowExecution parent = t.alias(t.start("parent"), "parent");
        t.decide(
                t.decisionTask(),
                child("c-fail", ChildPolicy.ABANDON),
                child("c-cancel", ChildPolicy.ABANDON),
                child("c-timeout", ChildPolicy.ABANDON));
        assertEquals(
                3,
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(parent))
                        .openCounts()
                        .openChildWorkflowExecutions());
        PollForDecisionTaskResponse failing = t.pollDecision("children");
        PollForDecisionTaskResponse canceling = t.pollDecision("children");
        t.alias(failing.workflowExecution(), "fail");
        t.alias(canceling.workflowExecution(), "cancel");
        t.decide(failing, fail("bad", "worse"));
        t.decide(canceling, cancel("bye"));
        WorkflowExecution timingOut = t.alias(t.pollDecision("children").workflowExecution(), "timeout");
        t.advance(Duration.ofMinutes(10));

        assertEquals(
                List.of(
                        "8 ChildWorkflowExecutionStarted (WorkflowExecution=WorkflowExecution(WorkflowId=c-fail,"
                                + " RunId=<fail>), WorkflowType=WorkflowType(Name=Order, Version=1), InitiatedEventId=5)",
                        "9 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                                + " ScheduleToStartTimeout=NONE)",
                        "10 ChildWorkflowExecutionStarted (WorkflowExecution=WorkflowExecution(WorkflowId=c-cancel,"
                                + " RunId=<cancel>), WorkflowType=WorkflowType(Name=Order, Version=1),"
                                + " InitiatedEventId=6)",
                        "11 ChildWorkflowExecutionStarted (WorkflowExecution=WorkflowExecution(WorkflowId=c-timeout,"
                                + " RunId=<timeout>), WorkflowType=WorkflowType(Name=Order, Version=1),"
                                + " InitiatedEventId=7)",
                        "12 ChildWorkflowExecutionFailed (WorkflowExecution=WorkflowExecution(WorkflowId=c-fail,"
                                + " RunId=<fail>), WorkflowType=WorkflowType(Name=Order, Version=1), Reason=bad,"
                                + " Details=worse, InitiatedEventId=5, StartedEventId=8)",
                        "13 ChildWorkflowExecutionCanceled (WorkflowExecution=WorkflowExecution(WorkflowId=c-cancel,"
                                + " RunId=<cancel>), WorkflowType=WorkflowType(Name=Order, Version=1), Details=bye,"
                                + " InitiatedEventId=6, StartedEventId=10)",
                        "14 ChildWorkflowExecutionTimedOut (WorkflowExecution=WorkflowExecution("
                                + "WorkflowId=c-timeout, RunId=<timeout>), WorkflowType=WorkflowType(Name=Order,"
                                + " Version=1), TimeoutType=START_TO_CLOSE, InitiatedEventId=7, StartedEventId=11)"),
                t.rendered(parent).subList(7, 14));
        assertEquals(CloseStatus.TIMED_OUT, info(timingOut).closeStatus());
        // Its decision task timed out at 30 s and was scheduled again; the run timed out at 600 s.
        assertEquals(
                "4 DecisionTaskTimedOut (TimeoutType=START_TO_CLOSE, ScheduledEventId=2, StartedEventId=3)\n"
                        + "5 DecisionTaskScheduled (TaskList=TaskList(Name=children), StartToCloseTimeout=30,"
                        + " ScheduleToStartTimeout=NONE)\n"
                        + "6 WorkflowExecutionTimedOut (TimeoutType=START_TO_CLOSE, ChildPolicy=ABANDON)",
                lastEvents(timingOut, 3));
    }

    @Test
    void childTerminatedByAnOperatorIsReportedToTheParent() {
        WorkflowExecution parent = t.start("parent");
        WorkflowExecution child = parentWithChild(parent, child("kid", ChildPolicy.REQUEST_CANCEL));
        t.swf.terminateWorkflowExecution(
                r -> r.domain(DOMAIN).workflowId("kid").reason("ops").details("d"));
        assertEquals(
                "5 WorkflowExecutionTerminated (Reason=ops, Details=d, ChildPolicy=REQUEST_CANCEL)",
                lastEvents(child, 1));
        assertEquals(
                "8 ChildWorkflowExecutionTerminated (WorkflowExecution=WorkflowExecution(WorkflowId=kid,"
                        + " RunId=<child>), WorkflowType=WorkflowType(Name=Order, Version=1), InitiatedEventId=5,"
                        + " StartedEventId=6)",
                t.rendered(parent).get(7));
    }

    @Test
    void childWithATakenWorkflowIdFailsAfterItsInitiatedEvent() {
        t.start("taken");
        WorkflowExecution parent = t.alias(t.start("parent"), "parent");
        t.decide(t.decisionTask()); // The first decision task is "taken"'s.
        t.decide(t.decisionTask(), startChild("taken", "x"));
        List<String> h = t.rendered(parent);
        assertEquals(
                List.of(
                        "5 StartChildWorkflowExecutionInitiated (WorkflowId=taken, WorkflowType=WorkflowType("
                                + "Name=Order, Version=1), Input=x, ExecutionStartToCloseTimeout=3600,"
                                + " TaskList=TaskList(Name=decisions), DecisionTaskCompletedEventId=4,"
                                + " ChildPolicy=TERMINATE, TaskStartToCloseTimeout=30)",
                        "6 StartChildWorkflowExecutionFailed (WorkflowType=WorkflowType(Name=Order, Version=1),"
                                + " Cause=WORKFLOW_ALREADY_RUNNING, WorkflowId=taken, InitiatedEventId=5,"
                                + " DecisionTaskCompletedEventId=4)",
                        "7 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                                + " ScheduleToStartTimeout=NONE)"),
                h.subList(4, 7));
        assertEquals(
                0,
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(parent))
                        .openCounts()
                        .openChildWorkflowExecutions());
    }

    @Test
    void childOfAnUnknownTypeFailsWithoutAnInitiatedEvent() {
        WorkflowExecution parent = t.start("parent");
        t.swf.registerWorkflowType(r -> r.domain(DOMAIN).name("NoDefaults").version("1"));
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                        .startChildWorkflowExecutionDecisionAttributes(
                                a -> a.workflowType(w -> w.name("Nope").version("1"))
                                        .workflowId("c1")
                                        .control("ctl"))
                        .build(),
                Decision.builder()
                        .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                        .startChildWorkflowExecutionDecisionAttributes(
                                a -> a.workflowType(w -> w.name("NoDefaults").version("1"))
                                        .workflowId("c2")
                                        .taskList(list("x")))
                        .build());
        assertEquals(
                List.of(
                        "5 StartChildWorkflowExecutionFailed (WorkflowType=WorkflowType(Name=Nope, Version=1),"
                                + " Cause=WORKFLOW_TYPE_DOES_NOT_EXIST, WorkflowId=c1, InitiatedEventId=0,"
                                + " DecisionTaskCompletedEventId=4, Control=ctl)",
                        "6 StartChildWorkflowExecutionFailed (WorkflowType=WorkflowType(Name=NoDefaults, Version=1),"
                                + " Cause=DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED, WorkflowId=c2,"
                                + " InitiatedEventId=0, DecisionTaskCompletedEventId=4)"),
                t.rendered(parent).subList(4, 6));
    }

    @Test
    void terminatingTheParentTerminatesChildrenWithPolicyTerminate() {
        WorkflowExecution parent = t.start("parent");
        WorkflowExecution child = parentWithChild(parent, child("kid", ChildPolicy.ABANDON));
        t.swf.terminateWorkflowExecution(
                r -> r.domain(DOMAIN).workflowId("parent").childPolicy(ChildPolicy.TERMINATE));
        assertEquals(
                "5 WorkflowExecutionTerminated (ChildPolicy=ABANDON, Cause=CHILD_POLICY_APPLIED)",
                lastEvents(child, 1));
        assertEquals(CloseStatus.TERMINATED, info(child).closeStatus());
        assertEquals("8 WorkflowExecutionTerminated (ChildPolicy=TERMINATE)", lastEvents(parent, 1));
    }

    @Test
    void parentTimingOutAsksChildrenToCancelWithPolicyRequestCancel() {
        String runId = t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId("parent")
                        .workflowType(WORKFLOW)
                        .executionStartToCloseTimeout("100")
                        .childPolicy(ChildPolicy.REQUEST_CANCEL))
                .runId();
        WorkflowExecution parent =
                WorkflowExecution.builder().workflowId("parent").runId(runId).build();
        WorkflowExecution child = parentWithChild(parent, child("kid", ChildPolicy.ABANDON));
        t.advance(Duration.ofSeconds(100));
        assertEquals(
                "8 WorkflowExecutionTimedOut (TimeoutType=START_TO_CLOSE, ChildPolicy=REQUEST_CANCEL)",
                lastEvents(parent, 1));
        assertEquals(
                "5 WorkflowExecutionCancelRequested (ExternalInitiatedEventId=0, Cause=CHILD_POLICY_APPLIED)\n"
                        + "6 DecisionTaskScheduled (TaskList=TaskList(Name=children), StartToCloseTimeout=30,"
                        + " ScheduleToStartTimeout=NONE)",
                lastEvents(child, 2));
        assertTrue(info(child).cancelRequested());
    }

    @Test
    void abandonedChildrenKeepRunning() {
        WorkflowExecution parent = t.start("parent");
        WorkflowExecution child = parentWithChild(parent, child("kid", ChildPolicy.TERMINATE));
        t.swf.terminateWorkflowExecution(
                r -> r.domain(DOMAIN).workflowId("parent").childPolicy(ChildPolicy.ABANDON));
        assertNull(info(child).closeStatus());
        assertEquals(4, t.history(child).size());
    }

    @Test
    void childrenOutliveAParentThatCompletes() {
        WorkflowExecution parent = t.start("parent");
        PollForDecisionTaskResponse childTask = childTask(parent, child("kid", ChildPolicy.TERMINATE));
        WorkflowExecution child = childTask.workflowExecution();
        t.decide(t.decisionTask(), complete("done early"));
        assertEquals(CloseStatus.COMPLETED, info(parent).closeStatus());
        assertNull(info(child).closeStatus(), "child policies apply when a parent is terminated or times out");
        t.decide(childTask, complete("late"));
        assertEquals(CloseStatus.COMPLETED, info(child).closeStatus());
        assertEquals(10, t.history(parent).size(), "a closed parent records nothing more");
    }

    @Test
    void childStartedInTheSameDecisionThatTerminatesIsHandled() {
        WorkflowExecution parent = t.start("parent");
        t.decide(t.decisionTask(), child("kid", ChildPolicy.ABANDON), fail("gone", null));
        WorkflowExecution child = t.alias(t.pollDecision("children").workflowExecution(), "child");
        assertEquals(CloseStatus.FAILED, info(parent).closeStatus());
        assertNull(info(child).closeStatus());
        assertEquals(parent, info(child).parent());
    }

    @Test
    void aChildThatContinuesAsNewIsReportedWhenItsLastRunCloses() {
        WorkflowExecution parent = t.start("parent");
        PollForDecisionTaskResponse firstTask = childTask(parent, child("kid", ChildPolicy.ABANDON));
        WorkflowExecution first = firstTask.workflowExecution();
        t.decide(firstTask, continueAsNew("round 2"));
        t.decide(t.decisionTask()); // The parent's, for ChildWorkflowExecutionStarted.
        PollForDecisionTaskResponse second = t.pollDecision("children");
        assertTrue(second.taskToken().isEmpty(), "the new run's decisions use the type's default task list");
        PollForDecisionTaskResponse secondRun = t.decisionTask();
        WorkflowExecution last = t.alias(secondRun.workflowExecution(), "last");
        assertEquals("kid", last.workflowId());
        assertEquals(
                "1 WorkflowExecutionStarted (Input=round 2, ExecutionStartToCloseTimeout=3600,"
                        + " TaskStartToCloseTimeout=30, ChildPolicy=TERMINATE, TaskList=TaskList(Name=decisions),"
                        + " WorkflowType=WorkflowType(Name=Order, Version=1), ContinuedExecutionRunId=<child>,"
                        + " ParentWorkflowExecution=WorkflowExecution(WorkflowId=parent, RunId=<parent>),"
                        + " ParentInitiatedEventId=5)",
                t.rendered(last).get(0));
        assertEquals(9, t.history(parent).size(), "the parent hears nothing of the continuation");
        t.decide(secondRun, complete("finally"));
        assertEquals(
                "10 ChildWorkflowExecutionCompleted (WorkflowExecution=WorkflowExecution(WorkflowId=kid,"
                        + " RunId=<last>), WorkflowType=WorkflowType(Name=Order, Version=1), Result=finally,"
                        + " InitiatedEventId=5, StartedEventId=6)",
                t.rendered(parent).get(9));
        assertEquals(CloseStatus.CONTINUED_AS_NEW, info(first).closeStatus());
    }
}
