package dev.weft.engine;

import static dev.weft.engine.EngineTesting.ACTIVITY;
import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.WORKFLOW;
import static dev.weft.engine.EngineTesting.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/** Every operation of the SWF API succeeds through the SDK's own HTTP client. */
final class SdkOverHttpTest {
    private static final ExecutionTimeFilter ALL_TIME =
            ExecutionTimeFilter.builder().oldestDate(Instant.EPOCH).build();

    @Test
    void everyOperationWorksThroughTheSdksHttpClient() {
        try (EngineTesting t = new EngineTesting(EngineTesting.Transport.HTTP)) {
            SwfClient swf = t.swf;
            // Domains and tags.
            swf.registerDomain(r -> r.name("other").workflowExecutionRetentionPeriodInDays("NONE"));
            String arn = swf.describeDomain(r -> r.name("other")).domainInfo().arn();
            swf.tagResource(r -> r.resourceArn(arn)
                    .tags(ResourceTag.builder().key("k").value("v").build()));
            assertEquals(
                    List.of(ResourceTag.builder().key("k").value("v").build()),
                    swf.listTagsForResource(r -> r.resourceArn(arn)).tags());
            swf.untagResource(r -> r.resourceArn(arn).tagKeys("k"));
            assertEquals(
                    List.of(), swf.listTagsForResource(r -> r.resourceArn(arn)).tags());
            swf.deprecateDomain(r -> r.name("other"));
            assertEquals(
                    "other",
                    swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED))
                            .domainInfos()
                            .get(0)
                            .name());
            swf.undeprecateDomain(r -> r.name("other"));

            // Types.
            WorkflowType w2 = WorkflowType.builder().name("W").version("2").build();
            ActivityType a2 = ActivityType.builder().name("A").version("2").build();
            swf.registerWorkflowType(r -> r.domain(DOMAIN).name("W").version("2"));
            swf.registerActivityType(r -> r.domain(DOMAIN).name("A").version("2"));
            assertEquals(
                    w2,
                    swf.describeWorkflowType(r -> r.domain(DOMAIN).workflowType(w2))
                            .typeInfo()
                            .workflowType());
            assertEquals(
                    a2,
                    swf.describeActivityType(r -> r.domain(DOMAIN).activityType(a2))
                            .typeInfo()
                            .activityType());
            assertEquals(
                    2,
                    swf.listWorkflowTypes(r -> r.domain(DOMAIN).registrationStatus(RegistrationStatus.REGISTERED))
                            .typeInfos()
                            .size());
            assertEquals(
                    2,
                    swf.listActivityTypes(r -> r.domain(DOMAIN).registrationStatus(RegistrationStatus.REGISTERED))
                            .typeInfos()
                            .size());
            swf.deprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(w2));
            swf.undeprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(w2));
            swf.deprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(w2));
            swf.deleteWorkflowType(r -> r.domain(DOMAIN).workflowType(w2));
            swf.deprecateActivityType(r -> r.domain(DOMAIN).activityType(a2));
            swf.undeprecateActivityType(r -> r.domain(DOMAIN).activityType(a2));
            swf.deprecateActivityType(r -> r.domain(DOMAIN).activityType(a2));
            swf.deleteActivityType(r -> r.domain(DOMAIN).activityType(a2));

            // Executions and tasks.
            WorkflowExecution run = t.start("w");
            assertEquals(
                    1,
                    swf.countPendingDecisionTasks(r -> r.domain(DOMAIN).taskList(list("decisions")))
                            .count());
            var decision = t.decisionTask();
            t.decide(
                    decision,
                    EngineTesting.scheduleActivity("a1", "x"),
                    EngineTesting.scheduleActivity("a2", "y"),
                    EngineTesting.scheduleActivity("a3", "z"));
            assertEquals(
                    3,
                    swf.countPendingActivityTasks(r -> r.domain(DOMAIN).taskList(list("activities")))
                            .count());
            var first = t.activityTask();
            assertEquals(ACTIVITY, first.activityType());
            assertFalse(swf.recordActivityTaskHeartbeat(
                            r -> r.taskToken(first.taskToken()).details("50%"))
                    .cancelRequested());
            swf.respondActivityTaskCompleted(r -> r.taskToken(first.taskToken()).result("ok"));
            var second = t.activityTask();
            swf.respondActivityTaskFailed(
                    r -> r.taskToken(second.taskToken()).reason("r").details("d"));
            var third = t.activityTask();
            swf.respondActivityTaskCanceled(r -> r.taskToken(third.taskToken()).details("c"));
            swf.signalWorkflowExecution(
                    r -> r.domain(DOMAIN).workflowId("w").signalName("s").input("i"));
            swf.requestCancelWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w"));
            assertTrue(swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                    .executionInfo()
                    .cancelRequested());
            assertEquals(
                    1,
                    swf.countOpenWorkflowExecutions(r -> r.domain(DOMAIN).startTimeFilter(ALL_TIME))
                            .count());
            assertEquals(
                    run,
                    swf.listOpenWorkflowExecutions(r -> r.domain(DOMAIN).startTimeFilter(ALL_TIME))
                            .executionInfos()
                            .get(0)
                            .execution());
            swf.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w").reason("done"));
            assertEquals(
                    1,
                    swf.countClosedWorkflowExecutions(r -> r.domain(DOMAIN).startTimeFilter(ALL_TIME))
                            .count());
            assertEquals(
                    CloseStatus.TERMINATED,
                    swf.listClosedWorkflowExecutions(r -> r.domain(DOMAIN).closeTimeFilter(ALL_TIME))
                            .executionInfos()
                            .get(0)
                            .closeStatus());
            // The history read over HTTP is the engine's, event for event.
            assertEquals(
                    t.engine
                            .getWorkflowExecutionHistory(r -> r.domain(DOMAIN).execution(run))
                            .events(),
                    swf.getWorkflowExecutionHistory(r -> r.domain(DOMAIN).execution(run))
                            .events());
            assertEquals(
                    "17 WorkflowExecutionTerminated (Reason=done, ChildPolicy=TERMINATE)",
                    t.rendered(run).get(16));
            assertEquals(WORKFLOW, decision.workflowType());
        }
    }
}
