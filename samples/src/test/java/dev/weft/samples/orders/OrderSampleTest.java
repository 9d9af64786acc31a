package dev.weft.samples.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowFailedException;
import dev.weft.samples.orders.OrderSample.Order;
import dev.weft.samples.orders.OrderSample.OrderWorkflow;
import dev.weft.samples.orders.OrderSample.Outcome;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class OrderSampleTest {
    final OrderSample.InMemoryShop shop = new OrderSample.InMemoryShop();

    @RegisterExtension
    final dev.weft.testing.WeftExtension weft = dev.weft.testing.WeftExtension.newBuilder()
            .taskList(OrderSample.TASK_LIST)
            .workflows(OrderSample.OrderWorkflowImpl.class)
            .activities(shop)
            .build();

    @Test
    void theSampleRunsItsThreeOrders(WorkflowClient client) {
        List<String> lines = OrderSample.run(client);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).matches("A\\d+: shipped to 2 New Street \\(TRACK-A\\d+\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("B\\d+: canceled: found it cheaper"), lines.get(1));
        assertTrue(lines.get(2).matches("Order C\\d+ was rolled back: No carrier delivers to nowhere"), lines.get(2));
    }

    @Test
    void anAddressChangedWhilePackingIsWhereItShips(WorkflowClient client, TestWorkflowEnvironment env) {
        WorkflowExecution run = OrderSample.start(client, new Order("1", "lamp", 2, "1 Old Road"));
        client.newWorkflowStub(OrderWorkflow.class, run.workflowId()).changeAddress("2 New Street");
        Outcome out = client.newUntypedStub(run.workflowId(), run.runId()).getResult(Outcome.class);
        assertEquals(new Outcome("1", "shipped", "TRACK-1", "2 New Street"), out);
        assertEquals(List.of("reserve 2 lamp", "charge 1 2500", "ship 1 to 2 New Street"), shop.log);
        assertEquals(TestWorkflowEnvironment.DEFAULT_START.plus(OrderSample.PACKING_WINDOW), env.currentTime());
        HistoryAssert.assertThat(env.getHistory(run))
                .hasSignal("changeAddress", "2 New Street")
                .hasActivityScheduled("Shop.ship", "1", "2 New Street");
    }

    @Test
    void aCancellationUndoesTheChargeThenTheReservation(WorkflowClient client) {
        WorkflowExecution run = OrderSample.start(client, new Order("2", "chair", 4, "3 Elm Lane"));
        client.newWorkflowStub(OrderWorkflow.class, run.workflowId()).cancel("changed my mind");
        Outcome out = client.newUntypedStub(run.workflowId(), run.runId()).getResult(Outcome.class);
        assertEquals("canceled: changed my mind", out.status());
        assertEquals(List.of("reserve 4 chair", "charge 2 5000", "refund ch-2", "release res-chair"), shop.log);
        assertEquals(
                "canceled",
                client.newWorkflowStub(OrderWorkflow.class, run.workflowId()).phase());
    }

    @Test
    void aShipmentThatFailsRollsTheOrderBack(WorkflowClient client) {
        WorkflowExecution run = OrderSample.start(client, new Order("3", "desk", 1, "nowhere"));
        WorkflowFailedException e = assertThrows(
                WorkflowFailedException.class,
                () -> client.newUntypedStub(run.workflowId(), run.runId()).getResult(Outcome.class));
        assertEquals("OrderFailed", e.getReason());
        assertEquals(
                "Order 3 was rolled back: No carrier delivers to nowhere",
                e.getCause().getMessage());
        assertEquals(List.of("reserve 1 desk", "charge 3 1250", "refund ch-3", "release res-desk"), shop.log);
    }
}
