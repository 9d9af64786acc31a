package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.EngineTesting.WORKFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Lambda functions run on engine threads, so these tests use long polls (in virtual time) to wait
 * for the decision task their outcome schedules; the timeout guards against a lost wake-up.
 */
@Timeout(20)
final class LambdaTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/swf-lambda";
    private final CountDownLatch release = new CountDownLatch(1);
    private final EngineTesting t = new EngineTesting(SwfEngine.builder()
            .virtualTime(T0)
            .pollTimeout(Duration.ofSeconds(60))
            .lambdaFunction("upper", in -> in.toUpperCase(java.util.Locale.ROOT))
            .lambdaFunction("boom", in -> {
                throw new IllegalArgumentException("no " + in);
            })
            .lambdaFunction("slow", in -> {
                release.await();
                return "finally";
            }));

    @AfterEach
    void close() {
        release.countDown();
        t.close();
    }

    private WorkflowExecution start(String role) {
        String runId = t.swf.startWorkflowExecution(r ->
                        r.domain(DOMAIN).workflowId("w").workflowType(WORKFLOW).lambdaRole(role))
                .runId();
        return WorkflowExecution.builder().workflowId("w").runId(runId).build();
    }

    private static Decision lambda(String id, String name, String input, String timeout) {
        return Decision.builder()
                .decisionType(DecisionType.SCHEDULE_LAMBDA_FUNCTION)
                .scheduleLambdaFunctionDecisionAttributes(
                        a -> a.id(id).name(name).input(input).startToCloseTimeout(timeout))
                .build();
    }

    @Test
    void functionResultIsRecorded() {
        WorkflowExecution run = start(ROLE);
        t.decide(t.decisionTask(), lambda("l1", "upper", "shout", null));
        PollForDecisionTaskResponse next = t.decisionTask();
        assertEquals(
                List.of(
                        "5 LambdaFunctionScheduled (Id=l1, Name=upper, Input=shout, DecisionTaskCompletedEventId=4)",
                        "6 LambdaFunctionStarted (ScheduledEventId=5)",
                        "7 LambdaFunctionCompleted (ScheduledEventId=5, StartedEventId=6, Result=SHOUT)",
                        "8 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                                + " ScheduleToStartTimeout=NONE)",
                        "9 DecisionTaskStarted (Identity=decider, ScheduledEventId=8)"),
                t.rendered(run).subList(4, 9));
        assertEquals(9, next.startedEventId());
    }

    @Test
    void functionExceptionFailsTheInvocation() {
        WorkflowExecution run = start(ROLE);
        t.decide(t.decisionTask(), lambda("l1", "boom", "luck", "10"));
        t.decisionTask();
        assertEquals(
                List.of(
                        "5 LambdaFunctionScheduled (Id=l1, Name=boom, Input=luck, StartToCloseTimeout=10,"
                                + " DecisionTaskCompletedEventId=4)",
                        "6 LambdaFunctionStarted (ScheduledEventId=5)",
                        "7 LambdaFunctionFailed (ScheduledEventId=5, StartedEventId=6,"
                                + " Reason=java.lang.IllegalArgumentException, Details=no luck)"),
                t.rendered(run).subList(4, 7));
    }

    @Test
    void unknownFunctionFailsAsLambdaWould() {
        WorkflowExecution run = start(ROLE);
        t.decide(t.decisionTask(), lambda("l1", "nowhere", null, null));
        t.decisionTask();
        assertEquals(
                "7 LambdaFunctionFailed (ScheduledEventId=5, StartedEventId=6, Reason=ResourceNotFoundException,"
                        + " Details=Function not found: nowhere. Register it with"
                        + " SwfEngine.Builder.lambdaFunction(name, function).)",
                t.rendered(run).get(6));
    }

    @Test
    void slowFunctionTimesOutAndItsLateResultIsIgnored() {
        WorkflowExecution run = start(ROLE);
        t.decide(t.decisionTask(), lambda("l1", "slow", null, "30"));
        assertEquals(T0.plusSeconds(30), t.engine.nextDeadline().orElseThrow());
        t.advance(Duration.ofSeconds(30));
        assertEquals(
                "7 LambdaFunctionTimedOut (ScheduledEventId=5, StartedEventId=6, TimeoutType=START_TO_CLOSE)",
                t.rendered(run).get(6));
        t.decide(t.decisionTask(), EngineTesting.complete("gave up"));
        release.countDown();
        assertEquals(11, t.history(run).size());
    }

    @Test
    void executionWithoutALambdaRoleCannotScheduleFunctions() {
        WorkflowExecution run = start(null);
        t.decide(t.decisionTask(), lambda("l1", "upper", "x", null));
        assertEquals(
                "5 ScheduleLambdaFunctionFailed (Id=l1, Name=upper, Cause=OPERATION_NOT_PERMITTED,"
                        + " DecisionTaskCompletedEventId=4)",
                t.rendered(run).get(4));
    }

    @Test
    void roleThatCannotBeAssumedFailsTheStart() {
        WorkflowExecution run = start("lambda-role");
        t.decide(t.decisionTask(), lambda("l1", "upper", "x", null));
        t.decisionTask();
        assertEquals(
                List.of(
                        "5 LambdaFunctionScheduled (Id=l1, Name=upper, Input=x, DecisionTaskCompletedEventId=4)",
                        "6 StartLambdaFunctionFailed (ScheduledEventId=5, Cause=ASSUME_ROLE_FAILED, Message=Unable to"
                                + " assume role lambda-role: it is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME))",
                        "7 DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30,"
                                + " ScheduleToStartTimeout=NONE)"),
                t.rendered(run).subList(4, 7));
        assertEquals(
                0,
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                        .openCounts()
                        .openLambdaFunctions());
    }

    @Test
    void functionIdsMustBeUniqueAmongOpenFunctions() {
        WorkflowExecution run = start(ROLE);
        t.decide(t.decisionTask(), lambda("l1", "slow", null, null), lambda("l1", "upper", "x", null));
        assertEquals(
                "6 ScheduleLambdaFunctionFailed (Id=l1, Name=upper, Cause=ID_ALREADY_IN_USE,"
                        + " DecisionTaskCompletedEventId=4)",
                t.rendered(run).get(5));
        assertEquals(
                1,
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                        .openCounts()
                        .openLambdaFunctions());
    }
}
