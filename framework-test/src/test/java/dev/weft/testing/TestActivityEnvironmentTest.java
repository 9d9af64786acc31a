package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityExecutionContext;
import dev.weft.annotations.Activities;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class TestActivityEnvironmentTest {
    public record Part(String name, int size) {}

    @Activities(version = "1", startToCloseTimeout = "1h", heartbeatTimeout = "1m")
    public interface Uploads {
        /** Uploads parts from where an earlier attempt stopped, heartbeating the index of each. */
        int upload(List<Part> parts);

        Part echo(Part p);

        String whoAmI();

        void later();
    }

    static final class UploadsImpl implements Uploads {
        @Override
        public int upload(List<Part> parts) {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            Integer done = ctx.getLastHeartbeatDetails(Integer.class);
            int from = done == null ? 0 : done + 1;
            int bytes = 0;
            for (int i = from; i < parts.size(); i++) {
                bytes += parts.get(i).size();
                ctx.heartbeat(i);
            }
            return bytes;
        }

        @Override
        public Part echo(Part p) {
            return p;
        }

        @Override
        public String whoAmI() {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            return ctx.getTaskToken() + " " + ctx.getActivityType().name() + "/"
                    + ctx.getActivityType().version()
                    + " " + ctx.getActivityId() + " of "
                    + ctx.getWorkflowExecution().workflowId() + " in "
                    + ctx.getDomain();
        }

        @Override
        public void later() {
            Activity.getExecutionContext().doNotCompleteOnReturn();
        }
    }

    private static final List<Part> PARTS = List.of(new Part("a", 10), new Part("b", 20), new Part("c", 30));

    @Test
    void heartbeatsAreCapturedInOrder() {
        TestActivityEnvironment env = TestActivityEnvironment.create();
        Uploads uploads = env.newActivityStub(Uploads.class, new UploadsImpl());
        assertEquals(60, uploads.upload(PARTS));
        assertEquals(List.of(0, 1, 2), env.getHeartbeats(Integer.class));
    }

    @Test
    void aCancellationRequestedAtAHeartbeatEndsTheActivityThere() {
        TestActivityEnvironment env = TestActivityEnvironment.create();
        env.onHeartbeat(details -> {
            if (Integer.valueOf(1).equals(details)) {
                env.requestCancellation();
            }
        });
        Uploads uploads = env.newActivityStub(Uploads.class, new UploadsImpl());
        ActivityCanceledException e = assertThrows(ActivityCanceledException.class, () -> uploads.upload(PARTS));
        assertEquals("Activity Uploads.upload (1) of test-workflow was asked to cancel", e.getMessage());
        assertEquals(List.of(0, 1), env.getHeartbeats(Integer.class), "no part after the cancellation");
    }

    @Test
    void anEarlierAttemptsDetailsLetTheActivityResume() {
        TestActivityEnvironment env = TestActivityEnvironment.create();
        env.setLastHeartbeatDetails(0);
        assertEquals(50, env.newActivityStub(Uploads.class, new UploadsImpl()).upload(PARTS));
        assertEquals(List.of(1, 2), env.getHeartbeats(Integer.class));
    }

    @Test
    void theContextReportsWhatTheBuilderSet() {
        TestActivityEnvironment env = TestActivityEnvironment.newBuilder()
                .taskToken("token-7")
                .activityId("42")
                .domain("orders")
                .workflowExecution(WorkflowExecution.builder()
                        .workflowId("order-1")
                        .runId("r")
                        .build())
                .build();
        assertEquals(
                "token-7 Uploads.whoAmI/1 42 of order-1 in orders",
                env.newActivityStub(Uploads.class, new UploadsImpl()).whoAmI());
    }

    @Test
    void argumentsAndResultsGoThroughTheConverter() {
        TestActivityEnvironment env = TestActivityEnvironment.create();
        Part p = new Part("x", 1);
        Part back = env.newActivityStub(Uploads.class, new UploadsImpl()).echo(p);
        assertEquals(p, back);
        assertNotSame(p, back, "a copy, as the activity would get and give on SWF");
    }

    @Test
    void manualCompletionIsReported() {
        TestActivityEnvironment env = TestActivityEnvironment.create();
        Uploads uploads = env.newActivityStub(Uploads.class, new UploadsImpl());
        uploads.echo(new Part("x", 1));
        assertFalse(env.isManualCompletion());
        uploads.later();
        assertTrue(env.isManualCompletion());
    }

    @Test
    void outsideAStubThereIsNoContext() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Activity::getExecutionContext);
        assertTrue(e.getMessage().startsWith("Activity.getExecutionContext() must be called on the thread"));
    }
}
