package dev.weft.samples.heartbeats;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityExecutionContext;
import dev.weft.annotations.Activities;
import dev.weft.annotations.GetState;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import dev.weft.worker.WorkerOptions;
import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.ActivityOptions;
import dev.weft.workflow.Async;
import dev.weft.workflow.CanceledFailure;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.Promise;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * A long activity with heartbeats: it reports its progress with each heartbeat (SWF keeps the
 * latest details, shown by DescribeWorkflowExecution and in a heartbeat timeout's event), and it
 * learns of a cancellation from the answer to a heartbeat. The workflow runs it in a cancellation scope and cancels the scope when
 * told to stop; the activity stops half-way and says how far it got.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.heartbeats.HeartbeatSample}.
 */
public final class HeartbeatSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "transcoding";

    private HeartbeatSample() {}

    /** Transcodes a video, and can be told to stop. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "1h")
    public interface Transcode {
        /**
         * Transcodes a video.
         *
         * @param video the video
         * @param chunks how many chunks it has
         * @return how it ended
         */
        @WorkflowMethod
        String run(String video, int chunks);

        /** Stops the transcoding where it is. */
        @SignalMethod
        void stop();

        /**
         * What the workflow is doing.
         *
         * @return the phase
         */
        @GetState
        String phase();
    }

    /** The transcoder. */
    @Activities(version = "1", startToCloseTimeout = "1h", heartbeatTimeout = "30s")
    public interface Transcoder {
        /**
         * Transcodes every chunk, heartbeating the count done after each.
         *
         * @param video the video
         * @param chunks how many chunks
         * @return the chunks done
         */
        int transcode(String video, int chunks);
    }

    /** The workflow's code. */
    public static final class TranscodeImpl implements Transcode {
        // Waits for the activity to acknowledge a cancellation, to learn how far it got.
        private final Transcoder transcoder = dev.weft.workflow.Workflow.newActivityStub(
                Transcoder.class,
                ActivityOptions.newBuilder().waitForCancellation(true).build());
        private CancellationScope scope;
        private String phase = "starting";

        @Override
        public String run(String video, int chunks) {
            Promise<Integer>[] done = newPromiseHolder();
            scope = dev.weft.workflow.Workflow.newCancellationScope(
                    () -> done[0] = Async.function(transcoder::transcode, video, chunks));
            scope.run();
            phase = "transcoding";
            try {
                int n = done[0].get();
                phase = "done";
                return "transcoded all " + n + " chunks of " + video;
            } catch (ActivityFailure e) {
                if (!(e.getCause() instanceof CanceledFailure c)) {
                    throw e;
                }
                phase = "stopped";
                return "stopped " + video + " at chunk " + c.getDetails() + " of " + chunks;
            }
        }

        @Override
        public void stop() {
            if (scope != null) {
                scope.cancel("asked to stop");
            }
        }

        @Override
        public String phase() {
            return phase;
        }

        @SuppressWarnings("unchecked")
        private static Promise<Integer>[] newPromiseHolder() {
            return (Promise<Integer>[]) new Promise<?>[1];
        }
    }

    /** A transcoder that takes a moment per chunk and tells {@code progress} after each. */
    public static final class SlowTranscoder implements Transcoder {
        private final Duration perChunk;
        private final IntConsumer progress;

        /**
         * A transcoder.
         *
         * @param perChunk how long each chunk takes
         * @param progress told the count of chunks done, after each
         */
        public SlowTranscoder(Duration perChunk, IntConsumer progress) {
            this.perChunk = perChunk;
            this.progress = progress;
        }

        @Override
        public int transcode(String video, int chunks) {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            for (int done = 0; done < chunks; ) {
                try {
                    if (!perChunk.isZero()) {
                        Thread.sleep(perChunk.toMillis()); // The work of one chunk.
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                done++;
                progress.accept(done);
                try {
                    ctx.heartbeat(done); // Throws once the workflow asked to cancel.
                } catch (ActivityCanceledException e) {
                    throw new ActivityCanceledException(Integer.toString(done));
                }
            }
            return chunks;
        }
    }

    /** Worker options with heartbeats sent at most every 100 ms (the default follows the timeout). */
    public static final WorkerOptions OPTIONS = WorkerOptions.newBuilder()
            .maxHeartbeatInterval(Duration.ofMillis(100))
            .build();

    /**
     * Starts a transcoding.
     *
     * @param client the workflow client
     * @param video the video
     * @param chunks how many chunks
     * @return the execution
     */
    public static WorkflowExecution start(WorkflowClient client, String video, int chunks) {
        return WorkflowClient.start(client.newWorkflowStub(Transcode.class)::run, video, chunks);
    }

    public static void main(String[] args) {
        try (Samples.Connection c = Samples.connect()) {
            WorkflowClient client = c.client();
            WorkflowExecution[] run = new WorkflowExecution[1];
            IntConsumer progress = done -> {
                System.out.println("  " + done + " of 10 chunks");
                if (done == 5) {
                    System.out.println("  asking the workflow to stop");
                    client.newWorkflowStub(Transcode.class, run[0].workflowId()).stop();
                }
            };
            c.startWorker(
                    TASK_LIST,
                    List.of(TranscodeImpl.class),
                    List.of(new SlowTranscoder(Duration.ofMillis(150), progress)),
                    OPTIONS);
            run[0] = start(client, "holiday.mov", 10);
            System.out.println(
                    client.newUntypedStub(run[0].workflowId(), run[0].runId()).getResult(String.class));
        }
    }
}
