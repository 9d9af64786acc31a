package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.WORKFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class ContinueAsNewTest {
    private final EngineTesting t;

    ContinueAsNewTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void newRunTakesOverTheWorkflowIdWithTheGivenSettings() {
        t.swf.registerWorkflowType(r -> r.domain(DOMAIN)
                .name(WORKFLOW.name())
                .version("2")
                .defaultTaskList(l -> l.name("v2"))
                .defaultExecutionStartToCloseTimeout("500")
                .defaultTaskStartToCloseTimeout("20")
                .defaultChildPolicy(ChildPolicy.ABANDON)
                .defaultLambdaRole("arn:aws:iam::123456789012:role/lambda"));
        WorkflowExecution first = t.alias(t.start("w"), "first");
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
                        .continueAsNewWorkflowExecutionDecisionAttributes(a -> a.input("state")
                                .workflowTypeVersion("2")
                                .tagList("daily", "batch")
                                .taskPriority("3")
                                .executionStartToCloseTimeout("900"))
                        .build());
        PollForDecisionTaskResponse task = t.pollDecision("v2");
        WorkflowExecution second = t.alias(task.workflowExecution(), "second");
        assertEquals("w", second.workflowId());
        assertNotEquals(first.runId(), second.runId());
        assertEquals(
                "5 WorkflowExecutionContinuedAsNew (Input=state, DecisionTaskCompletedEventId=4,"
                        + " NewExecutionRunId=<second>, ExecutionStartToCloseTimeout=900,"
                        + " TaskList=TaskList(Name=v2), TaskPriority=3, TaskStartToCloseTimeout=20, ChildPolicy=ABANDON,"
                        + " TagList=[daily, batch], WorkflowType=WorkflowType(Name=Order, Version=2),"
                        + " LambdaRole=arn:aws:iam::123456789012:role/lambda)",
                t.rendered(first).get(4));
        assertEquals(
                "1 WorkflowExecutionStarted (Input=state, ExecutionStartToCloseTimeout=900,"
                        + " TaskStartToCloseTimeout=20, ChildPolicy=ABANDON, TaskList=TaskList(Name=v2), TaskPriority=3,"
                        + " WorkflowType=WorkflowType(Name=Order, Version=2), TagList=[daily, batch],"
                        + " ContinuedExecutionRunId=<first>, ParentInitiatedEventId=0,"
                        + " LambdaRole=arn:aws:iam::123456789012:role/lambda)",
                t.rendered(second).get(0));

        // Calls by workflow id now reach the new run; the old one is closed.
        t.swf.signalWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w").signalName("hi"));
        assertEquals(
                "4 WorkflowExecutionSignaled (SignalName=hi, ExternalInitiatedEventId=0)",
                t.rendered(second).get(3));
        assertEquals(
                CloseStatus.CONTINUED_AS_NEW,
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(first))
                        .executionInfo()
                        .closeStatus());
        // The new run's own timeouts apply: 20 s for its decision task, 900 s for the run.
        t.advance(Duration.ofMinutes(15));
        assertEquals(
                List.of(
                        "5 DecisionTaskScheduled (TaskList=TaskList(Name=v2), TaskPriority=3, StartToCloseTimeout=20,"
                                + " ScheduleToStartTimeout=NONE)",
                        "6 DecisionTaskTimedOut (TimeoutType=START_TO_CLOSE, ScheduledEventId=2, StartedEventId=3)",
                        "7 WorkflowExecutionTimedOut (TimeoutType=START_TO_CLOSE, ChildPolicy=ABANDON)"),
                t.rendered(second).subList(4, 7));
    }

    @Test
    void continueAsNewFailsForAnUnknownVersionOrMissingDefaults() {
        t.swf.registerWorkflowType(r -> r.domain(DOMAIN).name(WORKFLOW.name()).version("bare"));
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), version("9"));
        t.decide(t.decisionTask(), version("bare"));
        List<String> h = t.rendered(run);
        assertEquals(
                "5 ContinueAsNewWorkflowExecutionFailed (Cause=WORKFLOW_TYPE_DOES_NOT_EXIST,"
                        + " DecisionTaskCompletedEventId=4)",
                h.get(4));
        assertEquals(
                "9 ContinueAsNewWorkflowExecutionFailed (Cause=DEFAULT_TASK_LIST_UNDEFINED,"
                        + " DecisionTaskCompletedEventId=8)",
                h.get(8));
        assertEquals(10, h.size(), "the run stays open with a new decision task");
    }

    private static Decision version(String version) {
        return Decision.builder()
                .decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
                .continueAsNewWorkflowExecutionDecisionAttributes(a -> a.workflowTypeVersion(version))
                .build();
    }
}
