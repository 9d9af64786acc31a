package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

@Timeout(60)
final class HistoryAssertTest {
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.create();

    @AfterEach
    void close() {
        env.close();
    }

    private List<HistoryEvent> roundsHistory() {
        env.newWorker("test")
                .workflows(Flows.RoundsImpl.class)
                .activities((Flows.Steps) name -> "did " + name)
                .start();
        Flows.Rounds rounds = env.getWorkflowClient().newWorkflowStub(Flows.Rounds.class);
        rounds.run();
        return env.getHistory(WorkflowClient.toUntyped(rounds).getExecution());
    }

    @Test
    void checksPassOnWhatHappened() {
        HistoryAssert.assertThat(roundsHistory())
                .hasActivityScheduled("Steps.step")
                .hasActivityScheduled("Steps.step", "round 2")
                .hasActivityCompleted("Steps.step", "did round 3")
                .hasTimerStarted(Duration.ofMinutes(10))
                .hasTimerFired()
                .hasCount(EventType.TIMER_FIRED, 3)
                .hasNo(EventType.ACTIVITY_TASK_FAILED)
                .hasInOrder(EventType.TIMER_FIRED, EventType.ACTIVITY_TASK_SCHEDULED, EventType.TIMER_STARTED)
                .closedWith(CloseStatus.COMPLETED)
                .completedWith(List.of("did round 1", "did round 2", "did round 3"));
    }

    @Test
    void aFailedCheckSaysWhatWasExpectedAndPrintsTheHistory() {
        List<HistoryEvent> h = roundsHistory();
        AssertionError e = assertThrows(
                AssertionError.class, () -> HistoryAssert.assertThat(h).hasActivityScheduled("Steps.step", "round 4"));
        String[] lines = e.getMessage().split("\n", -1);
        assertEquals(
                "Expected an ActivityTaskScheduled for Steps.step with input [\"round 4\"], but there is none. The"
                        + " history:",
                lines[0]);
        assertEquals("  1 WorkflowExecutionStarted Rounds/1 input=null", lines[1]);
        assertEquals("  5 TimerStarted id=t1 600s", lines[5]);
        assertEquals(h.size() + 1, lines.length, "one line per event");

        AssertionError status = assertThrows(
                AssertionError.class, () -> HistoryAssert.assertThat(h).closedWith(CloseStatus.FAILED));
        assertEquals(
                "Expected the execution closed FAILED, but it closed COMPLETED. The history:",
                status.getMessage().split("\n", -1)[0]);
        AssertionError result = assertThrows(
                AssertionError.class, () -> HistoryAssert.assertThat(h).completedWith(List.of("other")));
        assertEquals(
                "Expected the execution completed with [\"other\"], but its result is [\"did round 1\",\"did round"
                        + " 2\",\"did round 3\"]. The history:",
                result.getMessage().split("\n", -1)[0]);
        AssertionError order = assertThrows(
                AssertionError.class,
                () -> HistoryAssert.assertThat(h)
                        .hasInOrder(EventType.WORKFLOW_EXECUTION_COMPLETED, EventType.TIMER_STARTED));
        assertEquals(
                "Expected events in the order [WorkflowExecutionCompleted, TimerStarted], but found no TimerStarted"
                        + " after the WorkflowExecutionCompleted matched. The history:",
                order.getMessage().split("\n", -1)[0]);
    }
}
