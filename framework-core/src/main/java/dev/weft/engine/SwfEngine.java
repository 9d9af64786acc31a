package dev.weft.engine;

import dev.weft.internal.engine.Engine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.swf.SwfClient;

/**
 * Weft's reference SWF engine: an in-process {@link SwfClient} with the semantics of Amazon SWF.
 * Every operation of the SWF API works on it, with SWF's validation, faults (the SDK's own
 * exception types), history events, timeouts, long polls and paging, so that code written against
 * {@code SwfClient} cannot tell it from the service.
 *
 * <pre>{@code
 * try (SwfEngine swf = SwfEngine.builder().build()) {
 *     swf.registerDomain(r -> r.name("orders").workflowExecutionRetentionPeriodInDays("1"));
 *     // ... use swf as any SwfClient: register types, start executions, poll, respond.
 * }
 * }</pre>
 *
 * <p>Time comes from the engine's clock: the wall clock by default, or virtual time (see {@link
 * Builder#virtualTime(Instant)}), in which nothing moves until {@link #advance(Duration)} is
 * called, so that tests of timers and timeouts never sleep.
 *
 * <p>The engine is safe for use by many threads at once. {@link #close()} ends waiting polls
 * (they return empty tasks) and stops its threads; calls after that fail with {@link
 * IllegalStateException}. What the engine covers and where it differs from SWF on purpose is
 * listed in {@code docs/engine.md}.
 */
public interface SwfEngine extends SwfClient {

    /**
     * A builder with the defaults: wall clock, 60-second long polls, region us-east-1.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The engine's current time.
     *
     * @return the wall clock's instant, or the current virtual instant
     */
    Instant now();

    /**
     * Whether the engine runs on virtual time, which moves only when {@link #advance} is called.
     *
     * @return true on virtual time, false on a wall clock
     */
    boolean isVirtualTime();

    /**
     * Moves virtual time forward, firing every timer and timeout that falls due on the way, in
     * order, each at its own instant. Returns when all of them have been applied.
     *
     * @param duration how far to move time; zero fires what is due now
     * @throws IllegalStateException if the engine runs on a wall clock
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    void advance(Duration duration);

    /**
     * The instant of the next timer or timeout that will change some workflow's history (activity
     * and decision task timeouts, workflow timers, execution timeouts, Lambda timeouts), or empty
     * if none is pending. Long-poll expiries and retention do not count.
     *
     * @return the next deadline, if any
     */
    Optional<Instant> nextDeadline();

    /**
     * Registers (or replaces) a Lambda function that {@code ScheduleLambdaFunction} decisions can
     * call by {@code name}.
     *
     * @param name the function name decisions use
     * @param function what runs when they call it
     */
    void registerLambdaFunction(String name, LambdaFunction function);

    /** Ends waiting polls with empty tasks and stops the engine's threads. Idempotent. */
    @Override
    void close();

    /**
     * Configures a {@link SwfEngine}. Every setting has a default, so {@code
     * SwfEngine.builder().build()} is a working engine.
     */
    final class Builder {
        private Clock clock = Clock.systemUTC();
        private Instant virtualStart;
        private Duration pollTimeout = Duration.ofSeconds(60);
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private final Map<String, LambdaFunction> lambdaFunctions = new LinkedHashMap<>();
        private int historyEventLimit = 25_000;

        private Builder() {}

        /**
         * The wall clock the engine reads. Default: {@link Clock#systemUTC()}. Ignored once {@link
         * #virtualTime(Instant)} is set.
         *
         * @param clock the clock to read
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.virtualStart = null;
            return this;
        }

        /**
         * Runs the engine on virtual time starting at {@code start}: time stands still until
         * {@link SwfEngine#advance(Duration)} moves it. Default: off (wall clock). Long polls wait in
         * virtual time too.
         *
         * @param start the instant virtual time starts at
         * @return this builder
         */
        public Builder virtualTime(Instant start) {
            this.virtualStart = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * The longest a poll waits for a task before it returns an empty task. Default: 60 seconds,
         * as in SWF. Zero makes polls return at once.
         *
         * @param timeout the longest wait; not negative
         * @return this builder
         */
        public Builder pollTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "pollTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("pollTimeout must not be negative, but was " + timeout);
            }
            this.pollTimeout = timeout;
            return this;
        }

        /**
         * The region named in domain ARNs. Default: {@code us-east-1}.
         *
         * @param region a region name
         * @return this builder
         */
        public Builder region(String region) {
            this.region = requireText(region, "region");
            return this;
        }

        /**
         * The account id named in domain ARNs. Default: {@code 123456789012}.
         *
         * @param accountId an account id
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = requireText(accountId, "accountId");
            return this;
        }

        /**
         * Registers a Lambda function by name. Default: none.
         *
         * @param name the function name decisions use
         * @param function what runs when they call it
         * @return this builder
         */
        public Builder lambdaFunction(String name, LambdaFunction function) {
            lambdaFunctions.put(requireText(name, "name"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * The most events one history may hold; an execution that would go past it is
         * terminated ({@code EVENT_LIMIT_EXCEEDED}). Default: 25,000, SWF's limit. A larger limit
         * is for load tests and benchmarks of longer histories than SWF allows; code that relies
         * on it will not run on SWF.
         *
         * @param events the limit, at least 100
         * @return this builder
         */
        public Builder historyEventLimit(int events) {
            if (events < 100) {
                throw new IllegalArgumentException("historyEventLimit must be at least 100, but was " + events);
            }
            this.historyEventLimit = events;
            return this;
        }

        /**
         * Builds and starts the engine.
         *
         * @return a running engine; close it when done
         */
        public SwfEngine build() {
            return new Engine(
                    virtualStart == null ? clock : null,
                    virtualStart,
                    pollTimeout,
                    region,
                    accountId,
                    lambdaFunctions,
                    historyEventLimit);
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
