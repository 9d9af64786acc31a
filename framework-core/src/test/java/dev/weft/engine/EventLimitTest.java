package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class EventLimitTest {
    @Test
    void executionIsTerminatedWhenItsHistoryReaches25000Events() {
        try (EngineTesting t = new EngineTesting()) {
            WorkflowExecution run = t.start("w");
            Decision[] markers = new Decision[1000];
            for (int i = 0; i < markers.length; i++) {
                markers[i] = marker("m", Integer.toString(i));
            }
            int rounds = 0;
            while (true) {
                PollForDecisionTaskResponse task = t.decisionTask();
                t.decide(task, markers);
                rounds++;
                if (t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                                .executionInfo()
                                .closeStatus()
                        != null) {
                    break;
                }
                t.swf.signalWorkflowExecution(
                        r -> r.domain(DOMAIN).workflowId("w").signalName("more"));
            }
            // Each round adds DecisionTaskStarted, DecisionTaskCompleted, 1000 markers, a signal and
            // DecisionTaskScheduled: the 25th round fills the history.
            assertEquals(25, rounds);
            List<HistoryEvent> history = t.history(run);
            assertEquals(25_000, history.size());
            assertEquals(
                    "25000 WorkflowExecutionTerminated (Details=The history reached 25000 events,"
                            + " ChildPolicy=TERMINATE, Cause=EVENT_LIMIT_EXCEEDED)",
                    Histories.render(history.get(24_999)));
            assertEquals(
                    "24999 MarkerRecorded",
                    Histories.render(history.get(24_998)).substring(0, 20));
            assertEquals(
                    CloseStatus.TERMINATED,
                    t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                            .executionInfo()
                            .closeStatus());
        }
    }
}
