package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Changing workflow code under running executions with getVersion. */
final class VersioningTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Shipping {
        String ground(String order);

        String air(String order);
    }

    public static final class ShippingImpl implements Shipping {
        @Override
        public String ground(String order) {
            return "ground " + order;
        }

        @Override
        public String air(String order) {
            return "air " + order;
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "30d")
    public interface Ship {
        @WorkflowMethod
        String ship(String order);
    }

    /** The code as first deployed. */
    public static final class V1 implements Ship {
        private final Shipping shipping = Workflow.newActivityStub(Shipping.class);

        @Override
        public String ship(String order) {
            String first = shipping.ground(order);
            Workflow.sleep(Duration.ofDays(1));
            return first + ", then " + shipping.ground(order + "-rest");
        }
    }

    /** Ships by air from now on; executions that shipped by ground keep doing so. */
    public static final class V2 implements Ship {
        private final Shipping shipping = Workflow.newActivityStub(Shipping.class);

        @Override
        public String ship(String order) {
            int v = Workflow.getVersion("air", Workflow.DEFAULT_VERSION, 1);
            String first = v == 1 ? shipping.air(order) : shipping.ground(order);
            Workflow.sleep(Duration.ofDays(1));
            return first + ", then " + (v == 1 ? shipping.air(order + "-rest") : shipping.ground(order + "-rest"));
        }
    }

    /** Drops the ground branch: only executions that recorded version 1 may run it. */
    public static final class V3 implements Ship {
        private final Shipping shipping = Workflow.newActivityStub(Shipping.class);

        @Override
        public String ship(String order) {
            Workflow.getVersion("air", 1, 1);
            String first = shipping.air(order);
            Workflow.sleep(Duration.ofDays(1));
            return first + ", then " + shipping.air(order + "-rest");
        }
    }

    @Test
    void runningExecutionsKeepTheirBranchAndNewOnesTakeTheNewOne() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(V1.class).activities(new ShippingImpl())) {
            WorkflowExecution old = t.start(Ship.class, "old", "o1");
            t.run(Duration.ZERO);
            t.redeploy(V2.class);
            WorkflowExecution fresh = t.start(Ship.class, "new", "o2");
            t.run();
            assertEquals("ground o1, then ground o1-rest", t.result(old, String.class));
            assertEquals("air o2, then air o2-rest", t.result(fresh, String.class));
            assertEquals(0, t.events(old, EventType.MARKER_RECORDED).size(), "the old run recorded no version");
            assertEquals(
                    List.of("MarkerRecorded weft-version {\"changeId\":\"air\",\"version\":1}"),
                    t.events(fresh, EventType.MARKER_RECORDED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ ", ""))
                            .toList());
            assertEquals(
                    5,
                    t.events(fresh, EventType.MARKER_RECORDED).get(0).eventId(),
                    "the marker is recorded where getVersion was called, before the first activity");
        }
    }

    @Test
    void codeThatDroppedABranchARunStillNeedsFailsItsDecisionTask() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(V1.class).activities(new ShippingImpl())) {
            WorkflowExecution old = t.start(Ship.class, "old", "o1");
            t.run(Duration.ZERO);
            t.redeploy(V3.class);
            t.run(Duration.ofDays(1));
            assertTrue(!t.decisionFailures.isEmpty());
            String message = t.decisionFailures.get(0).getMessage();
            assertEquals(
                    "[SWF-1102] Workflow Ship/1 (old/" + old.runId() + ") uses version -1 of change 'air', but this"
                            + " code supports versions 1 to 1. Keep the old branch until no execution that took it is"
                            + " open.",
                    message);
        }
    }
}
