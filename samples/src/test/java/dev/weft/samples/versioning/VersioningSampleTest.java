package dev.weft.samples.versioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WorkflowReplayer;
import dev.weft.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Two deployments in one test: an environment of its own rather than the extension's single worker. */
@Timeout(60)
final class VersioningSampleTest {
    @Test
    void aRunningDeliveryKeepsItsBranchAndNewOnesTakeTheNewOne() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.create()) {
            WorkflowClient client = env.getWorkflowClient();
            Worker v1 = env.newWorker(VersioningSample.TASK_LIST)
                    .workflows(VersioningSample.DeliveryV1.class)
                    .activities(new VersioningSample.FakeCarrier())
                    .start();
            WorkflowExecution early = VersioningSample.start(client, "parcel-1");
            env.sleep(Duration.ZERO); // parcel-1 is labelled and waits for payment.
            v1.close();
            env.newWorker(VersioningSample.TASK_LIST)
                    .workflows(VersioningSample.DeliveryV2.class)
                    .activities(new VersioningSample.FakeCarrier())
                    .start();
            WorkflowExecution late = VersioningSample.start(client, "parcel-2");

            assertEquals("shipped OLD-parcel-1", VersioningSample.payAndWait(client, early));
            assertEquals("shipped NEW-parcel-2", VersioningSample.payAndWait(client, late));
            HistoryAssert.assertThat(env.getHistory(early))
                    .hasActivityScheduled("Carrier.oldLabel")
                    .hasNo(EventType.MARKER_RECORDED);
            HistoryAssert.assertThat(env.getHistory(late))
                    .hasActivityScheduled("Carrier.newLabel")
                    .hasCount(EventType.MARKER_RECORDED, 1);

            // Version 2's code replays both histories: that is what makes the deployment safe.
            WorkflowReplayer v2 = WorkflowReplayer.of(VersioningSample.DeliveryV2.class);
            v2.replay(early, env.getHistory(early));
            v2.replay(late, env.getHistory(late));
        }
    }
}
