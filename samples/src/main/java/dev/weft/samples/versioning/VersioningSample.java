package dev.weft.samples.versioning;

import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import dev.weft.worker.Worker;
import dev.weft.worker.WorkerOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Versioning a running workflow with {@code Workflow.getVersion}: version 1 of a delivery labels
 * parcels with the old carrier API; version 2 switches to the new API. A delivery that version 1
 * started, and that labelled its parcel the old way, finishes on version 2's code along the old
 * branch (replay must make the decisions its history holds); deliveries started after the switch
 * take the new branch.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.versioning.VersioningSample}.
 */
public final class VersioningSample {
    /** The task list the sample's workers poll. */
    public static final String TASK_LIST = "delivery";

    private VersioningSample() {}

    /** A delivery: label the parcel, wait for payment, ship. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "7d")
    public interface Delivery {
        /**
         * Delivers a parcel once paid.
         *
         * @param parcel the parcel
         * @return how it shipped
         */
        @WorkflowMethod
        String deliver(String parcel);

        /** The parcel is paid for. */
        @SignalMethod
        void paid();
    }

    /** The carrier. */
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Carrier {
        /**
         * Labels a parcel with the old API.
         *
         * @param parcel the parcel
         * @return the label
         */
        String oldLabel(String parcel);

        /**
         * Labels a parcel with the new API.
         *
         * @param parcel the parcel
         * @return the label
         */
        String newLabel(String parcel);

        /**
         * Ships a labelled parcel.
         *
         * @param label the label
         * @return the tracking line
         */
        String ship(String label);
    }

    /** Version 1: the old labels. */
    public static final class DeliveryV1 implements Delivery {
        private final Carrier carrier = dev.weft.workflow.Workflow.newActivityStub(Carrier.class);
        private boolean paid;

        @Override
        public String deliver(String parcel) {
            String label = carrier.oldLabel(parcel);
            dev.weft.workflow.Workflow.await(() -> paid);
            return carrier.ship(label);
        }

        @Override
        public void paid() {
            paid = true;
        }
    }

    /** Version 2: new labels for new deliveries; running ones keep the branch they took. */
    public static final class DeliveryV2 implements Delivery {
        private final Carrier carrier = dev.weft.workflow.Workflow.newActivityStub(Carrier.class);
        private boolean paid;

        @Override
        public String deliver(String parcel) {
            int v = dev.weft.workflow.Workflow.getVersion(
                    "new-label-api", dev.weft.workflow.Workflow.DEFAULT_VERSION, 1);
            String label = v == 1 ? carrier.newLabel(parcel) : carrier.oldLabel(parcel);
            dev.weft.workflow.Workflow.await(() -> paid);
            return carrier.ship(label);
        }

        @Override
        public void paid() {
            paid = true;
        }
    }

    /** A carrier whose labels say which API made them. */
    public static final class FakeCarrier implements Carrier {
        /** Counted down by the first label made (old or new). */
        public final CountDownLatch labelled = new CountDownLatch(1);

        @Override
        public String oldLabel(String parcel) {
            labelled.countDown();
            return "OLD-" + parcel;
        }

        @Override
        public String newLabel(String parcel) {
            labelled.countDown();
            return "NEW-" + parcel;
        }

        @Override
        public String ship(String label) {
            return "shipped " + label;
        }
    }

    /** No workflow cache: when a worker stops, its executions' next decisions go straight to the others. */
    public static final WorkerOptions NO_CACHE =
            WorkerOptions.newBuilder().workflowCacheSize(0).build();

    /**
     * Starts a delivery.
     *
     * @param client the workflow client
     * @param parcel the parcel
     * @return the execution
     */
    public static WorkflowExecution start(WorkflowClient client, String parcel) {
        return WorkflowClient.start(client.newWorkflowStub(Delivery.class)::deliver, parcel);
    }

    /**
     * Pays for a delivery and waits for it to ship.
     *
     * @param client the workflow client
     * @param run the delivery
     * @return how it shipped
     */
    public static String payAndWait(WorkflowClient client, WorkflowExecution run) {
        client.newWorkflowStub(Delivery.class, run.workflowId()).paid();
        return client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class);
    }

    public static void main(String[] args) throws InterruptedException {
        try (Samples.Connection c = Samples.connect()) {
            WorkflowClient client = c.client();
            FakeCarrier v1Carrier = new FakeCarrier();
            Worker v1 = c.startWorker(TASK_LIST, List.of(DeliveryV1.class), List.of(v1Carrier), NO_CACHE);
            WorkflowExecution early = start(client, "parcel-1");
            v1Carrier.labelled.await(); // Until parcel-1 has its old label.
            System.out.println("parcel-1 labelled by version 1; deploying version 2");
            v1.close();
            c.startWorker(TASK_LIST, List.of(DeliveryV2.class), List.of(new FakeCarrier()), NO_CACHE);
            WorkflowExecution late = start(client, "parcel-2");
            System.out.println("parcel-1: " + payAndWait(client, early));
            System.out.println("parcel-2: " + payAndWait(client, late));
        }
    }
}
