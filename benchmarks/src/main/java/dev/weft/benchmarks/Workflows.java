package dev.weft.benchmarks;

import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;

/** The workflows and activities the benchmarks run. */
public final class Workflows {
    private Workflows() {}

    /** The activity: its int input plus one. */
    @Activities(version = "1", startToCloseTimeout = "1m", heartbeatTimeout = "NONE")
    public interface Steps {
        /**
         * Adds one.
         *
         * @param x the input
         * @return {@code x + 1}
         */
        int increment(int x);
    }

    /** The activity's implementation. */
    public static final class StepsImpl implements Steps {
        @Override
        public int increment(int x) {
            return x + 1;
        }
    }

    /** W1: three activities in sequence. */
    @Workflow(version = "1", taskList = "three-step", executionStartToCloseTimeout = "1h")
    public interface ThreeStep {
        /**
         * Calls the activity three times in sequence.
         *
         * @param input the input
         * @return {@code input + 3}
         */
        @WorkflowMethod
        int run(int input);
    }

    /** W1's workflow code. */
    public static final class ThreeStepImpl implements ThreeStep {
        private final Steps steps = dev.weft.workflow.Workflow.newActivityStub(Steps.class);

        @Override
        public int run(int input) {
            return steps.increment(steps.increment(steps.increment(input)));
        }
    }

    /** W2: a long chain of activities. */
    @Workflow(version = "1", taskList = "chain", executionStartToCloseTimeout = "1h")
    public interface Chain {
        /**
         * Calls the activity {@code n} times in sequence.
         *
         * @param n how many activities
         * @return {@code n}
         */
        @WorkflowMethod
        int run(int n);
    }

    /** W2's workflow code. */
    public static final class ChainImpl implements Chain {
        private final Steps steps = dev.weft.workflow.Workflow.newActivityStub(Steps.class);

        @Override
        public int run(int n) {
            int x = 0;
            for (int i = 0; i < n; i++) {
                x = steps.increment(x);
            }
            return x;
        }
    }

    /** W4: sleeps in a loop. */
    @Workflow(version = "1", taskList = "sleepers", executionStartToCloseTimeout = "365d")
    public interface Sleeper {
        /**
         * Sleeps one hour {@code times} times.
         *
         * @param times how many sleeps
         * @return {@code times}
         */
        @WorkflowMethod
        int run(int times);
    }

    /** W4's workflow code. */
    public static final class SleeperImpl implements Sleeper {
        @Override
        public int run(int times) {
            for (int i = 0; i < times; i++) {
                dev.weft.workflow.Workflow.sleep(Duration.ofHours(1));
            }
            return times;
        }
    }

    /** W5: waits for a signal. */
    @Workflow(version = "1", taskList = "parked", executionStartToCloseTimeout = "1d")
    public interface Parked {
        /**
         * Waits until released.
         *
         * @return "released"
         */
        @WorkflowMethod
        String run();

        /** Releases the workflow. */
        @SignalMethod
        void release();
    }

    /** W5's workflow code. */
    public static final class ParkedImpl implements Parked {
        private boolean released;

        @Override
        public String run() {
            dev.weft.workflow.Workflow.await(() -> released);
            return "released";
        }

        @Override
        public void release() {
            released = true;
        }
    }
}
