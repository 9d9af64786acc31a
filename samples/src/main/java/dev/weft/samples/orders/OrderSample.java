package dev.weft.samples.orders;

import dev.weft.annotations.Activities;
import dev.weft.annotations.GetState;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowFailedException;
import dev.weft.client.WorkflowStartOptions;
import dev.weft.samples.Samples;
import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.Saga;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Order fulfilment: reserve stock, charge, wait out the packing window (during which the customer
 * may change the address or cancel, by signal), then ship. A cancellation or a failure undoes what
 * was done, in reverse order, with the {@link Saga} helper.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.orders.OrderSample}.
 */
public final class OrderSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "orders";

    private OrderSample() {}

    /**
     * An order.
     *
     * @param id the order's id
     * @param item what was ordered
     * @param quantity how many
     * @param address where to ship it
     */
    public record Order(String id, String item, int quantity, String address) {}

    /**
     * How an order ended.
     *
     * @param orderId the order
     * @param status {@code shipped} or {@code canceled: <reason>}
     * @param trackingNumber the parcel's, once shipped
     * @param shippedTo the address it went to, once shipped
     */
    public record Outcome(String orderId, String status, String trackingNumber, String shippedTo) {}

    /** The order's workflow. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "1d")
    public interface OrderWorkflow {
        /**
         * Fulfils an order.
         *
         * @param order the order
         * @return how it ended
         */
        @WorkflowMethod
        Outcome process(Order order);

        /**
         * Cancels the order, if it has not shipped.
         *
         * @param reason why
         */
        @SignalMethod
        void cancel(String reason);

        /**
         * Ships to another address, if it has not shipped.
         *
         * @param address the new address
         */
        @SignalMethod
        void changeAddress(String address);

        /**
         * Where the order is.
         *
         * @return the phase
         */
        @GetState
        String phase();
    }

    /** The shop's systems: stock, payments, shipping. */
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Shop {
        /**
         * Reserves stock.
         *
         * @param item the item
         * @param quantity how many
         * @return the reservation's id
         */
        String reserve(String item, int quantity);

        /**
         * Releases a reservation.
         *
         * @param reservation its id
         */
        void release(String reservation);

        /**
         * Charges the customer.
         *
         * @param orderId the order
         * @param cents how much
         * @return the charge's id
         */
        String charge(String orderId, int cents);

        /**
         * Refunds a charge.
         *
         * @param chargeId the charge
         */
        void refund(String chargeId);

        /**
         * Hands the parcel to the carrier.
         *
         * @param orderId the order
         * @param address where to
         * @return the tracking number
         */
        String ship(String orderId, String address);
    }

    /** How long the customer may still change or cancel an order once it is paid. */
    public static final Duration PACKING_WINDOW = Duration.ofSeconds(2);

    /** The workflow's code. */
    public static final class OrderWorkflowImpl implements OrderWorkflow {
        private final Shop shop = dev.weft.workflow.Workflow.newActivityStub(Shop.class);
        private String phase = "received";
        private String address;
        private String cancelReason;

        @Override
        public Outcome process(Order order) {
            address = address != null ? address : order.address();
            Saga saga = new Saga();
            try {
                phase = "reserving";
                String reservation = shop.reserve(order.item(), order.quantity());
                saga.addCompensation(shop::release, reservation);

                phase = "charging";
                String charge = shop.charge(order.id(), order.quantity() * 1250);
                saga.addCompensation(shop::refund, charge);

                phase = "packing";
                dev.weft.workflow.Workflow.await(PACKING_WINDOW, () -> cancelReason != null);
                if (cancelReason != null) {
                    saga.compensate();
                    phase = "canceled";
                    return new Outcome(order.id(), "canceled: " + cancelReason, null, null);
                }

                phase = "shipping";
                String tracking = shop.ship(order.id(), address);
                phase = "shipped";
                return new Outcome(order.id(), "shipped", tracking, address);
            } catch (ActivityFailure e) {
                saga.compensate();
                phase = "rolled back";
                throw ApplicationFailure.newFailure(
                        "Order " + order.id() + " was rolled back: "
                                + e.getCause().getMessage(),
                        "OrderFailed");
            }
        }

        @Override
        public void cancel(String reason) {
            if (!phase.equals("shipping") && !phase.equals("shipped")) {
                cancelReason = reason;
            }
        }

        @Override
        public void changeAddress(String newAddress) {
            if (!phase.equals("shipping") && !phase.equals("shipped")) {
                address = newAddress;
            }
        }

        @Override
        public String phase() {
            return phase;
        }
    }

    /** A shop in memory that logs what it does; shipping to "nowhere" fails. */
    public static final class InMemoryShop implements Shop {
        /** Everything the shop did, in order. */
        public final List<String> log = new CopyOnWriteArrayList<>();

        @Override
        public String reserve(String item, int quantity) {
            log.add("reserve " + quantity + " " + item);
            return "res-" + item;
        }

        @Override
        public void release(String reservation) {
            log.add("release " + reservation);
        }

        @Override
        public String charge(String orderId, int cents) {
            log.add("charge " + orderId + " " + cents);
            return "ch-" + orderId;
        }

        @Override
        public void refund(String chargeId) {
            log.add("refund " + chargeId);
        }

        @Override
        public String ship(String orderId, String address) {
            if (address.equals("nowhere")) {
                throw new IllegalArgumentException("No carrier delivers to " + address);
            }
            log.add("ship " + orderId + " to " + address);
            return "TRACK-" + orderId;
        }
    }

    /**
     * Starts an order and returns its execution at once.
     *
     * @param client the workflow client
     * @param order the order
     * @return the execution (its workflow id is the order's id)
     */
    public static WorkflowExecution start(WorkflowClient client, Order order) {
        OrderWorkflow workflow = client.newWorkflowStub(
                OrderWorkflow.class,
                WorkflowStartOptions.newBuilder()
                        .workflowId("order-" + order.id())
                        .build());
        return WorkflowClient.start(workflow::process, order);
    }

    /**
     * Runs three orders: one whose address changes, one canceled while packing, one that cannot
     * ship and is rolled back.
     *
     * @param client the workflow client
     * @return a line per order
     */
    public static List<String> run(WorkflowClient client) {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        WorkflowExecution moved = start(client, new Order("A" + suffix, "lamp", 1, "1 Old Road"));
        client.newWorkflowStub(OrderWorkflow.class, moved.workflowId()).changeAddress("2 New Street");
        WorkflowExecution canceled = start(client, new Order("B" + suffix, "chair", 4, "3 Elm Lane"));
        client.newWorkflowStub(OrderWorkflow.class, canceled.workflowId()).cancel("found it cheaper");
        WorkflowExecution failing = start(client, new Order("C" + suffix, "desk", 1, "nowhere"));

        Outcome a = client.newUntypedStub(moved.workflowId(), moved.runId()).getResult(Outcome.class);
        Outcome b =
                client.newUntypedStub(canceled.workflowId(), canceled.runId()).getResult(Outcome.class);
        String c;
        try {
            client.newUntypedStub(failing.workflowId(), failing.runId()).getResult(Outcome.class);
            c = "unexpectedly shipped";
        } catch (WorkflowFailedException e) {
            c = e.getCause().getMessage();
        }
        return List.of(
                a.orderId() + ": " + a.status() + " to " + a.shippedTo() + " (" + a.trackingNumber() + ")",
                b.orderId() + ": " + b.status(),
                c);
    }

    public static void main(String[] args) {
        InMemoryShop shop = new InMemoryShop();
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(OrderWorkflowImpl.class), List.of(shop));
            run(c.client()).forEach(System.out::println);
        }
        System.out.println("the shop did:");
        shop.log.forEach(line -> System.out.println("  " + line));
    }
}
