package dev.weft.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;

final class LocalActivitySampleTest {
    final LocalActivitySample.InMemoryPriceList prices = new LocalActivitySample.InMemoryPriceList();

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(LocalActivitySample.TASK_LIST)
            .workflows(LocalActivitySample.QuotingImpl.class)
            .activities(prices)
            .build();

    @Test
    void theLookupAndTheIdAreRecordedAsMarkersNotActivityTasks(WorkflowClient client, TestWorkflowEnvironment env) {
        LocalActivitySample.Quote q = LocalActivitySample.run(client, "lamp", 3);
        assertEquals("lamp", q.item());
        assertEquals(3 * 2999, q.cents());
        assertTrue(q.quoteId().matches("Q-[0-9a-f-]{36}"), q.quoteId());
        assertEquals(1, prices.lookups.get());
        HistoryAssert.assertThat(env.getHistory(env.getExecutions().get(0)))
                .hasNo(EventType.ACTIVITY_TASK_SCHEDULED)
                .hasCount(EventType.MARKER_RECORDED, 2)
                .completedWith(q);
        // The extension replays the history after this test: the id and the price come from the
        // markers then, so the replay neither looks the price up again nor makes a new id.
    }
}
