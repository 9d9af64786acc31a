package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class ContinueAsNewTest {
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "2h", taskList = "periodic")
    public interface Periodic {
        @WorkflowMethod
        int tick(int round, int rounds);
    }

    public static final class PeriodicImpl implements Periodic {
        @Override
        public int tick(int round, int rounds) {
            Workflow.sleep(Duration.ofMinutes(10));
            if (round < rounds) {
                throw Workflow.continueAsNew(round + 1, rounds);
            }
            return round;
        }
    }

    @Test
    void aRunContinuesAsANewRunOfTheSameWorkflowIdWithItsSettings() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(PeriodicImpl.class)) {
            WorkflowExecution first = t.start(Periodic.class, "periodic-1", 1, 3);
            t.run();
            HistoryEvent closed = t.closeEvent(first);
            assertEquals(EventType.WORKFLOW_EXECUTION_CONTINUED_AS_NEW, closed.eventType());
            var a = closed.workflowExecutionContinuedAsNewEventAttributes();
            assertEquals("[2,3]", a.input());
            assertEquals("periodic", a.taskList().name());
            assertEquals("7200", a.executionStartToCloseTimeout());
            WorkflowExecution second = WorkflowExecution.builder()
                    .workflowId("periodic-1")
                    .runId(a.newExecutionRunId())
                    .build();
            HistoryEvent secondClosed = t.closeEvent(second);
            var b = secondClosed.workflowExecutionContinuedAsNewEventAttributes();
            WorkflowExecution third = WorkflowExecution.builder()
                    .workflowId("periodic-1")
                    .runId(b.newExecutionRunId())
                    .build();
            assertEquals(3, (int) t.result(third, Integer.class));
            assertEquals(
                    second.runId(),
                    t.history(third)
                            .get(0)
                            .workflowExecutionStartedEventAttributes()
                            .continuedExecutionRunId());
            assertEquals(
                    WorkflowTesting.T0.plus(Duration.ofMinutes(30)),
                    t.closeEvent(third).eventTimestamp());
        }
    }
}
