package dev.weft.samples.children;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class ChildWorkflowSampleTest {
    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(ChildWorkflowSample.TASK_LIST)
            .workflows(ChildWorkflowSample.SalesReportImpl.class, ChildWorkflowSample.RegionTotalImpl.class)
            .activities(new ChildWorkflowSample.FakeLedger())
            .build();

    @Test
    void eachRegionIsAChildAndTheParentCombinesThem(WorkflowClient client, TestWorkflowEnvironment env) {
        Map<String, Integer> totals = ChildWorkflowSample.run(client, List.of("ab", "c"));
        assertEquals(Map.of("ab", 97 + 98, "c", 99), totals);
        List<WorkflowExecution> runs = env.getExecutions();
        assertEquals(3, runs.size(), "the parent and two children");
        WorkflowExecution parent = runs.get(0);
        HistoryAssert.assertThat(env.getHistory(parent))
                .hasCount(EventType.START_CHILD_WORKFLOW_EXECUTION_INITIATED, 2)
                .hasChildStarted("RegionTotal")
                .hasCount(EventType.CHILD_WORKFLOW_EXECUTION_COMPLETED, 2)
                .hasNo(EventType.ACTIVITY_TASK_SCHEDULED);
        assertEquals(
                List.of(parent.workflowId() + "-ab", parent.workflowId() + "-c"),
                runs.subList(1, 3).stream()
                        .map(WorkflowExecution::workflowId)
                        .sorted()
                        .toList());
    }
}
