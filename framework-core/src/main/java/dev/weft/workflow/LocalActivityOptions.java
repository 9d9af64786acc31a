package dev.weft.workflow;

import java.util.Objects;

/**
 * How a local activity runs: in the decider, on the workflow's own thread, with its result
 * recorded in a marker so that replay never runs it again. Keep local activities short: they run
 * inside the decision task, which must finish within its start-to-close timeout.
 */
public final class LocalActivityOptions {
    /** One attempt, no time limit beyond the decision task's. */
    public static final LocalActivityOptions DEFAULT = newBuilder().build();

    private final RetryOptions retryOptions;

    private LocalActivityOptions(Builder b) {
        this.retryOptions = b.retryOptions;
    }

    /**
     * Returns a builder with the defaults (one attempt).
     *
     * @return a builder with the defaults (one attempt)
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from these options.
     *
     * @return a builder starting from these options
     */
    public Builder toBuilder() {
        return new Builder().retryOptions(retryOptions);
    }

    /**
     * How failures are retried, in place, with backoff waits on the decider's thread. Default: one
     * attempt.
     *
     * @return the retry options
     */
    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalActivityOptions l && retryOptions.equals(l.retryOptions);
    }

    @Override
    public int hashCode() {
        return retryOptions.hashCode();
    }

    @Override
    public String toString() {
        return "LocalActivityOptions{retryOptions=" + retryOptions + "}";
    }

    /**
     * Builds {@link LocalActivityOptions}.
     */
    public static final class Builder {
        private RetryOptions retryOptions = RetryOptions.NONE;

        private Builder() {}

        /**
         * How failures are retried. Default: {@link RetryOptions#NONE}. Waits longer than a few
         * seconds do not belong in a local activity: use a regular one.
         *
         * @param retryOptions the retry options
         * @return this builder
         */
        public Builder retryOptions(RetryOptions retryOptions) {
            this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public LocalActivityOptions build() {
            return new LocalActivityOptions(this);
        }
    }
}
