package dev.weft.samples.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

final class FanOutSampleTest {
    final FanOutSample.FakeDocuments documents = new FanOutSample.FakeDocuments(Duration.ZERO);

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(FanOutSample.TASK_LIST)
            .workflows(FanOutSample.WordCountImpl.class)
            .activities(documents)
            .build();

    @Test
    void neverMoreThanTheLimitRunAtOnce(WorkflowClient client, TestWorkflowEnvironment env) {
        // doc-0 .. doc-9 have 5 characters, doc-10 .. doc-29 have 6.
        assertEquals(new FanOutSample.Summary(30, 10 * 5 + 20 * 6), FanOutSample.run(client, 30, 4));
        List<HistoryEvent> h = env.getHistory(env.getExecutions().get(0));
        int open = 0;
        int most = 0;
        for (HistoryEvent e : h) {
            switch (e.eventType()) {
                case ACTIVITY_TASK_SCHEDULED -> most = Math.max(most, ++open);
                case ACTIVITY_TASK_COMPLETED -> open--;
                default -> {}
            }
        }
        assertEquals(4, most, "the history never holds more than four counts open at once");
        assertTrue(documents.mostAtOnce.get() <= 4, "nor did the worker run more: " + documents.mostAtOnce);
    }
}
