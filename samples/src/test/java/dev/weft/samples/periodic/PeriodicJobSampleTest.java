package dev.weft.samples.periodic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class PeriodicJobSampleTest {
    final PeriodicJobSample.FakeFeeds feeds = new PeriodicJobSample.FakeFeeds();

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(PeriodicJobSample.TASK_LIST)
            .workflows(PeriodicJobSample.FeedSyncImpl.class)
            .activities(feeds)
            .build();

    @Test
    void anHourlyJobContinuesAsNewEveryThreeSyncs(WorkflowClient client, TestWorkflowEnvironment env) {
        assertEquals(7, PeriodicJobSample.run(client, "hourly", Duration.ofHours(1), 7));
        assertEquals(
                List.of("news #1", "news #2", "news #3", "news #4", "news #5", "news #6", "news #7"), feeds.fetched);
        assertEquals(TestWorkflowEnvironment.DEFAULT_START.plus(Duration.ofHours(7)), env.currentTime());
        List<WorkflowExecution> runs = env.getExecutions();
        assertEquals(
                List.of("hourly", "hourly", "hourly"),
                runs.stream().map(WorkflowExecution::workflowId).toList());
        HistoryAssert.assertThat(env.getHistory(runs.get(0)))
                .hasCount(EventType.TIMER_FIRED, 3)
                .closedWith(CloseStatus.CONTINUED_AS_NEW);
        HistoryAssert.assertThat(env.getHistory(runs.get(1))).closedWith(CloseStatus.CONTINUED_AS_NEW);
        HistoryAssert.assertThat(env.getHistory(runs.get(2)))
                .hasCount(EventType.TIMER_FIRED, 1)
                .completedWith(7);
    }
}
