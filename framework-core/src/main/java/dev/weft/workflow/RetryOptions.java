package dev.weft.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a failed activity or child workflow is retried, as the decider runs it: a wait of {@link
 * #getInitialInterval()} before the second attempt, each later wait {@link
 * #getBackoffCoefficient()} times the previous, at most {@link #getMaximumInterval()}, until
 * {@link #getMaximumAttempts()} attempts were made or {@link #getExpiration()} passed since the
 * first attempt started. The waits are SWF timers. Failures whose type (or a supertype) is listed
 * in {@link #getDoNotRetry()} are not retried, nor are cancellations.
 *
 * <pre>{@code
 * RetryOptions retry = RetryOptions.newBuilder()
 *     .initialInterval(Duration.ofSeconds(5))
 *     .maximumAttempts(10)
 *     .doNotRetry(IllegalArgumentException.class)
 *     .build();
 * }</pre>
 *
 * <p>Each retry decision is recorded in the history, so changing a policy never breaks executions
 * already running: they replay the decisions they made.
 */
public final class RetryOptions {
    /** No retries: one attempt. */
    public static final RetryOptions NONE = newBuilder().maximumAttempts(1).build();

    private final Duration initialInterval;
    private final double backoffCoefficient;
    private final Duration maximumInterval;
    private final int maximumAttempts;
    private final Duration expiration;
    private final List<String> doNotRetry;

    private RetryOptions(Builder b) {
        this.initialInterval = b.initialInterval;
        this.backoffCoefficient = b.backoffCoefficient;
        this.maximumInterval = b.maximumInterval != null ? b.maximumInterval : b.initialInterval.multipliedBy(100);
        this.maximumAttempts = b.maximumAttempts;
        this.expiration = b.expiration;
        this.doNotRetry = Collections.unmodifiableList(new ArrayList<>(b.doNotRetry));
    }

    /**
     * A builder with the defaults: 1 s initial interval, coefficient 2, maximum interval 100 times
     * the initial one, 3 attempts, no expiration.
     *
     * @return a new builder
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.initialInterval = initialInterval;
        b.backoffCoefficient = backoffCoefficient;
        b.maximumInterval = maximumInterval;
        b.maximumAttempts = maximumAttempts;
        b.expiration = expiration;
        b.doNotRetry.addAll(doNotRetry);
        return b;
    }

    /**
     * Returns the wait before the second attempt.
     *
     * @return the wait before the second attempt
     */
    public Duration getInitialInterval() {
        return initialInterval;
    }

    /**
     * Returns the factor between successive waits.
     *
     * @return the factor between successive waits
     */
    public double getBackoffCoefficient() {
        return backoffCoefficient;
    }

    /**
     * Returns the longest wait.
     *
     * @return the longest wait
     */
    public Duration getMaximumInterval() {
        return maximumInterval;
    }

    /**
     * Returns attempts in all, the first included; 0 for unlimited.
     *
     * @return attempts in all, the first included; 0 for unlimited
     */
    public int getMaximumAttempts() {
        return maximumAttempts;
    }

    /**
     * Returns the time after the first attempt's start past which no attempt starts, or null.
     *
     * @return the time after the first attempt's start past which no attempt starts, or null
     */
    public Duration getExpiration() {
        return expiration;
    }

    /**
     * Returns the class names of failures that are not retried.
     *
     * @return the class names of failures that are not retried
     */
    public List<String> getDoNotRetry() {
        return doNotRetry;
    }

    /**
     * The wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed.
     *
     * @param attempt how many attempts failed (1 or more)
     * @return the wait
     */
    public Duration backoff(int attempt) {
        double millis = (double) initialInterval.toMillis() * Math.pow(backoffCoefficient, attempt - 1);
        long capped = (long) Math.min(millis, (double) maximumInterval.toMillis());
        return Duration.ofMillis(capped);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryOptions r
                && initialInterval.equals(r.initialInterval)
                && Double.compare(backoffCoefficient, r.backoffCoefficient) == 0
                && maximumInterval.equals(r.maximumInterval)
                && maximumAttempts == r.maximumAttempts
                && Objects.equals(expiration, r.expiration)
                && doNotRetry.equals(r.doNotRetry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                initialInterval, backoffCoefficient, maximumInterval, maximumAttempts, expiration, doNotRetry);
    }

    @Override
    public String toString() {
        return "RetryOptions{initialInterval=" + initialInterval + ", backoffCoefficient=" + backoffCoefficient
                + ", maximumInterval=" + maximumInterval + ", maximumAttempts=" + maximumAttempts + ", expiration="
                + expiration + ", doNotRetry=" + doNotRetry + "}";
    }

    /**
     * Builds {@link RetryOptions}.
     */
    public static final class Builder {
        private Duration initialInterval = Duration.ofSeconds(1);
        private double backoffCoefficient = 2.0;
        private Duration maximumInterval;
        private int maximumAttempts = 3;
        private Duration expiration;
        private final List<String> doNotRetry = new ArrayList<>();

        private Builder() {}

        /**
         * The wait before the second attempt. Default: 1 second.
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder initialInterval(Duration interval) {
            this.initialInterval = positive("initialInterval", interval);
            return this;
        }

        /**
         * The factor between successive waits. Default: 2.
         *
         * @param coefficient at least 1
         * @return this builder
         */
        public Builder backoffCoefficient(double coefficient) {
            if (!(coefficient >= 1.0)) {
                throw new IllegalArgumentException("backoffCoefficient must be at least 1, but was " + coefficient);
            }
            this.backoffCoefficient = coefficient;
            return this;
        }

        /**
         * The longest wait. Default: 100 times the initial interval.
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder maximumInterval(Duration interval) {
            this.maximumInterval = positive("maximumInterval", interval);
            return this;
        }

        /**
         * Attempts in all, the first included; 0 for unlimited. Default: 3.
         *
         * @param attempts 0 or more
         * @return this builder
         */
        public Builder maximumAttempts(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("maximumAttempts must not be negative, but was " + attempts);
            }
            this.maximumAttempts = attempts;
            return this;
        }

        /**
         * No attempt starts later than this after the first attempt started. Default: none.
         *
         * @param expiration a positive duration, or null for none
         * @return this builder
         */
        public Builder expiration(Duration expiration) {
            this.expiration = expiration == null ? null : positive("expiration", expiration);
            return this;
        }

        /**
         * Failures of these types (or subtypes) are not retried. Default: none.
         *
         * @param types exception classes
         * @return this builder
         */
        @SafeVarargs
        public final Builder doNotRetry(Class<? extends Throwable>... types) {
            for (Class<? extends Throwable> type : types) {
                doNotRetry.add(Objects.requireNonNull(type, "doNotRetry type").getName());
            }
            return this;
        }

        /**
         * Failures of these types (given by class name, or an {@link ApplicationFailure} type) are
         * not retried. Default: none.
         *
         * @param typeNames type names
         * @return this builder
         */
        public Builder doNotRetry(String... typeNames) {
            for (String name : typeNames) {
                doNotRetry.add(Objects.requireNonNull(name, "doNotRetry type name"));
            }
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the maximum interval is shorter than the initial one
         */
        public RetryOptions build() {
            if (maximumInterval != null && maximumInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("maximumInterval (" + maximumInterval
                        + ") must not be shorter than initialInterval (" + initialInterval + ")");
            }
            return new RetryOptions(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + d);
            }
            return d;
        }
    }
}
