package dev.weft.samples.local;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local activities and side effects. A local activity runs inside the decision task, on the
 * worker that decides, with no round trip through SWF: right for short, cheap calls such as a
 * price lookup. Its result is recorded in a marker, so replay reads it instead of calling again.
 * {@code Workflow.sideEffect} records any non-deterministic value (an id, a random pick) the same
 * way, and {@code Workflow.randomUUID()} is a deterministic UUID to begin with.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.local.LocalActivitySample}.
 */
public final class LocalActivitySample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "quotes";

    private LocalActivitySample() {}

    /**
     * A quote.
     *
     * @param quoteId the quote's id, made once and recorded
     * @param item the item
     * @param quantity how many
     * @param cents the price in all
     * @param reference a reference made with {@code Workflow.randomUUID()}
     */
    public record Quote(String quoteId, String item, int quantity, int cents, String reference) {}

    /** Quoting a price. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "10m")
    public interface Quoting {
        /**
         * Quotes a price.
         *
         * @param item the item
         * @param quantity how many
         * @return the quote
         */
        @WorkflowMethod
        Quote quote(String item, int quantity);
    }

    /** The price list: a quick, local lookup. */
    @Activities(version = "1", startToCloseTimeout = "10s")
    public interface PriceList {
        /**
         * The unit price of an item.
         *
         * @param item the item
         * @return the price in cents
         */
        int unitPrice(String item);
    }

    /** The workflow's code. */
    public static final class QuotingImpl implements Quoting {
        private final PriceList prices = dev.weft.workflow.Workflow.newLocalActivityStub(PriceList.class);

        @Override
        public Quote quote(String item, int quantity) {
            String quoteId = dev.weft.workflow.Workflow.sideEffect(String.class, () -> "Q-" + UUID.randomUUID());
            int unit = prices.unitPrice(item); // Runs in this decision; recorded in a marker.
            String reference = dev.weft.workflow.Workflow.randomUUID().toString();
            return new Quote(quoteId, item, quantity, unit * quantity, reference);
        }
    }

    /** A price list in memory that counts its lookups. */
    public static final class InMemoryPriceList implements PriceList {
        private static final Map<String, Integer> PRICES = Map.of("lamp", 2999, "chair", 8900);
        /** How many lookups there were. */
        public final AtomicInteger lookups = new AtomicInteger();

        @Override
        public int unitPrice(String item) {
            lookups.incrementAndGet();
            Integer p = PRICES.get(item);
            if (p == null) {
                throw new IllegalArgumentException("No price for " + item);
            }
            return p;
        }
    }

    /**
     * Quotes a price.
     *
     * @param client the workflow client
     * @param item the item
     * @param quantity how many
     * @return the quote
     */
    public static Quote run(WorkflowClient client, String item, int quantity) {
        return client.newWorkflowStub(Quoting.class).quote(item, quantity);
    }

    public static void main(String[] args) {
        InMemoryPriceList prices = new InMemoryPriceList();
        try (Samples.Connection c = Samples.connect()) {
            // The worker that runs the workflow runs its local activities: it is given the price list.
            c.startWorker(TASK_LIST, List.of(QuotingImpl.class), List.of(prices));
            System.out.println(run(c.client(), "lamp", 3));
            System.out.println(run(c.client(), "chair", 2));
            System.out.println(prices.lookups.get() + " price lookups, none through SWF's task lists");
        }
    }
}
