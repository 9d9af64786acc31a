package dev.weft.samples.manual;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCompletionClient;
import dev.weft.activity.ActivityExecutionContext;
import dev.weft.annotations.Activities;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import dev.weft.workflow.ActivityFailure;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Manual activity completion: an activity hands its task token to someone else (a person's
 * inbox, a callback from another system) and returns without completing; whoever holds the token
 * completes (or fails) the task later with {@link ActivityCompletionClient}, from any process.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.manual.ManualCompletionSample}.
 */
public final class ManualCompletionSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "expenses";

    private ManualCompletionSample() {}

    /**
     * A task waiting in someone's inbox.
     *
     * @param taskToken the activity task's token: what completes it
     * @param claim what is to be reviewed
     */
    public record InboxItem(String taskToken, String claim) {}

    /** An expense claim. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "7d")
    public interface ExpenseClaim {
        /**
         * Files a claim and waits for the reviewer's verdict.
         *
         * @param claim the claim
         * @return the verdict
         */
        @WorkflowMethod
        String file(String claim);
    }

    /** Asking a person. */
    @Activities(version = "1", startToCloseTimeout = "3d")
    public interface Review {
        /**
         * Puts the claim in the reviewer's inbox; the reviewer's answer completes the task.
         *
         * @param claim the claim
         * @return the verdict
         */
        String review(String claim);
    }

    /** The workflow's code: to it, the review is an ordinary activity. */
    public static final class ExpenseClaimImpl implements ExpenseClaim {
        private final Review review = dev.weft.workflow.Workflow.newActivityStub(Review.class);

        @Override
        public String file(String claim) {
            try {
                return "claim '" + claim + "': " + review.review(claim);
            } catch (ActivityFailure e) {
                return "claim '" + claim + "': rejected, " + e.getCause().getMessage();
            }
        }
    }

    /** Puts each review in an inbox and returns without completing it. */
    public static final class InboxReview implements Review {
        /** The reviewer's inbox. */
        public final BlockingQueue<InboxItem> inbox = new LinkedBlockingQueue<>();

        @Override
        public String review(String claim) {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            ctx.doNotCompleteOnReturn();
            inbox.add(new InboxItem(ctx.getTaskToken(), claim));
            return null; // Ignored: the reviewer completes the task.
        }
    }

    /**
     * The reviewer: answers the next claim in the inbox, approving claims under 100.
     *
     * @param swf the SWF client
     * @param inbox the inbox
     * @return what was decided
     * @throws InterruptedException if interrupted while waiting for a claim
     */
    public static String reviewNext(SwfClient swf, BlockingQueue<InboxItem> inbox) throws InterruptedException {
        InboxItem item = inbox.take();
        ActivityCompletionClient completions = ActivityCompletionClient.create(swf);
        int amount = Integer.parseInt(item.claim().replaceAll("\\D", ""));
        if (amount < 100) {
            completions.complete(item.taskToken(), "approved");
            return "approved " + item.claim();
        }
        completions.fail(item.taskToken(), new IllegalArgumentException("Claims of 100 or more need a receipt"));
        return "rejected " + item.claim();
    }

    /**
     * Files a claim and returns at once.
     *
     * @param client the workflow client
     * @param claim the claim
     * @return the execution
     */
    public static WorkflowExecution file(WorkflowClient client, String claim) {
        return WorkflowClient.start(client.newWorkflowStub(ExpenseClaim.class)::file, claim);
    }

    public static void main(String[] args) throws InterruptedException {
        InboxReview review = new InboxReview();
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(ExpenseClaimImpl.class), List.of(review));
            WorkflowClient client = c.client();
            WorkflowExecution taxi = file(client, "taxi 42");
            System.out.println("reviewer: " + reviewNext(c.swf(), review.inbox));
            System.out.println(
                    client.newUntypedStub(taxi.workflowId(), taxi.runId()).getResult(String.class));
            WorkflowExecution laptop = file(client, "laptop 1800");
            System.out.println("reviewer: " + reviewNext(c.swf(), review.inbox));
            System.out.println(
                    client.newUntypedStub(laptop.workflowId(), laptop.runId()).getResult(String.class));
        }
    }
}
