package dev.weft.samples.periodic;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowStartOptions;
import dev.weft.samples.Samples;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A periodic job with continue-as-new: every period the job runs once; after a few runs the
 * execution continues as a new run of itself, carrying its state in the arguments, so that no
 * history grows without bound however long the job lives. The workflow id stays the same.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.periodic.PeriodicJobSample}.
 */
public final class PeriodicJobSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "periodic";

    /** How many times one run does the job before it continues as new. */
    public static final int RUNS_PER_EXECUTION = 3;

    private PeriodicJobSample() {}

    /** A job that syncs a feed every period. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "30d")
    public interface FeedSync {
        /**
         * Syncs the feed {@code remaining} more times, {@code periodSeconds} apart.
         *
         * @param feed the feed
         * @param periodSeconds the period, in seconds
         * @param done how many syncs earlier runs did
         * @param remaining how many syncs are left
         * @return how many syncs there were in all
         */
        @WorkflowMethod
        int sync(String feed, long periodSeconds, int done, int remaining);
    }

    /** Syncing. */
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Feeds {
        /**
         * Fetches what is new in a feed.
         *
         * @param feed the feed
         * @param n which sync this is, from 1
         * @return how many items were new
         */
        int fetch(String feed, int n);
    }

    /** The workflow's code. */
    public static final class FeedSyncImpl implements FeedSync {
        private final Feeds feeds = dev.weft.workflow.Workflow.newActivityStub(Feeds.class);

        @Override
        public int sync(String feed, long periodSeconds, int done, int remaining) {
            for (int i = 0; i < RUNS_PER_EXECUTION && remaining > 0; i++) {
                dev.weft.workflow.Workflow.sleep(Duration.ofSeconds(periodSeconds));
                feeds.fetch(feed, ++done);
                remaining--;
            }
            if (remaining > 0) {
                throw dev.weft.workflow.Workflow.continueAsNew(feed, periodSeconds, done, remaining);
            }
            return done;
        }
    }

    /** A feed that always has one new item, and notes each fetch. */
    public static final class FakeFeeds implements Feeds {
        /** One line per fetch. */
        public final List<String> fetched = new CopyOnWriteArrayList<>();

        @Override
        public int fetch(String feed, int n) {
            fetched.add(feed + " #" + n);
            System.out.println("  synced " + feed + " (#" + n + ")");
            return 1;
        }
    }

    /**
     * Runs a job and waits for it, through all its runs.
     *
     * @param client the workflow client
     * @param workflowId the job's id, which every run keeps
     * @param period the period
     * @param times how many syncs in all
     * @return how many syncs there were
     */
    public static int run(WorkflowClient client, String workflowId, Duration period, int times) {
        FeedSync job = client.newWorkflowStub(
                FeedSync.class,
                WorkflowStartOptions.newBuilder().workflowId(workflowId).build());
        return job.sync("news", period.toSeconds(), 0, times);
    }

    public static void main(String[] args) {
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(FeedSyncImpl.class), List.of(new FakeFeeds()));
            String id = "feed-sync-" + System.nanoTime() % 100_000;
            System.out.println("synced " + run(c.client(), id, Duration.ofSeconds(1), 7) + " times in 3 runs of " + id);
        }
    }
}
