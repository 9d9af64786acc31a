package dev.weft.samples.heartbeats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import dev.weft.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class HeartbeatSampleTest {
    private final List<Integer> progress = new CopyOnWriteArrayList<>();
    private volatile IntConsumer atChunk = n -> {};

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(HeartbeatSample.TASK_LIST)
            .workflows(HeartbeatSample.TranscodeImpl.class)
            .activities(new HeartbeatSample.SlowTranscoder(Duration.ZERO, n -> {
                progress.add(n);
                atChunk.accept(n);
            }))
            // Every heartbeat goes out at once, so that the test knows which one learns of the cancel.
            .workerOptions(WorkerOptions.newBuilder()
                    .maxHeartbeatInterval(Duration.ofNanos(1))
                    .build())
            .build();

    @Test
    void anUninterruptedTranscodingReportsEveryChunk(WorkflowClient client, TestWorkflowEnvironment env) {
        WorkflowExecution run = HeartbeatSample.start(client, "short.mov", 4);
        assertEquals(
                "transcoded all 4 chunks of short.mov",
                client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class));
        assertEquals(List.of(1, 2, 3, 4), progress);
    }

    @Test
    void stoppedHalfWayTheActivityEndsAtTheNextHeartbeat(WorkflowClient client, TestWorkflowEnvironment env) {
        WorkflowExecution[] run = new WorkflowExecution[1];
        atChunk = n -> {
            if (n == 5) {
                client.newWorkflowStub(HeartbeatSample.Transcode.class, run[0].workflowId())
                        .stop();
                // Wait until the workflow asked SWF to cancel the activity: the next heartbeat hears of it.
                while (env.getHistory(run[0]).stream()
                        .noneMatch(e -> e.eventType() == EventType.ACTIVITY_TASK_CANCEL_REQUESTED)) {
                    Thread.onSpinWait();
                }
            }
        };
        run[0] = HeartbeatSample.start(client, "holiday.mov", 10);
        assertEquals(
                "stopped holiday.mov at chunk 5 of 10",
                client.newUntypedStub(run[0].workflowId(), run[0].runId()).getResult(String.class));
        assertEquals(List.of(1, 2, 3, 4, 5), progress);
        assertEquals(
                "stopped",
                client.newWorkflowStub(HeartbeatSample.Transcode.class, run[0].workflowId())
                        .phase());
        HistoryAssert.assertThat(env.getHistory(run[0]))
                .hasSignal("stop")
                .hasInOrder(
                        EventType.WORKFLOW_EXECUTION_SIGNALED,
                        EventType.ACTIVITY_TASK_CANCEL_REQUESTED,
                        EventType.ACTIVITY_TASK_CANCELED,
                        EventType.WORKFLOW_EXECUTION_COMPLETED);
    }
}
