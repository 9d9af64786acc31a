package dev.weft.worker;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Worker} polls, runs and reports. Every setting has a default, given with its
 * setter; {@code WorkerOptions.newBuilder().build()} is a working configuration.
 *
 * <pre>{@code
 * WorkerOptions options = WorkerOptions.newBuilder()
 *     .maxConcurrentActivityTasks(50)
 *     .activitiesPerSecond(20)
 *     .registerDomain(7)
 *     .listener(myMetrics)
 *     .build();
 * }</pre>
 */
public final class WorkerOptions {
    private final String identity;
    private final int decisionPollers;
    private final int activityPollers;
    private final int maxConcurrentDecisionTasks;
    private final int maxConcurrentActivityTasks;
    private final boolean virtualActivityThreads;
    private final double activitiesPerSecond;
    private final int workflowCacheSize;
    private final Duration stickyScheduleToStartTimeout;
    private final Duration pollBackoffInitial;
    private final Duration pollBackoffMax;
    private final int responseAttempts;
    private final DataConverter dataConverter;
    private final boolean failWorkflowOnError;
    private final Duration deadlockTimeout;
    private final Duration defaultHeartbeatInterval;
    private final Duration maxHeartbeatInterval;
    private final Integer registerDomainRetentionDays;
    private final boolean registerTypes;
    private final boolean failOnTypeDrift;
    private final WorkerListener listener;
    private final Duration shutdownGracePeriod;

    private WorkerOptions(Builder b) {
        this.identity = b.identity;
        this.decisionPollers = b.decisionPollers;
        this.activityPollers = b.activityPollers;
        this.maxConcurrentDecisionTasks = b.maxConcurrentDecisionTasks;
        this.maxConcurrentActivityTasks = b.maxConcurrentActivityTasks;
        this.virtualActivityThreads = b.virtualActivityThreads;
        this.activitiesPerSecond = b.activitiesPerSecond;
        this.workflowCacheSize = b.workflowCacheSize;
        this.stickyScheduleToStartTimeout = b.stickyScheduleToStartTimeout;
        this.pollBackoffInitial = b.pollBackoffInitial;
        this.pollBackoffMax = b.pollBackoffMax;
        this.responseAttempts = b.responseAttempts;
        this.dataConverter = b.dataConverter;
        this.failWorkflowOnError = b.failWorkflowOnError;
        this.deadlockTimeout = b.deadlockTimeout;
        this.defaultHeartbeatInterval = b.defaultHeartbeatInterval;
        this.maxHeartbeatInterval = b.maxHeartbeatInterval;
        this.registerDomainRetentionDays = b.registerDomainRetentionDays;
        this.registerTypes = b.registerTypes;
        this.failOnTypeDrift = b.failOnTypeDrift;
        this.listener = b.listener;
        this.shutdownGracePeriod = b.shutdownGracePeriod;
    }

    /**
     * A builder with every default.
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
        b.identity = identity;
        b.decisionPollers = decisionPollers;
        b.activityPollers = activityPollers;
        b.maxConcurrentDecisionTasks = maxConcurrentDecisionTasks;
        b.maxConcurrentActivityTasks = maxConcurrentActivityTasks;
        b.virtualActivityThreads = virtualActivityThreads;
        b.activitiesPerSecond = activitiesPerSecond;
        b.workflowCacheSize = workflowCacheSize;
        b.stickyScheduleToStartTimeout = stickyScheduleToStartTimeout;
        b.pollBackoffInitial = pollBackoffInitial;
        b.pollBackoffMax = pollBackoffMax;
        b.responseAttempts = responseAttempts;
        b.dataConverter = dataConverter;
        b.failWorkflowOnError = failWorkflowOnError;
        b.deadlockTimeout = deadlockTimeout;
        b.defaultHeartbeatInterval = defaultHeartbeatInterval;
        b.maxHeartbeatInterval = maxHeartbeatInterval;
        b.registerDomainRetentionDays = registerDomainRetentionDays;
        b.registerTypes = registerTypes;
        b.failOnTypeDrift = failOnTypeDrift;
        b.listener = listener;
        b.shutdownGracePeriod = shutdownGracePeriod;
        return b;
    }

    /**
     * Returns the identity the worker gives SWF with each poll.
     *
     * @return the identity the worker gives SWF with each poll
     */
    public String getIdentity() {
        return identity;
    }

    /**
     * Returns threads polling the shared decision task list.
     *
     * @return threads polling the shared decision task list
     */
    public int getDecisionPollers() {
        return decisionPollers;
    }

    /**
     * Returns threads polling each activity task list.
     *
     * @return threads polling each activity task list
     */
    public int getActivityPollers() {
        return activityPollers;
    }

    /**
     * Returns decision tasks decided at once, at most.
     *
     * @return decision tasks decided at once, at most
     */
    public int getMaxConcurrentDecisionTasks() {
        return maxConcurrentDecisionTasks;
    }

    /**
     * Returns activity tasks run at once, at most.
     *
     * @return activity tasks run at once, at most
     */
    public int getMaxConcurrentActivityTasks() {
        return maxConcurrentActivityTasks;
    }

    /**
     * Returns activity tasks started per second, at most; 0 for no limit.
     *
     * @return activity tasks started per second, at most; 0 for no limit
     */
    public double getActivitiesPerSecond() {
        return activitiesPerSecond;
    }

    /**
     * Returns executions kept in memory between decisions; 0 turns the cache and sticky task lists off.
     *
     * @return executions kept in memory between decisions; 0 turns the cache and sticky task lists off
     */
    public int getWorkflowCacheSize() {
        return workflowCacheSize;
    }

    /**
     * Returns how long a decision task waits on this worker's own task list before SWF gives it to the shared one.
     *
     * @return how long a decision task waits on this worker's own task list before SWF gives it to the shared one
     */
    public Duration getStickyScheduleToStartTimeout() {
        return stickyScheduleToStartTimeout;
    }

    /**
     * Returns the first wait after a failed call.
     *
     * @return the first wait after a failed call
     */
    public Duration getPollBackoffInitial() {
        return pollBackoffInitial;
    }

    /**
     * Returns the longest wait after failed calls.
     *
     * @return the longest wait after failed calls
     */
    public Duration getPollBackoffMax() {
        return pollBackoffMax;
    }

    /**
     * Returns attempts at a task's answer before the worker gives up on it (and logs an error).
     *
     * @return attempts at a task's answer before the worker gives up on it (and logs an error)
     */
    public int getResponseAttempts() {
        return responseAttempts;
    }

    /**
     * Returns the data converter.
     *
     * @return the data converter
     */
    public DataConverter getDataConverter() {
        return dataConverter;
    }

    /**
     * Returns whether an unexpected exception in workflow code fails the workflow (else its decision task).
     *
     * @return whether an unexpected exception in workflow code fails the workflow (else its decision task)
     */
    public boolean isFailWorkflowOnError() {
        return failWorkflowOnError;
    }

    /**
     * Returns how long a workflow thread may run without yielding.
     *
     * @return how long a workflow thread may run without yielding
     */
    public Duration getDeadlockTimeout() {
        return deadlockTimeout;
    }

    /**
     * Returns the heartbeat throttle interval of activities without a heartbeat timeout.
     *
     * @return the heartbeat throttle interval of activities without a heartbeat timeout
     */
    public Duration getDefaultHeartbeatInterval() {
        return defaultHeartbeatInterval;
    }

    /**
     * Returns the longest heartbeat throttle interval, whatever the heartbeat timeout.
     *
     * @return the longest heartbeat throttle interval, whatever the heartbeat timeout
     */
    public Duration getMaxHeartbeatInterval() {
        return maxHeartbeatInterval;
    }

    /**
     * Returns the retention in days of the domain to register on start, or null for none.
     *
     * @return the retention in days of the domain to register on start, or null for none
     */
    public Integer getRegisterDomainRetentionDays() {
        return registerDomainRetentionDays;
    }

    /**
     * Returns whether workflow and activity types are registered on start.
     *
     * @return whether workflow and activity types are registered on start
     */
    public boolean isRegisterTypes() {
        return registerTypes;
    }

    /**
     * Returns whether registered defaults that differ from the annotations fail start.
     *
     * @return whether registered defaults that differ from the annotations fail start
     */
    public boolean isFailOnTypeDrift() {
        return failOnTypeDrift;
    }

    /**
     * Returns whether activity tasks run on virtual threads (on JDK 24 and later).
     *
     * @return whether activity tasks run on virtual threads (on JDK 24 and later)
     */
    public boolean isVirtualActivityThreads() {
        return virtualActivityThreads;
    }

    /**
     * Returns the listener.
     *
     * @return the listener
     */
    public WorkerListener getListener() {
        return listener;
    }

    /**
     * Returns how long {@link Worker#close()} lets in-flight tasks finish.
     *
     * @return how long {@link Worker#close()} lets in-flight tasks finish
     */
    public Duration getShutdownGracePeriod() {
        return shutdownGracePeriod;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkerOptions x
                && identity.equals(x.identity)
                && decisionPollers == x.decisionPollers
                && activityPollers == x.activityPollers
                && maxConcurrentDecisionTasks == x.maxConcurrentDecisionTasks
                && maxConcurrentActivityTasks == x.maxConcurrentActivityTasks
                && virtualActivityThreads == x.virtualActivityThreads
                && Double.compare(activitiesPerSecond, x.activitiesPerSecond) == 0
                && workflowCacheSize == x.workflowCacheSize
                && stickyScheduleToStartTimeout.equals(x.stickyScheduleToStartTimeout)
                && pollBackoffInitial.equals(x.pollBackoffInitial)
                && pollBackoffMax.equals(x.pollBackoffMax)
                && responseAttempts == x.responseAttempts
                && dataConverter.equals(x.dataConverter)
                && failWorkflowOnError == x.failWorkflowOnError
                && deadlockTimeout.equals(x.deadlockTimeout)
                && defaultHeartbeatInterval.equals(x.defaultHeartbeatInterval)
                && maxHeartbeatInterval.equals(x.maxHeartbeatInterval)
                && Objects.equals(registerDomainRetentionDays, x.registerDomainRetentionDays)
                && registerTypes == x.registerTypes
                && failOnTypeDrift == x.failOnTypeDrift
                && listener.equals(x.listener)
                && shutdownGracePeriod.equals(x.shutdownGracePeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                identity,
                decisionPollers,
                activityPollers,
                maxConcurrentDecisionTasks,
                maxConcurrentActivityTasks,
                virtualActivityThreads,
                activitiesPerSecond,
                workflowCacheSize,
                stickyScheduleToStartTimeout,
                responseAttempts,
                failWorkflowOnError,
                registerDomainRetentionDays);
    }

    @Override
    public String toString() {
        return "WorkerOptions{identity=" + identity + ", decisionPollers=" + decisionPollers + ", activityPollers="
                + activityPollers + ", maxConcurrentDecisionTasks=" + maxConcurrentDecisionTasks
                + ", maxConcurrentActivityTasks=" + maxConcurrentActivityTasks + ", virtualActivityThreads="
                + virtualActivityThreads + ", activitiesPerSecond="
                + activitiesPerSecond + ", workflowCacheSize=" + workflowCacheSize
                + ", stickyScheduleToStartTimeout=" + stickyScheduleToStartTimeout + ", pollBackoff="
                + pollBackoffInitial + ".." + pollBackoffMax + ", responseAttempts=" + responseAttempts
                + ", dataConverter=" + dataConverter + ", failWorkflowOnError=" + failWorkflowOnError
                + ", deadlockTimeout=" + deadlockTimeout + ", defaultHeartbeatInterval=" + defaultHeartbeatInterval
                + ", maxHeartbeatInterval=" + maxHeartbeatInterval
                + ", registerDomainRetentionDays=" + registerDomainRetentionDays + ", registerTypes=" + registerTypes
                + ", failOnTypeDrift=" + failOnTypeDrift + ", shutdownGracePeriod=" + shutdownGracePeriod + "}";
    }

    /**
     * Builds {@link WorkerOptions}; each setter checks its value.
     */
    public static final class Builder {
        private String identity = defaultIdentity();
        private int decisionPollers = 2;
        private int activityPollers = 2;
        private int maxConcurrentDecisionTasks =
                Math.max(2, Runtime.getRuntime().availableProcessors());
        private int maxConcurrentActivityTasks = 100;
        private boolean virtualActivityThreads;
        private double activitiesPerSecond;
        private int workflowCacheSize = 600;
        private Duration stickyScheduleToStartTimeout = Duration.ofSeconds(5);
        private Duration pollBackoffInitial = Duration.ofMillis(100);
        private Duration pollBackoffMax = Duration.ofMinutes(1);
        private int responseAttempts = 8;
        private DataConverter dataConverter = JacksonDataConverter.create();
        private boolean failWorkflowOnError;
        private Duration deadlockTimeout = Duration.ofSeconds(1);
        private Duration defaultHeartbeatInterval = Duration.ofSeconds(30);
        private Duration maxHeartbeatInterval = Duration.ofSeconds(60);
        private Integer registerDomainRetentionDays;
        private boolean registerTypes = true;
        private boolean failOnTypeDrift;
        private WorkerListener listener = WorkerListener.NONE;
        private Duration shutdownGracePeriod = Duration.ofSeconds(30);

        private Builder() {}

        private static String defaultIdentity() {
            String name = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host" on HotSpot
            return name.length() > 256 ? name.substring(0, 256) : name;
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", but was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + d);
            }
            return d;
        }

        /**
         * The identity sent with each poll and recorded in the history's started events. Default:
         * {@code pid@hostname}.
         *
         * @param identity 1 to 256 characters
         * @return this builder
         */
        public Builder identity(String identity) {
            Objects.requireNonNull(identity, "identity");
            if (identity.isEmpty() || identity.length() > 256) {
                throw new IllegalArgumentException(
                        "identity must have 1 to 256 characters, but had " + identity.length());
            }
            this.identity = identity;
            return this;
        }

        /**
         * Polls outstanding at once, at most, on the shared decision task list, and as many on the
         * worker's own (sticky) list while the cache is on. Default: 2. The thread whose poll
         * brings a task decides it itself; a free thread takes over if no other poll is
         * outstanding on the list.
         *
         * @param pollers at least 1
         * @return this builder
         */
        public Builder decisionPollers(int pollers) {
            this.decisionPollers = atLeast("decisionPollers", pollers, 1);
            return this;
        }

        /**
         * Polls outstanding at once, at most, on each activity task list. Default: 2. The thread
         * whose poll brings a task runs it itself; a free thread takes over if no other poll is
         * outstanding on the list.
         *
         * @param pollers at least 1
         * @return this builder
         */
        public Builder activityPollers(int pollers) {
            this.activityPollers = atLeast("activityPollers", pollers, 1);
            return this;
        }

        /**
         * Decision tasks decided at once: the decision threads, each polling or deciding (never
         * fewer than the polls, so a worker has at least {@code 2 * decisionPollers} with the
         * cache on). Free threads poll the worker's own list first, so that threads waiting on the
         * shared list never starve the executions already running. On JDK 24 and later the
         * decision threads are virtual threads. Default: the number of processors, at least 2.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConcurrentDecisionTasks(int max) {
            this.maxConcurrentDecisionTasks = atLeast("maxConcurrentDecisionTasks", max, 1);
            return this;
        }

        /**
         * Activity tasks run at once: the activity threads, each polling or running a task (never
         * fewer than the polls). A thread polls only when it is free, so a busy worker leaves tasks
         * to others. Default: 100.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConcurrentActivityTasks(int max) {
            this.maxConcurrentActivityTasks = atLeast("maxConcurrentActivityTasks", max, 1);
            return this;
        }

        /**
         * Activity tasks this worker starts per second, at most. Default: 0, no limit.
         *
         * @param perSecond 0 or more
         * @return this builder
         */
        public Builder activitiesPerSecond(double perSecond) {
            if (!(perSecond >= 0)) {
                throw new IllegalArgumentException("activitiesPerSecond must not be negative, but was " + perSecond);
            }
            this.activitiesPerSecond = perSecond;
            return this;
        }

        /**
         * Executions kept in memory between decision tasks, so that a decision replays only what
         * is new; their next decision tasks go to this worker's own task list first. 0 turns both
         * off. Default: 600.
         *
         * @param size 0 or more
         * @return this builder
         */
        public Builder workflowCacheSize(int size) {
            this.workflowCacheSize = atLeast("workflowCacheSize", size, 0);
            return this;
        }

        /**
         * How long a decision task waits on this worker's own task list before SWF hands it to the
         * shared list (if this worker died, say). Default: 5 seconds.
         *
         * @param timeout whole seconds, at least 1
         * @return this builder
         */
        public Builder stickyScheduleToStartTimeout(Duration timeout) {
            this.stickyScheduleToStartTimeout = positive("stickyScheduleToStartTimeout", timeout);
            return this;
        }

        /**
         * The waits after failed calls: exponential from {@code initial}, with full jitter, at
         * most {@code max}. Default: 100 ms to 1 minute.
         *
         * @param initial the first wait
         * @param max the longest wait
         * @return this builder
         */
        public Builder pollBackoff(Duration initial, Duration max) {
            positive("pollBackoff initial", initial);
            positive("pollBackoff max", max);
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "pollBackoff max (" + max + ") must not be shorter than initial (" + initial + ")");
            }
            this.pollBackoffInitial = initial;
            this.pollBackoffMax = max;
            return this;
        }

        /**
         * Attempts at a task's answer (on transport errors and throttling) before the worker
         * gives up on it and logs an error; SWF then times the task out. Default: 8.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder responseAttempts(int attempts) {
            this.responseAttempts = atLeast("responseAttempts", attempts, 1);
            return this;
        }

        /**
         * The data converter; every worker and client of a domain must use the same. Default:
         * {@link JacksonDataConverter#create()}.
         *
         * @param converter the converter
         * @return this builder
         */
        public Builder dataConverter(DataConverter converter) {
            this.dataConverter = Objects.requireNonNull(converter, "dataConverter");
            return this;
        }

        /**
         * Whether an unexpected exception in workflow code (a {@code NullPointerException}, say)
         * fails the workflow. Default: false: the decision task fails and is retried when it times
         * out, so that a deployment with the fix carries on.
         *
         * @param fail whether to
         * @return this builder
         */
        public Builder failWorkflowOnError(boolean fail) {
            this.failWorkflowOnError = fail;
            return this;
        }

        /**
         * How long a workflow thread may run without yielding before its decision task fails with
         * a thread dump. Default: 1 second.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder deadlockTimeout(Duration timeout) {
            this.deadlockTimeout = positive("deadlockTimeout", timeout);
            return this;
        }

        /**
         * The heartbeat throttle of activities that declare no heartbeat timeout: at most one
         * heartbeat per interval reaches SWF. Default: 30 seconds.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder defaultHeartbeatInterval(Duration interval) {
            this.defaultHeartbeatInterval = positive("defaultHeartbeatInterval", interval);
            return this;
        }

        /**
         * The longest heartbeat throttle interval: activities heartbeat to SWF every 80% of their
         * heartbeat timeout, or this often if that is longer. A cancel request reaches an
         * activity with its next heartbeat, so this bounds how late it can be. Default: 60 seconds.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder maxHeartbeatInterval(Duration interval) {
            this.maxHeartbeatInterval = positive("maxHeartbeatInterval", interval);
            return this;
        }

        /**
         * Registers the domain on start (an existing one is left as it is). Default: not
         * registered.
         *
         * @param retentionDays how long closed executions are kept, 0 to 90 days
         * @return this builder
         */
        public Builder registerDomain(int retentionDays) {
            if (retentionDays < 0 || retentionDays > 90) {
                throw new IllegalArgumentException(
                        "registerDomain retention must be 0 to 90 days, but was " + retentionDays);
            }
            this.registerDomainRetentionDays = retentionDays;
            return this;
        }

        /**
         * Whether start registers the workflow and activity types with their annotations'
         * defaults. Default: true.
         *
         * @param register whether to
         * @return this builder
         */
        public Builder registerTypes(boolean register) {
            this.registerTypes = register;
            return this;
        }

        /**
         * Whether start fails when a type is registered already with defaults other than its
         * annotations' (SWF types cannot change; a changed default otherwise does nothing).
         * Default: false: the drift is logged as a warning.
         *
         * @param fail whether to
         * @return this builder
         */
        public Builder failOnTypeDrift(boolean fail) {
            this.failOnTypeDrift = fail;
            return this;
        }

        /**
         * Whether activity tasks run on virtual threads, on JDK 24 and later (before 24, and by
         * default, they run on platform threads). Default: false.
         *
         * <p>On a virtual thread, an activity waiting for I/O costs no platform thread, and each
         * of its polls is woken by a continuation switch rather than by the operating system:
         * activity-heavy workers push more tasks through fewer cores. But virtual threads are not
         * preempted: an activity computing for seconds holds one of the JVM's carrier threads
         * (one per core) all that time, and as many such activities as cores stall every other
         * virtual thread, decisions included. Turn it on for activities that mostly wait.
         * Decision threads are virtual on JDK 24 and later whatever this says (a decision is
         * short; the {@linkplain #deadlockTimeout(Duration) deadlock timeout} bounds it).
         *
         * @param virtual whether to
         * @return this builder
         */
        public Builder virtualActivityThreads(boolean virtual) {
            this.virtualActivityThreads = virtual;
            return this;
        }

        /**
         * What the worker reports to: metrics, tests. Default: {@link WorkerListener#NONE}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(WorkerListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How long {@link Worker#close()} lets in-flight tasks finish before it interrupts them.
         * Default: 30 seconds.
         *
         * @param grace positive
         * @return this builder
         */
        public Builder shutdownGracePeriod(Duration grace) {
            this.shutdownGracePeriod = positive("shutdownGracePeriod", grace);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WorkerOptions build() {
            return new WorkerOptions(this);
        }
    }
}
