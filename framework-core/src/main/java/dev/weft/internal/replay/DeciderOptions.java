package dev.weft.internal.replay;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a decider runs workflow code.
 *
 * @param converter payloads to values and back
 * @param failWorkflowOnError whether an unexpected exception in workflow code fails the workflow
 *     (true) or leaves the decision task to time out and be retried (false, the default)
 * @param deadlockTimeout how long a workflow thread may run without yielding
 * @param localActivities implementations local activity stubs call, by interface
 * @param sleeper how local activity retries wait
 */
public record DeciderOptions(
        DataConverter converter,
        boolean failWorkflowOnError,
        Duration deadlockTimeout,
        Map<Class<?>, Object> localActivities,
        Sleeper sleeper) {

    /** Waits between local activity attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param d how long
         * @throws InterruptedException if interrupted
         */
        void sleep(Duration d) throws InterruptedException;
    }

    /** Jackson, decision tasks retried on errors, 1 s deadlock timeout, no local activities. */
    public static final DeciderOptions DEFAULT = new DeciderOptions(
            JacksonDataConverter.create(), false, Duration.ofSeconds(1), Map.of(), d -> Thread.sleep(d.toMillis()));

    /** Validates. */
    public DeciderOptions {
        Objects.requireNonNull(converter, "converter");
        Objects.requireNonNull(deadlockTimeout, "deadlockTimeout");
        if (deadlockTimeout.isNegative() || deadlockTimeout.isZero()) {
            throw new IllegalArgumentException("deadlockTimeout must be positive, but was " + deadlockTimeout);
        }
        localActivities = Map.copyOf(localActivities);
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Returns these options with another converter.
     *
     * @return these options with another converter
     */
    public DeciderOptions withConverter(DataConverter c) {
        return new DeciderOptions(c, failWorkflowOnError, deadlockTimeout, localActivities, sleeper);
    }

    /**
     * Returns these options with another error policy.
     *
     * @return these options with another error policy
     */
    public DeciderOptions withFailWorkflowOnError(boolean fail) {
        return new DeciderOptions(converter, fail, deadlockTimeout, localActivities, sleeper);
    }

    /**
     * Returns these options with another deadlock timeout.
     *
     * @return these options with another deadlock timeout
     */
    public DeciderOptions withDeadlockTimeout(Duration timeout) {
        return new DeciderOptions(converter, failWorkflowOnError, timeout, localActivities, sleeper);
    }

    /**
     * Returns these options with local activity implementations.
     *
     * @return these options with local activity implementations
     */
    public DeciderOptions withLocalActivities(Map<Class<?>, Object> implementations) {
        return new DeciderOptions(converter, failWorkflowOnError, deadlockTimeout, implementations, sleeper);
    }

    /**
     * Returns these options with another sleeper.
     *
     * @return these options with another sleeper
     */
    public DeciderOptions withSleeper(Sleeper s) {
        return new DeciderOptions(converter, failWorkflowOnError, deadlockTimeout, localActivities, s);
    }
}
