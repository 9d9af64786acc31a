package dev.weft.samples;

import dev.weft.client.WorkflowClient;
import dev.weft.engine.SwfEngine;
import dev.weft.samples.approval.ImagePipeline;
import dev.weft.samples.approval.ImagePipelineImpl;
import dev.weft.samples.approval.ImagePipelineSample;
import dev.weft.samples.approval.SimulatedImageBuilder;
import dev.weft.samples.children.ChildWorkflowSample;
import dev.weft.samples.fanout.FanOutSample;
import dev.weft.samples.heartbeats.HeartbeatSample;
import dev.weft.samples.hello.HelloSample;
import dev.weft.samples.lambda.LambdaSample;
import dev.weft.samples.local.LocalActivitySample;
import dev.weft.samples.manual.ManualCompletionSample;
import dev.weft.samples.orders.OrderSample;
import dev.weft.samples.periodic.PeriodicJobSample;
import dev.weft.samples.reminders.ReminderSample;
import dev.weft.samples.versioning.VersioningSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * The sample fleet: every sample's workers in one process, every sample run at once through one
 * client, then a burst of workflows with progress and a rate. What {@code ./mvnw -q package
 * -Psample -DskipTests} runs.
 */
public final class SampleFleet {
    /** How many workflows the burst runs. */
    static final int BURST = 500;

    private SampleFleet() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (Samples.Connection c = Samples.connect()) {
            Map<String, List<String>> results = runAll(c);
            results.forEach((sample, lines) -> {
                System.out.println(sample);
                lines.forEach(l -> System.out.println("  " + l));
            });
            burst(c.client(), BURST);
        }
        System.out.printf("all done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Starts every sample's worker and runs every sample, at once; each sample's lines, in order. */
    static Map<String, List<String>> runAll(Samples.Connection c) throws Exception {
        WorkflowClient client = c.client();
        ManualCompletionSample.InboxReview inbox = new ManualCompletionSample.InboxReview();
        WorkflowExecution[] transcoding = new WorkflowExecution[1];
        IntConsumer stopAtHalf = done -> {
            if (done == 5) {
                client.newWorkflowStub(HeartbeatSample.Transcode.class, transcoding[0].workflowId())
                        .stop();
            }
        };
        if (c.swf() instanceof SwfEngine engine) {
            engine.registerLambdaFunction(LambdaSample.FUNCTION, LambdaSample.THUMBNAIL_SIZE);
        }
        c.startWorker(
                HelloSample.TASK_LIST,
                List.of(HelloSample.GreeterImpl.class),
                List.of(new HelloSample.GreetingsImpl()));
        c.startWorker(
                OrderSample.TASK_LIST,
                List.of(OrderSample.OrderWorkflowImpl.class),
                List.of(new OrderSample.InMemoryShop()));
        c.startWorker(
                FanOutSample.TASK_LIST,
                List.of(FanOutSample.WordCountImpl.class),
                List.of(new FanOutSample.FakeDocuments()));
        c.startWorker(
                ChildWorkflowSample.TASK_LIST,
                List.of(ChildWorkflowSample.SalesReportImpl.class, ChildWorkflowSample.RegionTotalImpl.class),
                List.of(new ChildWorkflowSample.FakeLedger()));
        c.startWorker(
                ReminderSample.TASK_LIST, List.of(ReminderSample.ReminderImpl.class), List.of((ReminderSample.Notifier)
                        (what, n) -> {}));
        c.startWorker(
                HeartbeatSample.TASK_LIST,
                List.of(HeartbeatSample.TranscodeImpl.class),
                List.of(new HeartbeatSample.SlowTranscoder(Duration.ofMillis(100), stopAtHalf)),
                HeartbeatSample.OPTIONS);
        c.startWorker(
                ManualCompletionSample.TASK_LIST,
                List.of(ManualCompletionSample.ExpenseClaimImpl.class),
                List.of(inbox));
        c.startWorker(
                PeriodicJobSample.TASK_LIST,
                List.of(PeriodicJobSample.FeedSyncImpl.class),
                List.of((PeriodicJobSample.Feeds) (feed, n) -> 1));
        c.startWorker(
                VersioningSample.TASK_LIST,
                List.of(VersioningSample.DeliveryV2.class),
                List.of(new VersioningSample.FakeCarrier()));
        c.startWorker(
                ImagePipelineSample.TASK_LIST, List.of(ImagePipelineImpl.class), List.of(new SimulatedImageBuilder()));
        c.startWorker(
                LocalActivitySample.TASK_LIST,
                List.of(LocalActivitySample.QuotingImpl.class),
                List.of(new LocalActivitySample.InMemoryPriceList()));
        c.startWorker(LambdaSample.TASK_LIST, List.of(LambdaSample.ThumbnailsImpl.class), List.of());

        String id = Long.toString(System.nanoTime() % 1_000_000);
        Map<String, Supplier<List<String>>> samples = new LinkedHashMap<>();
        samples.put("hello", () -> List.of(HelloSample.run(client, "World")));
        samples.put("orders", () -> OrderSample.run(client));
        samples.put(
                "fan-out/fan-in", () -> List.of(FanOutSample.run(client, 40, 5).toString()));
        samples.put(
                "child workflows",
                () -> List.of(ChildWorkflowSample.run(client, List.of("north", "south", "east", "west"))
                        .toString()));
        samples.put("timers and reminders", () -> {
            WorkflowExecution r = ReminderSample.start(client, "water the plants", Duration.ofSeconds(1), 2);
            return List.of(client.newUntypedStub(r.workflowId(), r.runId()).getResult(String.class));
        });
        samples.put("heartbeats, cancelled half-way", () -> {
            transcoding[0] = HeartbeatSample.start(client, "holiday.mov", 10);
            return List.of(client.newUntypedStub(transcoding[0].workflowId(), transcoding[0].runId())
                    .getResult(String.class));
        });
        samples.put("manual completion", () -> {
            WorkflowExecution claim = ManualCompletionSample.file(client, "taxi 42");
            try {
                String reviewer = ManualCompletionSample.reviewNext(c.swf(), inbox.inbox);
                return List.of(
                        "reviewer " + reviewer,
                        client.newUntypedStub(claim.workflowId(), claim.runId()).getResult(String.class));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        samples.put(
                "continue-as-new",
                () -> List.of("synced " + PeriodicJobSample.run(client, "feed-sync-" + id, Duration.ofSeconds(1), 4)
                        + " times"));
        samples.put("versioning", () -> {
            WorkflowExecution d = VersioningSample.start(client, "parcel-" + id);
            return List.of(VersioningSample.payAndWait(client, d));
        });
        samples.put("approval pipeline", () -> {
            try {
                List<String> lines = new ArrayList<>();
                ImagePipeline.Release r = ImagePipelineSample.approve(
                        client, ImagePipelineSample.recipe("web-" + id), "release board", lines::add);
                lines.add(
                        "released " + r.imageId() + " to " + r.regionalImages().keySet());
                return lines;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(e);
            }
        });
        samples.put(
                "local activities and side effects",
                () -> List.of(LocalActivitySample.run(client, "lamp", 3).toString()));
        if (c.swf() instanceof SwfEngine) {
            samples.put(
                    "Lambda task",
                    () -> List.of("1920x1080 -> " + LambdaSample.run(client, new LambdaSample.Size(1920, 1080))));
        } else {
            samples.put(
                    "Lambda task",
                    () -> List.of("skipped: it needs the Lambda function " + LambdaSample.FUNCTION
                            + " and an IAM role for SWF to call it (see LambdaSample)"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(samples.size());
        try {
            Map<String, CompletableFuture<List<String>>> running = new LinkedHashMap<>();
            samples.forEach((name, s) -> running.put(name, CompletableFuture.supplyAsync(s, pool)));
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (var e : running.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code n} greetings at once, printing how many have finished, with a rate. */
    static void burst(WorkflowClient client, int n) {
        System.out.println("burst: " + n + " greeting workflows");
        long start = System.nanoTime();
        List<WorkflowExecution> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(WorkflowClient.start(client.newWorkflowStub(HelloSample.Greeter.class)::greet, "guest " + i));
        }
        int finished = 0;
        for (WorkflowExecution r : runs) {
            client.newUntypedStub(r.workflowId(), r.runId()).getResult(String.class);
            finished++;
            if (finished % (n / 5) == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %d/%d finished, %.0f workflows/s%n", finished, n, finished / seconds);
            }
        }
    }
}
