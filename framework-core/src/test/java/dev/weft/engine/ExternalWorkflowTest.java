package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.cancelExternal;
import static dev.weft.engine.EngineTesting.signalExternal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class ExternalWorkflowTest {
    private static final String NEXT_DECISION =
            "DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30, ScheduleToStartTimeout=NONE)";

    private final EngineTesting t;

    ExternalWorkflowTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void signalWithoutRunIdReachesTheOpenRun() {
        WorkflowExecution target = t.alias(t.start("target"), "target");
        t.decide(t.decisionTask());
        WorkflowExecution source = t.alias(t.start("source"), "source");
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION)
                        .signalExternalWorkflowExecutionDecisionAttributes(a -> a.workflowId("target")
                                .signalName("ping")
                                .input("data")
                                .control("ctl"))
                        .build());
        assertEquals(
                List.of(
                        "5 SignalExternalWorkflowExecutionInitiated (WorkflowId=target, SignalName=ping, Input=data,"
                                + " DecisionTaskCompletedEventId=4, Control=ctl)",
                        "6 ExternalWorkflowExecutionSignaled (WorkflowExecution=WorkflowExecution(WorkflowId=target,"
                                + " RunId=<target>), InitiatedEventId=5)",
                        "7 " + NEXT_DECISION),
                t.rendered(source).subList(4, 7));
        assertEquals(
                List.of(
                        "5 WorkflowExecutionSignaled (SignalName=ping, Input=data,"
                                + " ExternalWorkflowExecution=WorkflowExecution(WorkflowId=source, RunId=<source>),"
                                + " ExternalInitiatedEventId=5)",
                        "6 " + NEXT_DECISION),
                t.rendered(target).subList(4, 6));
    }

    @Test
    void signallingAnUnknownOrClosedExecutionFails() {
        WorkflowExecution closed = t.start("closed");
        t.decide(t.decisionTask(), EngineTesting.complete("done"));
        WorkflowExecution source = t.start("source");
        t.decide(
                t.decisionTask(),
                signalExternal("nobody", null, "ping", null),
                signalExternal("closed", closed.runId(), "ping", null));
        assertEquals(
                List.of(
                        "5 SignalExternalWorkflowExecutionInitiated (WorkflowId=nobody, SignalName=ping,"
                                + " DecisionTaskCompletedEventId=4)",
                        "6 SignalExternalWorkflowExecutionInitiated (WorkflowId=closed, RunId=" + closed.runId()
                                + ", SignalName=ping, DecisionTaskCompletedEventId=4)",
                        "7 SignalExternalWorkflowExecutionFailed (WorkflowId=nobody,"
                                + " Cause=UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION, InitiatedEventId=5,"
                                + " DecisionTaskCompletedEventId=4)",
                        "8 " + NEXT_DECISION,
                        "9 SignalExternalWorkflowExecutionFailed (WorkflowId=closed, RunId=" + closed.runId()
                                + ", Cause=UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION, InitiatedEventId=6,"
                                + " DecisionTaskCompletedEventId=4)"),
                t.rendered(source).subList(4, 9));
    }

    @Test
    void cancelRequestReachesTheTargetAndIsAcknowledged() {
        WorkflowExecution target = t.alias(t.start("target"), "target");
        t.decide(t.decisionTask());
        WorkflowExecution source = t.alias(t.start("source"), "source");
        t.decide(t.decisionTask(), cancelExternal("target", target.runId()), cancelExternal("ghost", null));
        assertEquals(
                List.of(
                        "5 RequestCancelExternalWorkflowExecutionInitiated (WorkflowId=target, RunId=<target>,"
                                + " DecisionTaskCompletedEventId=4)",
                        "6 RequestCancelExternalWorkflowExecutionInitiated (WorkflowId=ghost,"
                                + " DecisionTaskCompletedEventId=4)",
                        "7 ExternalWorkflowExecutionCancelRequested (WorkflowExecution=WorkflowExecution("
                                + "WorkflowId=target, RunId=<target>), InitiatedEventId=5)",
                        "8 " + NEXT_DECISION,
                        "9 RequestCancelExternalWorkflowExecutionFailed (WorkflowId=ghost,"
                                + " Cause=UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION, InitiatedEventId=6,"
                                + " DecisionTaskCompletedEventId=4)"),
                t.rendered(source).subList(4, 9));
        assertEquals(
                List.of(
                        "5 WorkflowExecutionCancelRequested (ExternalWorkflowExecution=WorkflowExecution("
                                + "WorkflowId=source, RunId=<source>), ExternalInitiatedEventId=5)",
                        "6 " + NEXT_DECISION),
                t.rendered(target).subList(4, 6));
        assertTrue(t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(target))
                .executionInfo()
                .cancelRequested());
    }

    @Test
    void aWorkflowMaySignalItself() {
        WorkflowExecution self = t.alias(t.start("self"), "self");
        t.decide(t.decisionTask(), signalExternal("self", null, "note", "to self"));
        assertEquals(
                List.of(
                        "5 SignalExternalWorkflowExecutionInitiated (WorkflowId=self, SignalName=note, Input=to self,"
                                + " DecisionTaskCompletedEventId=4)",
                        "6 WorkflowExecutionSignaled (SignalName=note, Input=to self,"
                                + " ExternalWorkflowExecution=WorkflowExecution(WorkflowId=self, RunId=<self>),"
                                + " ExternalInitiatedEventId=5)",
                        "7 " + NEXT_DECISION,
                        "8 ExternalWorkflowExecutionSignaled (WorkflowExecution=WorkflowExecution(WorkflowId=self,"
                                + " RunId=<self>), InitiatedEventId=5)"),
                t.rendered(self).subList(4, 8));
    }
}
