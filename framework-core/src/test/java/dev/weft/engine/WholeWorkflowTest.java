package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.EngineTesting.complete;
import static dev.weft.engine.EngineTesting.continueAsNew;
import static dev.weft.engine.EngineTesting.scheduleActivity;
import static dev.weft.engine.EngineTesting.signalExternal;
import static dev.weft.engine.EngineTesting.startTimer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * One workflow driven by raw decisions through every kind of step: activity, timer, signal,
 * child workflow, external signal, continue-as-new, completion. The histories of the parent's two
 * runs and of the child are checked event by event.
 */
final class WholeWorkflowTest {
    @ParameterizedTest
    @EnumSource(EngineTesting.Transport.class)
    void activityTimerSignalChildExternalSignalContinueAsNewAndComplete(EngineTesting.Transport transport) {
        try (EngineTesting t = new EngineTesting(transport)) {
            WorkflowExecution parent = t.alias(t.start("parent", "in"), "parent");
            t.decide(t.decisionTask(), scheduleActivity("a1", "charge-me"));
            var activity = t.activityTask();
            t.swf.respondActivityTaskCompleted(
                    r -> r.taskToken(activity.taskToken()).result("charged"));
            t.decide(t.decisionTask(), startTimer("t1", "60"));

            t.advance(Duration.ofSeconds(60));
            t.decide(t.decisionTask());
            t.swf.signalWorkflowExecution(
                    r -> r.domain(DOMAIN).workflowId("parent").signalName("go").input("now"));
            t.decide(
                    t.decisionTask(),
                    Decision.builder()
                            .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                            .startChildWorkflowExecutionDecisionAttributes(a -> a.workflowType(EngineTesting.WORKFLOW)
                                    .workflowId("child")
                                    .input("child-in")
                                    .taskList(EngineTesting.list("child-decisions"))
                                    .control("c1"))
                            .build());
            t.decide(t.decisionTask());

            var childTask = t.pollDecision("child-decisions");
            WorkflowExecution child = t.alias(childTask.workflowExecution(), "child");
            t.decide(childTask, signalExternal("parent", parent.runId(), "hello", "from-child"));
            t.decide(t.pollDecision("child-decisions"), complete("child-done"));

            t.decide(t.decisionTask(), continueAsNew("next"));
            var secondRunTask = t.decisionTask();
            WorkflowExecution parent2 = t.alias(secondRunTask.workflowExecution(), "parent2");
            t.decide(secondRunTask, complete("all done"));

            t.assertHistory(
                    parent,
                    "1 WorkflowExecutionStarted (Input=in, ExecutionStartToCloseTimeout=3600,"
                            + " TaskStartToCloseTimeout=30, ChildPolicy=TERMINATE, TaskList=TaskList(Name=decisions),"
                            + " WorkflowType=WorkflowType(Name=Order, Version=1), ParentInitiatedEventId=0)",
                    "2 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "3 DecisionTaskStarted (Identity=decider, ScheduledEventId=2)",
                    "4 DecisionTaskCompleted (ScheduledEventId=2, StartedEventId=3)",
                    "5 ActivityTaskScheduled (ActivityType=ActivityType(Name=charge, Version=1), ActivityId=a1,"
                            + " Input=charge-me, ScheduleToStartTimeout=60, ScheduleToCloseTimeout=120,"
                            + " StartToCloseTimeout=60, TaskList=TaskList(Name=activities),"
                            + " DecisionTaskCompletedEventId=4, HeartbeatTimeout=NONE)",
                    "6 ActivityTaskStarted (Identity=worker, ScheduledEventId=5)",
                    "7 ActivityTaskCompleted (Result=charged, ScheduledEventId=5, StartedEventId=6)",
                    "8 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "9 DecisionTaskStarted (Identity=decider, ScheduledEventId=8)",
                    "10 DecisionTaskCompleted (ScheduledEventId=8, StartedEventId=9)",
                    "11 TimerStarted (TimerId=t1, StartToFireTimeout=60, DecisionTaskCompletedEventId=10)",
                    "12 TimerFired (TimerId=t1, StartedEventId=11)",
                    "13 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "14 DecisionTaskStarted (Identity=decider, ScheduledEventId=13)",
                    "15 DecisionTaskCompleted (ScheduledEventId=13, StartedEventId=14)",
                    "16 WorkflowExecutionSignaled (SignalName=go, Input=now, ExternalInitiatedEventId=0)",
                    "17 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "18 DecisionTaskStarted (Identity=decider, ScheduledEventId=17)",
                    "19 DecisionTaskCompleted (ScheduledEventId=17, StartedEventId=18)",
                    "20 StartChildWorkflowExecutionInitiated (WorkflowId=child, WorkflowType=WorkflowType(Name=Order,"
                            + " Version=1), Control=c1, Input=child-in, ExecutionStartToCloseTimeout=3600,"
                            + " TaskList=TaskList(Name=child-decisions), DecisionTaskCompletedEventId=19,"
                            + " ChildPolicy=TERMINATE, TaskStartToCloseTimeout=30)",
                    "21 ChildWorkflowExecutionStarted (WorkflowExecution=WorkflowExecution(WorkflowId=child,"
                            + " RunId=<child>), WorkflowType=WorkflowType(Name=Order, Version=1), InitiatedEventId=20)",
                    "22 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "23 DecisionTaskStarted (Identity=decider, ScheduledEventId=22)",
                    "24 DecisionTaskCompleted (ScheduledEventId=22, StartedEventId=23)",
                    "25 WorkflowExecutionSignaled (SignalName=hello, Input=from-child,"
                            + " ExternalWorkflowExecution=WorkflowExecution(WorkflowId=child, RunId=<child>),"
                            + " ExternalInitiatedEventId=5)",
                    "26 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "27 ChildWorkflowExecutionCompleted (WorkflowExecution=WorkflowExecution(WorkflowId=child,"
                            + " RunId=<child>), WorkflowType=WorkflowType(Name=Order, Version=1), Result=child-done,"
                            + " InitiatedEventId=20, StartedEventId=21)",
                    "28 DecisionTaskStarted (Identity=decider, ScheduledEventId=26)",
                    "29 DecisionTaskCompleted (ScheduledEventId=26, StartedEventId=28)",
                    "30 WorkflowExecutionContinuedAsNew (Input=next, DecisionTaskCompletedEventId=29,"
                            + " NewExecutionRunId=<parent2>, ExecutionStartToCloseTimeout=3600,"
                            + " TaskList=TaskList(Name=decisions), TaskStartToCloseTimeout=30, ChildPolicy=TERMINATE,"
                            + " WorkflowType=WorkflowType(Name=Order, Version=1))");
            t.assertHistory(
                    child,
                    "1 WorkflowExecutionStarted (Input=child-in, ExecutionStartToCloseTimeout=3600,"
                            + " TaskStartToCloseTimeout=30, ChildPolicy=TERMINATE,"
                            + " TaskList=TaskList(Name=child-decisions), WorkflowType=WorkflowType(Name=Order,"
                            + " Version=1), ParentWorkflowExecution=WorkflowExecution(WorkflowId=parent,"
                            + " RunId=<parent>), ParentInitiatedEventId=20)",
                    "2 DecisionTaskScheduled (TaskList=TaskList(Name=child-decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "3 DecisionTaskStarted (Identity=decider, ScheduledEventId=2)",
                    "4 DecisionTaskCompleted (ScheduledEventId=2, StartedEventId=3)",
                    "5 SignalExternalWorkflowExecutionInitiated (WorkflowId=parent, RunId=<parent>, SignalName=hello,"
                            + " Input=from-child, DecisionTaskCompletedEventId=4)",
                    "6 ExternalWorkflowExecutionSignaled (WorkflowExecution=WorkflowExecution(WorkflowId=parent,"
                            + " RunId=<parent>), InitiatedEventId=5)",
                    "7 DecisionTaskScheduled (TaskList=TaskList(Name=child-decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "8 DecisionTaskStarted (Identity=decider, ScheduledEventId=7)",
                    "9 DecisionTaskCompleted (ScheduledEventId=7, StartedEventId=8)",
                    "10 WorkflowExecutionCompleted (Result=child-done, DecisionTaskCompletedEventId=9)");
            t.assertHistory(
                    parent2,
                    "1 WorkflowExecutionStarted (Input=next, ExecutionStartToCloseTimeout=3600,"
                            + " TaskStartToCloseTimeout=30, ChildPolicy=TERMINATE, TaskList=TaskList(Name=decisions),"
                            + " WorkflowType=WorkflowType(Name=Order, Version=1), ContinuedExecutionRunId=<parent>,"
                            + " ParentInitiatedEventId=0)",
                    "2 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                            + " ScheduleToStartTimeout=NONE)",
                    "3 DecisionTaskStarted (Identity=decider, ScheduledEventId=2)",
                    "4 DecisionTaskCompleted (ScheduledEventId=2, StartedEventId=3)",
                    "5 WorkflowExecutionCompleted (Result=all done, DecisionTaskCompletedEventId=4)");

            // Time moved only at the timer: everything before it is stamped T0, everything after T0 + 60 s.
            List<HistoryEvent> events = t.history(parent);
            assertEquals(T0, events.get(10).eventTimestamp());
            assertEquals(T0.plusSeconds(60), events.get(11).eventTimestamp());
            assertEquals(T0.plusSeconds(60), events.get(29).eventTimestamp());

            var first = t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(parent));
            assertEquals(CloseStatus.CONTINUED_AS_NEW, first.executionInfo().closeStatus());
            var last = t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(parent2));
            assertEquals(CloseStatus.COMPLETED, last.executionInfo().closeStatus());
            var childInfo =
                    t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(child));
            assertEquals(parent, childInfo.executionInfo().parent());
            assertEquals(CloseStatus.COMPLETED, childInfo.executionInfo().closeStatus());
        }
    }
}
