package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Steps that wait for an action, in the decider: the published waiting list, duplicates, timeouts. */
final class StepActionTest {
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Gate {
        @WorkflowMethod
        String pass();
    }

    public static final class GateImpl implements Gate {
        @Override
        public String pass() {
            StepAction first = Workflow.waitForAction("first");
            StepAction second = Workflow.waitForAction("second", Duration.ofHours(1));
            return first.getAction() + "/" + first.getReason() + " then "
                    + (second == null ? "nothing" : second.getAction() + "/" + second.getReason());
        }
    }

    private static String action(String step, String action, String reason, String token) {
        return "{\"stepId\":\"" + step + "\",\"action\":\"" + action + "\",\"reason\":\"" + reason
                + "\",\"clientToken\":\"" + token + "\"}";
    }

    @Test
    void aWaitingStepIsPublishedAndTakesTheFirstActionForIt() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(GateImpl.class)) {
            WorkflowExecution run = t.start(Gate.class, "gate-1");
            t.run(Duration.ZERO);
            assertEquals("{\"waitingSteps\":[\"first\"]}", t.describe(run).latestExecutionContext());
            String signal = dev.weft.internal.replay.ExecutionContexts.STEP_ACTION_SIGNAL;
            t.signalRaw(run, signal, action("second", "STOP", "early", "a")); // Not waiting yet: ignored.
            t.signalRaw(run, signal, action("first", "RESUME", "ok", "b"));
            t.signalRaw(run, signal, action("second", "RESUME", "dup", "b")); // Token b taken: ignored.
            t.run(Duration.ZERO);
            assertEquals("{\"waitingSteps\":[\"second\"]}", t.describe(run).latestExecutionContext());
            t.signalRaw(run, signal, action("second", "STOP", "late", "c"));
            t.run();
            assertEquals("RESUME/ok then STOP/late", t.result(run, String.class));
        }
    }

    @Test
    void aStepWaitsNoLongerThanItsTimeout() {
        try (WorkflowTesting t = new WorkflowTesting().workflows(GateImpl.class)) {
            WorkflowExecution run = t.start(Gate.class, "gate-2");
            t.run(Duration.ZERO);
            t.signalRaw(
                    run,
                    dev.weft.internal.replay.ExecutionContexts.STEP_ACTION_SIGNAL,
                    action("first", "RESUME", "go", "x"));
            t.run();
            assertEquals("RESUME/go then nothing", t.result(run, String.class));
        }
    }
}
