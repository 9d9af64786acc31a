package dev.weft.samples.fanout;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import dev.weft.workflow.Async;
import dev.weft.workflow.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out/fan-in with bounded parallelism: one activity per item, never more than a given number
 * running at once, and the results combined when all are in.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.fanout.FanOutSample}.
 */
public final class FanOutSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "fanout";

    private FanOutSample() {}

    /**
     * What a batch came to.
     *
     * @param items how many items
     * @param totalWords the words in all of them
     */
    public record Summary(int items, int totalWords) {}

    /** Counts words in many documents, a few at a time. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "1h")
    public interface WordCount {
        /**
         * Counts the words of every document.
         *
         * @param documents the documents' names
         * @param parallelism how many to count at once, at most
         * @return the summary
         */
        @WorkflowMethod
        Summary count(List<String> documents, int parallelism);
    }

    /** Reading documents. */
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Documents {
        /**
         * Counts the words of one document.
         *
         * @param name the document
         * @return its word count
         */
        int words(String name);
    }

    /** The workflow's code. */
    public static final class WordCountImpl implements WordCount {
        private final Documents documents = dev.weft.workflow.Workflow.newActivityStub(Documents.class);

        @Override
        public Summary count(List<String> names, int parallelism) {
            List<Promise<Integer>> all = new ArrayList<>();
            List<Promise<Integer>> running = new ArrayList<>();
            for (String name : names) {
                if (running.size() == parallelism) {
                    Promise.anyOf(running).get(); // Wait for a slot.
                    running.removeIf(Promise::isDone);
                }
                Promise<Integer> p = Async.function(documents::words, name);
                running.add(p);
                all.add(p);
            }
            Promise.allOf(all).get();
            int total = 0;
            for (Promise<Integer> p : all) {
                total += p.get();
            }
            return new Summary(names.size(), total);
        }
    }

    /** Documents whose word count is the length of their name; notes the most counted at once. */
    public static final class FakeDocuments implements Documents {
        private final AtomicInteger now = new AtomicInteger();
        private final Duration reading;
        /** The most counts that ran at once. */
        public final AtomicInteger mostAtOnce = new AtomicInteger();

        /** Documents that take 20 ms each to read. */
        public FakeDocuments() {
            this(Duration.ofMillis(20));
        }

        /**
         * Documents that take {@code reading} each to read.
         *
         * @param reading how long one takes
         */
        public FakeDocuments(Duration reading) {
            this.reading = reading;
        }

        @Override
        public int words(String name) {
            int n = now.incrementAndGet();
            mostAtOnce.accumulateAndGet(n, Math::max);
            try {
                if (!reading.isZero()) {
                    Thread.sleep(reading.toMillis()); // Reading takes a while.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                now.decrementAndGet();
            }
            return name.length();
        }
    }

    /**
     * Counts {@code n} documents, {@code parallelism} at a time.
     *
     * @param client the workflow client
     * @param n how many documents
     * @param parallelism how many at once
     * @return the summary
     */
    public static Summary run(WorkflowClient client, int n, int parallelism) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("doc-" + i);
        }
        return client.newWorkflowStub(WordCount.class).count(names, parallelism);
    }

    public static void main(String[] args) {
        FakeDocuments documents = new FakeDocuments();
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(WordCountImpl.class), List.of(documents));
            Summary s = run(c.client(), 40, 5);
            System.out.println(s.items() + " documents, " + s.totalWords() + " words; at most "
                    + documents.mostAtOnce.get() + " counted at once (the limit is 5)");
        }
    }
}
