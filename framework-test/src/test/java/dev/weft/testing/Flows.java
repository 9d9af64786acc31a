package dev.weft.testing;

import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Workflows and activities the tests of this module run. */
final class Flows {
    private Flows() {}

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "400d")
    public interface Sleeper {
        @WorkflowMethod
        String sleep(long seconds);
    }

    public static final class SleeperImpl implements Sleeper {
        @Override
        public String sleep(long seconds) {
            Workflow.sleep(Duration.ofSeconds(seconds));
            return "slept " + seconds + "s";
        }
    }

    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Steps {
        String step(String name);
    }

    /** Calls an activity with a one-minute timer running beside it, then once more after the timer. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Race {
        @WorkflowMethod
        List<String> run();
    }

    public static final class RaceImpl implements Race {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public List<String> run() {
            Promise<Void> timer = Workflow.newTimer(Duration.ofMinutes(1));
            List<String> out = new ArrayList<>();
            out.add(steps.step("during"));
            timer.get();
            out.add(steps.step("after"));
            return out;
        }
    }

    /** As Race, with the first step a local activity: it runs inside a decision task. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface LocalRace {
        @WorkflowMethod
        List<String> run();
    }

    public static final class LocalRaceImpl implements LocalRace {
        private final Steps local = Workflow.newLocalActivityStub(Steps.class);

        @Override
        public List<String> run() {
            Promise<Void> timer = Workflow.newTimer(Duration.ofMinutes(1));
            List<String> out = new ArrayList<>();
            out.add(local.step("during"));
            timer.get();
            out.add(Workflow.now().toString());
            return out;
        }
    }

    /** Three rounds of: wait ten minutes, then run a step. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Rounds {
        @WorkflowMethod
        List<String> run();
    }

    public static final class RoundsImpl implements Rounds {
        private final Steps steps = Workflow.newActivityStub(Steps.class);

        @Override
        public List<String> run() {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Workflow.sleep(Duration.ofMinutes(10));
                out.add(steps.step("round " + i));
            }
            return out;
        }
    }

    @Activities(version = "1", taskList = "nobody-polls", scheduleToStartTimeout = "5m", startToCloseTimeout = "1m")
    public interface Unserved {
        String nobody();
    }

    /** Calls an activity on a list nobody polls; reports how that ended. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Stranded {
        @WorkflowMethod
        String run();
    }

    public static final class StrandedImpl implements Stranded {
        private final Unserved unserved = Workflow.newActivityStub(Unserved.class);

        @Override
        public String run() {
            try {
                return unserved.nobody();
            } catch (dev.weft.workflow.ActivityFailure e) {
                return "at " + Workflow.now() + ": " + e.getCause().getClass().getSimpleName();
            }
        }
    }

    /** Throws from workflow code: the decision task fails. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Broken {
        @WorkflowMethod
        String run();
    }

    public static final class BrokenImpl implements Broken {
        @Override
        public String run() {
            throw new IllegalStateException("the workflow's own bug");
        }
    }

    /** Waits for a signal, or gives up after an hour. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Patient {
        @WorkflowMethod
        String run();

        @SignalMethod
        void poke(String who);
    }

    public static final class PatientImpl implements Patient {
        private String who;

        @Override
        public String run() {
            boolean poked = Workflow.await(Duration.ofHours(1), () -> who != null);
            return poked ? "poked by " + who : "gave up at " + Workflow.now();
        }

        @Override
        public void poke(String who) {
            this.who = who;
        }
    }
}
