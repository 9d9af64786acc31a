package dev.weft.samples.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class ManualCompletionSampleTest {
    final ManualCompletionSample.InboxReview review = new ManualCompletionSample.InboxReview();

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(ManualCompletionSample.TASK_LIST)
            .workflows(ManualCompletionSample.ExpenseClaimImpl.class)
            .activities(review)
            .build();

    @Test
    void theReviewerCompletesTheTaskFromOutside(WorkflowClient client, TestWorkflowEnvironment env)
            throws InterruptedException {
        WorkflowExecution run = ManualCompletionSample.file(client, "taxi 42");
        assertEquals("approved taxi 42", ManualCompletionSample.reviewNext(env.getEngine(), review.inbox));
        assertEquals(
                "claim 'taxi 42': approved",
                client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class));
        HistoryAssert.assertThat(env.getHistory(run)).hasActivityCompleted("Review.review", "approved");
    }

    @Test
    void aRejectionFailsTheActivity(WorkflowClient client, TestWorkflowEnvironment env) throws InterruptedException {
        WorkflowExecution run = ManualCompletionSample.file(client, "laptop 1800");
        assertEquals("rejected laptop 1800", ManualCompletionSample.reviewNext(env.getEngine(), review.inbox));
        assertEquals(
                "claim 'laptop 1800': rejected, Claims of 100 or more need a receipt",
                client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class));
        HistoryAssert.assertThat(env.getHistory(run))
                .hasActivityFailed("Review.review", IllegalArgumentException.class.getName())
                .hasNo(EventType.ACTIVITY_TASK_TIMED_OUT);
    }
}
