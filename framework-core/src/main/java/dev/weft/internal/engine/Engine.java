package dev.weft.internal.engine;

import dev.weft.engine.LambdaFunction;
import dev.weft.engine.SwfEngine;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfServiceClientConfiguration;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.CountPendingActivityTasksRequest;
import software.amazon.awssdk.services.swf.model.CountPendingActivityTasksResponse;
import software.amazon.awssdk.services.swf.model.CountPendingDecisionTasksRequest;
import software.amazon.awssdk.services.swf.model.CountPendingDecisionTasksResponse;
import software.amazon.awssdk.services.swf.model.DeleteActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DeleteActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.DeleteWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.DeleteWorkflowTypeResponse;
import software.amazon.awssdk.services.swf.model.DeprecateActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DeprecateActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.DeprecateDomainRequest;
import software.amazon.awssdk.services.swf.model.DeprecateDomainResponse;
import software.amazon.awssdk.services.swf.model.DeprecateWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.DeprecateWorkflowTypeResponse;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.DescribeActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.DescribeDomainRequest;
import software.amazon.awssdk.services.swf.model.DescribeDomainResponse;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowTypeResponse;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryRequest;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ListActivityTypesRequest;
import software.amazon.awssdk.services.swf.model.ListActivityTypesResponse;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ListDomainsRequest;
import software.amazon.awssdk.services.swf.model.ListDomainsResponse;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.swf.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesRequest;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesResponse;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskRequest;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskRequest;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatRequest;
import software.amazon.awssdk.services.swf.model.RecordActivityTaskHeartbeatResponse;
import software.amazon.awssdk.services.swf.model.RegisterActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.RegisterActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.RegisterDomainRequest;
import software.amazon.awssdk.services.swf.model.RegisterDomainResponse;
import software.amazon.awssdk.services.swf.model.RegisterWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.RegisterWorkflowTypeResponse;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.RequestCancelWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.RequestCancelWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskCanceledRequest;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskCanceledResponse;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskCompletedRequest;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskCompletedResponse;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskFailedRequest;
import software.amazon.awssdk.services.swf.model.RespondActivityTaskFailedResponse;
import software.amazon.awssdk.services.swf.model.RespondDecisionTaskCompletedRequest;
import software.amazon.awssdk.services.swf.model.RespondDecisionTaskCompletedResponse;
import software.amazon.awssdk.services.swf.model.SignalWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.SignalWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.TagResourceRequest;
import software.amazon.awssdk.services.swf.model.TagResourceResponse;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.TerminateWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.TerminateWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.UndeprecateActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.UndeprecateActivityTypeResponse;
import software.amazon.awssdk.services.swf.model.UndeprecateDomainRequest;
import software.amazon.awssdk.services.swf.model.UndeprecateDomainResponse;
import software.amazon.awssdk.services.swf.model.UndeprecateWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.UndeprecateWorkflowTypeResponse;
import software.amazon.awssdk.services.swf.model.UntagResourceRequest;
import software.amazon.awssdk.services.swf.model.UntagResourceResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionCancelRequestedCause;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTerminatedCause;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;

/**
 * The reference engine: {@link SwfEngine} over the domain registry, the executions, the task
 * queues and the scheduler. Built by {@link SwfEngine.Builder}.
 */
public final class Engine
        implements SwfEngine, dev.weft.internal.spi.InterruptiblePolls, dev.weft.internal.spi.ClientWaits {
    /** SWF's quota on open executions per domain (children included). */
    static final int MAX_OPEN_EXECUTIONS = 100_000;

    final Scheduler scheduler;
    /** Task tokens in use: an {@link ActivityTask} or an {@link Execution.DecisionLease}. */
    final ConcurrentHashMap<String, Object> tokens = new ConcurrentHashMap<>();

    final PageTokens pages;
    final Paging paging = new Paging(this);
    final Registry registry = new Registry(this);
    private final Decisions decisions = new Decisions(this);
    private final Visibility visibility = new Visibility(this);
    private final long pollTimeoutMillis;
    private final String region;
    private final String arnPrefix;
    private final ConcurrentHashMap<String, LambdaFunction> lambdaFunctions;
    private final ExecutorService lambdaRunner;
    private final AtomicInteger runningLambdas = new AtomicInteger();
    private final AtomicLong tokenSeq = new AtomicLong();
    private final long tokenKey;
    private volatile boolean closed;

    /** Calls that change executions, in progress: while one runs, work may be between two executions. */
    private final AtomicInteger callsInFlight = new AtomicInteger();
    /** Counts changes (history events, finished calls): waiters compare it to see that something happened. */
    private final AtomicLong changes = new AtomicLong();

    private final ReentrantLock changeLock = new ReentrantLock();
    private final Condition changed = changeLock.newCondition();
    private final AtomicInteger changeWaiters = new AtomicInteger();
    /**
     * The clients waiting for a run to close, by run id: a close wakes only those that wait for
     * it (a client collecting many results is not woken by every other run's close).
     */
    private final ConcurrentHashMap<String, CloseWaiters> closeWaiters = new ConcurrentHashMap<>();

    /** The clients waiting for one run to close; guarded by changeLock. */
    private static final class CloseWaiters {
        final Condition closed;
        int count;

        CloseWaiters(Condition closed) {
            this.closed = closed;
        }
    }

    private final int historyEventLimit;

    /** The most events a history may hold (SWF's 25,000 unless built with another). */
    int historyEventLimit() {
        return historyEventLimit;
    }

    public Engine(
            Clock clock,
            Instant virtualStart,
            Duration pollTimeout,
            String region,
            String accountId,
            Map<String, LambdaFunction> lambdaFunctions,
            int historyEventLimit) {
        this.historyEventLimit = historyEventLimit;
        this.scheduler = virtualStart != null
                ? Scheduler.virtualTime(virtualStart.toEpochMilli())
                : Scheduler.wallClock(Objects.requireNonNull(clock, "clock"));
        this.pollTimeoutMillis = pollTimeout.toMillis();
        this.region = region;
        this.arnPrefix = "arn:aws:swf:" + region + ":" + accountId + ":/domain/";
        this.lambdaFunctions = new ConcurrentHashMap<>(lambdaFunctions);
        this.tokenKey = ThreadLocalRandom.current().nextLong();
        this.pages = new PageTokens();
        AtomicInteger lambdaThreads = new AtomicInteger();
        this.lambdaRunner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "weft-engine-lambda-" + lambdaThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    // ---------------------------------------------------------------------------------------
    // SwfEngine

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(scheduler.now());
    }

    @Override
    public boolean isVirtualTime() {
        return scheduler.isVirtual();
    }

    @Override
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, but was " + duration);
        }
        checkOpen();
        scheduler.advanceTo(scheduler.now() + duration.toMillis());
    }

    @Override
    public Optional<Instant> nextDeadline() {
        long next = scheduler.nextHistoryDeadline();
        return next < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
    }

    @Override
    public void registerLambdaFunction(String name, LambdaFunction function) {
        lambdaFunctions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
    }

    /**
     * How many polls are waiting for a task right now, over every task list: for diagnostics and
     * for tests that must know a poll is parked before they act.
     *
     * @return the number of waiting polls
     */
    public int waitingPolls() {
        int n = 0;
        for (Domain d : registry.domains()) {
            for (TaskQueue q : d.allQueues()) {
                n += q.waiting();
            }
        }
        return n;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public SwfServiceClientConfiguration serviceClientConfiguration() {
        return SwfServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        changeLock.lock();
        try {
            changed.signalAll();
            for (CloseWaiters w : closeWaiters.values()) {
                w.closed.signalAll();
            }
        } finally {
            changeLock.unlock();
        }
        for (Domain d : registry.domains()) {
            for (TaskQueue q : d.allQueues()) {
                q.expireAll();
            }
        }
        scheduler.close();
        lambdaRunner.shutdownNow();
    }

    @Override
    public String toString() {
        return "SwfEngine[" + (scheduler.isVirtual() ? "virtual time " + nowMillis() : "wall clock") + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This SwfEngine is closed.");
        }
    }

    /** Engine time in epoch millis: what every timestamp and deadline is computed from. */
    long nowMillis() {
        return scheduler.now();
    }

    String arn(String domain) {
        return arnPrefix + domain;
    }

    // ---------------------------------------------------------------------------------------
    // Quiescence: whether anything is happening, for drivers of virtual time and for waiters

    /** A change-making call begins. Pair with {@link #exit()} in a finally block. */
    private void enter() {
        callsInFlight.incrementAndGet();
    }

    /** A change-making call ends: counted as a change before it stops counting as in flight. */
    private void exit() {
        changes.incrementAndGet();
        callsInFlight.decrementAndGet();
        signalChange();
    }

    /** Something changed (a history event, a fired deadline): wakes waiters. */
    void changed() {
        changes.incrementAndGet();
        signalChange();
    }

    private void signalChange() {
        if (changeWaiters.get() > 0) {
            changeLock.lock();
            try {
                changed.signalAll();
            } finally {
                changeLock.unlock();
            }
        }
    }

    private <T> T startTracked(PollSpec<T> spec, TaskQueue.Task task) {
        enter();
        try {
            return spec.start.apply(task);
        } finally {
            exit();
        }
    }

    @Override
    public long changeMark() {
        return changes.get();
    }

    @Override
    public void awaitChange(long mark, long maxNanos) throws InterruptedException {
        changeLock.lock();
        try {
            changeWaiters.incrementAndGet();
            long left = maxNanos;
            while (changes.get() == mark && left > 0 && !closed) {
                left = changed.awaitNanos(left);
            }
        } finally {
            changeWaiters.decrementAndGet();
            changeLock.unlock();
        }
    }

    /** A run closed: wakes the clients waiting for it. Called after the run stops being open. */
    void runClosed(String runId) {
        // A client registers before it looks whether the run is open: one of the two sees the other.
        if (closeWaiters.containsKey(runId)) {
            changeLock.lock();
            try {
                CloseWaiters w = closeWaiters.get(runId);
                if (w != null) {
                    w.closed.signalAll();
                }
            } finally {
                changeLock.unlock();
            }
        }
    }

    /** How many runs have a client waiting for their close (for tests: a wait leaves nothing behind). */
    int closeWaiterRuns() {
        return closeWaiters.size();
    }

    @Override
    public boolean awaitClosed(String domain, String workflowId, String runId, long maxNanos)
            throws InterruptedException {
        Objects.requireNonNull(runId, "runId");
        long left = maxNanos;
        changeLock.lock();
        try {
            CloseWaiters w = closeWaiters.computeIfAbsent(runId, k -> new CloseWaiters(changeLock.newCondition()));
            w.count++;
            try {
                while (true) {
                    if (!isOpen(domain, workflowId, runId)) {
                        return true;
                    }
                    if (closed) {
                        throw new IllegalStateException("The engine was closed while a client waited for " + workflowId
                                + " (run " + runId + ") to close");
                    }
                    if (left <= 0) {
                        return false;
                    }
                    left = w.closed.awaitNanos(left);
                }
            } finally {
                if (--w.count == 0) {
                    closeWaiters.remove(runId);
                }
            }
        } finally {
            changeLock.unlock();
        }
    }

    @Override
    public HistoryEvent lastEvent(String domain, String workflowId, String runId) {
        Domain d;
        try {
            d = registry.domain(domain);
        } catch (RuntimeException e) {
            return null;
        }
        Execution e = d.runs.get(runId);
        return e != null && e.workflowId.equals(workflowId) ? e.lastEvent() : null;
    }

    @Override
    public boolean isOpen(String domain, String workflowId, String runId) {
        Domain d;
        try {
            d = registry.domain(domain);
        } catch (RuntimeException e) {
            return false;
        }
        Execution e = d.runs.get(runId);
        return e != null && e.workflowId.equals(workflowId) && e.isOpen();
    }

    /** Wakes every {@link #awaitChange} waiter, as a change would (a test harness has news for them). */
    public void wakeWaiters() {
        changed();
    }

    /**
     * Which task lists someone polls: work scheduled on them is about to run, while work on other
     * lists waits for time (its schedule-to-start timeout) rather than for a poller.
     */
    public interface Served {
        /** Serves every list: anything scheduled counts as about to run. */
        Served ALL = new Served() {
            @Override
            public boolean decisions(String domain, String taskList) {
                return true;
            }

            @Override
            public boolean activities(String domain, String taskList) {
                return true;
            }
        };

        /**
         * Whether decision tasks on this list are polled.
         *
         * @param domain the domain
         * @param taskList the task list
         * @return whether they are polled
         */
        boolean decisions(String domain, String taskList);

        /**
         * Whether activity tasks on this list are polled.
         *
         * @param domain the domain
         * @param taskList the task list
         * @return whether they are polled
         */
        boolean activities(String domain, String taskList);
    }

    /**
     * Moves virtual time to the next history deadline (and no further than {@code limitMillis}),
     * but only if nothing is happening: no change-making call in progress, no decision or activity
     * task started, none scheduled on a list that {@code served} says is polled, no Lambda running.
     * Deadlines already due fire first, without the check (time does not move for them).
     *
     * <p>The check is consistent: deadlines cannot fire during it, and a call that ran while it
     * looked is noticed and the check answers "busy", so work in transit between two executions
     * (a child's close on its way to the parent) is never missed.
     *
     * @param served which task lists are polled
     * @param limitMillis the latest instant to move to (epoch millis); {@code Long.MAX_VALUE} for
     *     none, in which case time moves only to a deadline
     * @return whether anything fired or time moved
     */
    public boolean advanceIfIdle(Served served, long limitMillis) {
        checkOpen();
        return scheduler.advanceIf(() -> idle(served, changes.get()), limitMillis);
    }

    /**
     * As {@link #advanceIfIdle(Served, long)}, but time moves only if nothing changed since {@code
     * mark} either: for a caller that looked at the engine at {@code mark} (a run was still open,
     * say) and waits for that to change. Without the mark, a run that closed between the caller's
     * look and this check would leave the engine idle, and time would jump to the next deadline
     * (perhaps days on, past the closed run's retention) although the caller's wait was over.
     *
     * @param served which task lists are polled
     * @param limitMillis the latest instant to move to (epoch millis), or {@code Long.MAX_VALUE}
     * @param mark the {@link #changeMark()} at which the caller looked
     * @return whether anything fired or time moved
     */
    public boolean advanceIfIdle(Served served, long limitMillis, long mark) {
        checkOpen();
        return scheduler.advanceIf(() -> idle(served, mark), limitMillis);
    }

    /**
     * Whether nothing is happening now; see {@link #advanceIfIdle}.
     *
     * @param served which task lists are polled
     * @return whether the engine is idle
     */
    public boolean isIdle(Served served) {
        return idle(served, changes.get());
    }

    /** Whether nothing is happening, and nothing changed since {@code mark}. */
    private boolean idle(Served served, long mark) {
        if (changes.get() != mark || callsInFlight.get() > 0 || runningLambdas.get() > 0) {
            return false;
        }
        for (Domain d : registry.domains()) {
            for (Execution e : d.open.values()) {
                if (e.hasWork(served)) {
                    return false;
                }
            }
        }
        // A call that began after the first look and ended before this one changed the count.
        return callsInFlight.get() == 0 && runningLambdas.get() == 0 && changes.get() == mark;
    }

    /** Runs effects queued under an execution's monitor; call with no monitor held. */
    void afterLock(Effects fx) {
        fx.run();
    }

    /** A fresh task token: opaque, unique, and hard to guess. */
    String newToken() {
        long seq = tokenSeq.incrementAndGet();
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putLong(seq ^ tokenKey);
        b.putLong(ThreadLocalRandom.current().nextLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** A fresh run id in SWF's form: "22" and 44 characters of base64 text. */
    String newRunId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "22" + Base64.getEncoder().encodeToString(bytes);
    }

    // ---------------------------------------------------------------------------------------
    // Domains, types and tags

    @Override
    public RegisterDomainResponse registerDomain(RegisterDomainRequest r) {
        checkOpen();
        registry.registerDomain(r);
        return RegisterDomainResponse.builder().build();
    }

    @Override
    public DescribeDomainResponse describeDomain(DescribeDomainRequest r) {
        checkOpen();
        return registry.describeDomain(r);
    }

    @Override
    public ListDomainsResponse listDomains(ListDomainsRequest r) {
        checkOpen();
        return registry.listDomains(r);
    }

    @Override
    public DeprecateDomainResponse deprecateDomain(DeprecateDomainRequest r) {
        checkOpen();
        registry.deprecateDomain(r);
        return DeprecateDomainResponse.builder().build();
    }

    @Override
    public UndeprecateDomainResponse undeprecateDomain(UndeprecateDomainRequest r) {
        checkOpen();
        registry.undeprecateDomain(r);
        return UndeprecateDomainResponse.builder().build();
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest r) {
        checkOpen();
        registry.tagResource(r);
        return TagResourceResponse.builder().build();
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        checkOpen();
        registry.untagResource(r);
        return UntagResourceResponse.builder().build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        checkOpen();
        return registry.listTagsForResource(r);
    }

    @Override
    public RegisterActivityTypeResponse registerActivityType(RegisterActivityTypeRequest r) {
        checkOpen();
        registry.registerActivityType(r);
        return RegisterActivityTypeResponse.builder().build();
    }

    @Override
    public DescribeActivityTypeResponse describeActivityType(DescribeActivityTypeRequest r) {
        checkOpen();
        return registry.describeActivityType(r);
    }

    @Override
    public ListActivityTypesResponse listActivityTypes(ListActivityTypesRequest r) {
        checkOpen();
        return registry.listActivityTypes(r);
    }

    @Override
    public DeprecateActivityTypeResponse deprecateActivityType(DeprecateActivityTypeRequest r) {
        checkOpen();
        registry.deprecateActivityType(r);
        return DeprecateActivityTypeResponse.builder().build();
    }

    @Override
    public UndeprecateActivityTypeResponse undeprecateActivityType(UndeprecateActivityTypeRequest r) {
        checkOpen();
        registry.undeprecateActivityType(r);
        return UndeprecateActivityTypeResponse.builder().build();
    }

    @Override
    public DeleteActivityTypeResponse deleteActivityType(DeleteActivityTypeRequest r) {
        checkOpen();
        registry.deleteActivityType(r);
        return DeleteActivityTypeResponse.builder().build();
    }

    @Override
    public RegisterWorkflowTypeResponse registerWorkflowType(RegisterWorkflowTypeRequest r) {
        checkOpen();
        registry.registerWorkflowType(r);
        return RegisterWorkflowTypeResponse.builder().build();
    }

    @Override
    public DescribeWorkflowTypeResponse describeWorkflowType(DescribeWorkflowTypeRequest r) {
        checkOpen();
        return registry.describeWorkflowType(r);
    }

    @Override
    public ListWorkflowTypesResponse listWorkflowTypes(ListWorkflowTypesRequest r) {
        checkOpen();
        return registry.listWorkflowTypes(r);
    }

    @Override
    public DeprecateWorkflowTypeResponse deprecateWorkflowType(DeprecateWorkflowTypeRequest r) {
        checkOpen();
        registry.deprecateWorkflowType(r);
        return DeprecateWorkflowTypeResponse.builder().build();
    }

    @Override
    public UndeprecateWorkflowTypeResponse undeprecateWorkflowType(UndeprecateWorkflowTypeRequest r) {
        checkOpen();
        registry.undeprecateWorkflowType(r);
        return UndeprecateWorkflowTypeResponse.builder().build();
    }

    @Override
    public DeleteWorkflowTypeResponse deleteWorkflowType(DeleteWorkflowTypeRequest r) {
        checkOpen();
        registry.deleteWorkflowType(r);
        return DeleteWorkflowTypeResponse.builder().build();
    }

    // ---------------------------------------------------------------------------------------
    // Starting executions

    /** Registration defaults merged with what a start gave; {@code missing} names a gap. */
    record Resolved(
            String taskList,
            String executionStartToCloseTimeout,
            String taskStartToCloseTimeout,
            ChildPolicy childPolicy,
            String taskPriority,
            String lambdaRole,
            String missing) {}

    static Resolved resolve(
            WorkflowTypeRecord t,
            TaskList taskList,
            String executionTimeout,
            String taskTimeout,
            String childPolicy,
            String priority,
            String lambdaRole) {
        WorkflowTypeConfiguration cfg = t.configuration;
        String list = taskList != null
                ? taskList.name()
                : cfg.defaultTaskList() == null ? null : cfg.defaultTaskList().name();
        String execution = executionTimeout != null ? executionTimeout : cfg.defaultExecutionStartToCloseTimeout();
        String task = taskTimeout != null ? taskTimeout : cfg.defaultTaskStartToCloseTimeout();
        String policy = childPolicy != null ? childPolicy : cfg.defaultChildPolicyAsString();
        String missing = list == null
                ? "taskList"
                : execution == null
                        ? "executionStartToCloseTimeout"
                        : task == null ? "taskStartToCloseTimeout" : policy == null ? "childPolicy" : null;
        return new Resolved(
                list,
                execution,
                task,
                policy == null ? null : ChildPolicy.fromValue(policy),
                priority != null ? priority : cfg.defaultTaskPriority(),
                lambdaRole != null ? lambdaRole : cfg.defaultLambdaRole(),
                missing);
    }

    @Override
    public StartWorkflowExecutionResponse startWorkflowExecution(StartWorkflowExecutionRequest r) {
        enter();
        try {
            Check c =
                    new Check().length("domain", r.domain(), 1, Check.NAME_MAX).name("workflowId", r.workflowId());
            Registry.checkWorkflowType(c, "workflowType", r.workflowType());
            c.optionalTaskList("taskList", r.taskList())
                    .priority("taskPriority", r.taskPriority())
                    .length("input", r.input(), Check.DATA_MAX)
                    .duration("executionStartToCloseTimeout", r.executionStartToCloseTimeout(), false, false)
                    .tagList("tagList", r.hasTagList() ? r.tagList() : null)
                    .duration("taskStartToCloseTimeout", r.taskStartToCloseTimeout(), true, false)
                    .optional("lambdaRole", r.lambdaRole(), 1, 1600);
            Registry.childPolicy(c, "childPolicy", r.childPolicyAsString());
            c.done();
            checkOpen();
            Domain d = registry.usableDomain(r.domain());
            WorkflowTypeRecord t = registry.workflowType(d, r.workflowType());
            if (t.status() == RegistrationStatus.DEPRECATED) {
                throw Faults.typeDeprecated("WorkflowType=" + t.key);
            }
            Resolved resolved = resolve(
                    t,
                    r.taskList(),
                    r.executionStartToCloseTimeout(),
                    r.taskStartToCloseTimeout(),
                    r.childPolicyAsString(),
                    r.taskPriority(),
                    r.lambdaRole());
            if (resolved.missing() != null) {
                String m = resolved.missing();
                throw Faults.defaultUndefined(m + ": the request gives none and WorkflowType=" + t.key
                        + " was registered without default" + Character.toUpperCase(m.charAt(0)) + m.substring(1)
                        + ". Give " + m + " when starting, or register a new version with a default.");
            }
            if (d.open.size() >= MAX_OPEN_EXECUTIONS) {
                throw Faults.limitExceeded(
                        "Domain " + d.name + " already has " + MAX_OPEN_EXECUTIONS + " open workflow executions");
            }
            Execution e = new Execution(
                    this,
                    new Execution.Spec(
                            d,
                            t.type,
                            r.workflowId(),
                            r.input(),
                            resolved.executionStartToCloseTimeout(),
                            resolved.taskStartToCloseTimeout(),
                            resolved.taskList(),
                            resolved.taskPriority(),
                            resolved.childPolicy(),
                            r.hasTagList() ? r.tagList() : null,
                            resolved.lambdaRole(),
                            null,
                            0L,
                            null),
                    newRunId());
            Execution running = d.open.putIfAbsent(r.workflowId(), e);
            if (running != null) {
                throw Faults.alreadyStarted("WorkflowExecution=[workflowId=" + r.workflowId() + ", runId="
                        + running.runId + "] is already open; a workflow id may have one open run at a time");
            }
            publish(e);
            e.activate();
            return StartWorkflowExecutionResponse.builder().runId(e.runId).build();
        } finally {
            exit();
        }
    }

    /** Makes a new run visible: by run id and in the open index. */
    void publish(Execution e) {
        e.domain.runs.put(e.runId, e);
        e.domain.openByStart.put(new Domain.VisKey(e.startMillis, e.runId), e);
    }

    /** Starts a child for a parent's StartChildWorkflowExecution decision (an effect). */
    void startChild(Execution parent, long initiatedEventId, Execution.Spec spec, String control) {
        Effects fx = new Effects();
        Domain d = parent.domain;
        Execution child = new Execution(this, spec, newRunId());
        if (d.open.putIfAbsent(spec.workflowId(), child) != null) {
            parent.childStartFailed(initiatedEventId, control, fx);
            afterLock(fx);
            return;
        }
        publish(child);
        boolean parentWaits = parent.childStarted(initiatedEventId, child, fx);
        child.activate();
        if (!parentWaits) {
            // The parent closed while the child started: its child policy applies now.
            ChildPolicy policy = parent.appliedChildPolicy();
            if (policy != null) {
                applyChildPolicy(d, spec.workflowId(), parent.workflowId, policy);
            }
        }
        afterLock(fx);
    }

    /** Terminates or asks to cancel a child whose parent closed; ABANDON is never passed here. */
    void applyChildPolicy(Domain d, String workflowId, String parentWorkflowId, ChildPolicy policy) {
        Execution child = d.open.get(workflowId);
        if (child == null || child.parent == null || !child.parent.workflowId().equals(parentWorkflowId)) {
            return;
        }
        Effects fx = new Effects();
        synchronized (child) {
            if (!child.isOpen()) {
                return;
            }
            child.guarded(fx, () -> {
                if (policy == ChildPolicy.TERMINATE) {
                    child.terminate(
                            null, null, child.childPolicy, WorkflowExecutionTerminatedCause.CHILD_POLICY_APPLIED, fx);
                } else {
                    child.cancelRequested(null, 0L, WorkflowExecutionCancelRequestedCause.CHILD_POLICY_APPLIED);
                }
            });
        }
        afterLock(fx);
    }

    /** Delivers a SignalExternalWorkflowExecution decision (an effect). */
    void deliverSignal(
            Execution from, long initiatedEventId, String workflowId, String runId, String name, String input) {
        Effects fx = new Effects();
        WorkflowExecution delivered = null;
        Execution target = openRun(from.domain, workflowId, runId);
        if (target != null) {
            synchronized (target) {
                if (target.isOpen()) {
                    target.guarded(fx, () -> target.signaled(name, input, from.ref, initiatedEventId));
                    delivered = target.ref;
                }
            }
        }
        from.externalSignalResult(initiatedEventId, delivered, fx);
        afterLock(fx);
    }

    /** Delivers a RequestCancelExternalWorkflowExecution decision (an effect). */
    void deliverCancel(Execution from, long initiatedEventId, String workflowId, String runId) {
        Effects fx = new Effects();
        WorkflowExecution delivered = null;
        Execution target = openRun(from.domain, workflowId, runId);
        if (target != null) {
            synchronized (target) {
                if (target.isOpen()) {
                    target.guarded(fx, () -> target.cancelRequested(from.ref, initiatedEventId, null));
                    delivered = target.ref;
                }
            }
        }
        from.externalCancelResult(initiatedEventId, delivered, fx);
        afterLock(fx);
    }

    /**
     * How many Lambda functions are running on engine threads right now: virtual time must not
     * move past their timeouts while they run.
     *
     * @return the number of running functions
     */
    public int runningLambdas() {
        return runningLambdas.get();
    }

    /** Runs a started Lambda function on an engine thread. */
    void runLambda(Execution e, Execution.LambdaTask task) {
        LambdaFunction function = lambdaFunctions.get(task.name);
        runningLambdas.incrementAndGet();
        try {
            lambdaRunner.execute(() -> {
                try {
                    invokeLambda(e, task, function);
                } finally {
                    runningLambdas.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            runningLambdas.decrementAndGet(); // The engine is closing; the function never runs.
        }
    }

    private static void invokeLambda(Execution e, Execution.LambdaTask task, LambdaFunction function) {
        if (function == null) {
            e.lambdaFinished(
                    task,
                    null,
                    "ResourceNotFoundException",
                    "Function not found: " + task.name + ". Register it with"
                            + " SwfEngine.Builder.lambdaFunction(name, function).");
            return;
        }
        String result;
        try {
            result = function.invoke(task.input);
        } catch (Exception | Error failure) {
            e.lambdaFinished(
                    task,
                    null,
                    cut(failure.getClass().getName(), Check.REASON_MAX),
                    cut(String.valueOf(failure.getMessage()), Check.DATA_MAX));
            return;
        }
        if (result != null && result.length() > Check.DATA_MAX) {
            e.lambdaFinished(
                    task,
                    null,
                    "ResultTooLarge",
                    "The function returned " + result.length() + " characters; the limit is " + Check.DATA_MAX);
        } else {
            e.lambdaFinished(task, result, null, null);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---------------------------------------------------------------------------------------
    // Operating on executions

    /** The open run of a workflow id (or the given run, if open), or null. */
    static Execution openRun(Domain d, String workflowId, String runId) {
        if (runId == null || runId.isEmpty()) {
            return d.open.get(workflowId);
        }
        Execution e = d.runs.get(runId);
        return e != null && e.workflowId.equals(workflowId) && e.isOpen() ? e : null;
    }

    /** The open run, or UnknownResource in SWF's words. */
    private static Execution requireOpenRun(Domain d, String workflowId, String runId) {
        Execution e = openRun(d, workflowId, runId);
        if (e == null) {
            throw unknownExecution(workflowId, runId);
        }
        return e;
    }

    static software.amazon.awssdk.services.swf.model.UnknownResourceException unknownExecution(
            String workflowId, String runId) {
        return Faults.unknownResource(
                runId == null || runId.isEmpty()
                        ? "Unknown execution, workflowId = " + workflowId
                        : "Unknown execution: WorkflowExecution=[workflowId=" + workflowId + ", runId=" + runId + "]");
    }

    /** Any retained run (open or closed), or UnknownResource. */
    Execution run(Domain d, WorkflowExecution x) {
        Execution e = d.runs.get(x.runId());
        if (e == null || !e.workflowId.equals(x.workflowId())) {
            throw unknownExecution(x.workflowId(), x.runId());
        }
        return e;
    }

    static void checkExecution(Check c, String path, WorkflowExecution x) {
        if (x == null) {
            c.fail(path, null, "Member must not be null");
            return;
        }
        c.length(path + ".workflowId", x.workflowId(), 1, Check.NAME_MAX)
                .length(path + ".runId", x.runId(), 1, Check.RUN_ID_MAX);
    }

    @Override
    public DescribeWorkflowExecutionResponse describeWorkflowExecution(DescribeWorkflowExecutionRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkExecution(c, "execution", r.execution());
        c.done();
        checkOpen();
        Execution e = run(registry.domain(r.domain()), r.execution());
        synchronized (e) {
            return DescribeWorkflowExecutionResponse.builder()
                    .executionInfo(e.info())
                    .executionConfiguration(e.configuration())
                    .openCounts(e.openCounts())
                    .latestActivityTaskTimestamp(e.latestActivityTaskTimestamp())
                    .latestExecutionContext(e.latestExecutionContext())
                    .build();
        }
    }

    @Override
    public GetWorkflowExecutionHistoryResponse getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest r) {
        Check c = new Check().length("domain", r.domain(), 1, Check.NAME_MAX);
        checkExecution(c, "execution", r.execution());
        c.length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX)
                .pageSize("maximumPageSize", r.maximumPageSize());
        c.done();
        checkOpen();
        Execution e = run(registry.domain(r.domain()), r.execution());
        boolean reverse = Boolean.TRUE.equals(r.reverseOrder());
        int fingerprint = Objects.hash(r.domain(), e.workflowId, e.runId, reverse);
        int offset = 0;
        if (r.nextPageToken() != null) {
            offset = parseOffset(
                    pages.redeem(r.nextPageToken(), "GetWorkflowExecutionHistory", fingerprint, nowMillis()));
        }
        int size = Paging.pageSize(r.maximumPageSize());
        int length = e.historyLength();
        if (offset < 0 || offset > length) {
            throw badPageToken(r.nextPageToken());
        }
        Slice slice = slice(e, 0, length, offset, size, reverse);
        return GetWorkflowExecutionHistoryResponse.builder()
                .events(slice.events)
                .nextPageToken(
                        slice.next < 0
                                ? null
                                : pages.issue(
                                        "GetWorkflowExecutionHistory",
                                        fingerprint,
                                        Integer.toString(slice.next),
                                        nowMillis()))
                .build();
    }

    private static int parseOffset(String position) {
        try {
            return Integer.parseInt(position);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static RuntimeException badPageToken(String token) {
        return Check.failure("nextPageToken", token, "Member must be a nextPageToken returned by SWF");
    }

    /** One page of events from the window {@code [from, to)}, and the offset of the next page or -1. */
    private record Slice(List<HistoryEvent> events, int next) {}

    private static Slice slice(Execution e, int from, int to, int offset, int size, boolean reverse) {
        int count = to - from;
        int take = Math.max(0, Math.min(size, count - offset));
        List<HistoryEvent> events;
        if (!reverse) {
            events = e.events(from + offset, from + offset + take);
        } else {
            events = e.events(to - offset - take, to - offset);
            Collections.reverse(events);
        }
        return new Slice(events, offset + take < count ? offset + take : -1);
    }

    @Override
    public SignalWorkflowExecutionResponse signalWorkflowExecution(SignalWorkflowExecutionRequest r) {
        enter();
        try {
            new Check()
                    .length("domain", r.domain(), 1, Check.NAME_MAX)
                    .length("workflowId", r.workflowId(), 1, Check.NAME_MAX)
                    .length("runId", r.runId(), Check.RUN_ID_MAX)
                    .length("signalName", r.signalName(), 1, Check.NAME_MAX)
                    .length("input", r.input(), Check.DATA_MAX)
                    .done();
            checkOpen();
            Execution e = requireOpenRun(registry.domain(r.domain()), r.workflowId(), r.runId());
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.isOpen()) {
                    throw unknownExecution(r.workflowId(), r.runId());
                }
                e.guarded(fx, () -> e.signaled(r.signalName(), r.input(), null, 0L));
            }
            afterLock(fx);
            return SignalWorkflowExecutionResponse.builder().build();
        } finally {
            exit();
        }
    }

    @Override
    public RequestCancelWorkflowExecutionResponse requestCancelWorkflowExecution(
            RequestCancelWorkflowExecutionRequest r) {
        enter();
        try {
            new Check()
                    .length("domain", r.domain(), 1, Check.NAME_MAX)
                    .length("workflowId", r.workflowId(), 1, Check.NAME_MAX)
                    .length("runId", r.runId(), Check.RUN_ID_MAX)
                    .done();
            checkOpen();
            Execution e = requireOpenRun(registry.domain(r.domain()), r.workflowId(), r.runId());
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.isOpen()) {
                    throw unknownExecution(r.workflowId(), r.runId());
                }
                e.guarded(fx, () -> e.cancelRequested(null, 0L, null));
            }
            afterLock(fx);
            return RequestCancelWorkflowExecutionResponse.builder().build();
        } finally {
            exit();
        }
    }

    @Override
    public TerminateWorkflowExecutionResponse terminateWorkflowExecution(TerminateWorkflowExecutionRequest r) {
        enter();
        try {
            Check c = new Check()
                    .length("domain", r.domain(), 1, Check.NAME_MAX)
                    .length("workflowId", r.workflowId(), 1, Check.NAME_MAX)
                    .length("runId", r.runId(), Check.RUN_ID_MAX)
                    .length("reason", r.reason(), Check.REASON_MAX)
                    .length("details", r.details(), Check.DATA_MAX);
            Registry.childPolicy(c, "childPolicy", r.childPolicyAsString());
            c.done();
            checkOpen();
            Execution e = requireOpenRun(registry.domain(r.domain()), r.workflowId(), r.runId());
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.isOpen()) {
                    throw unknownExecution(r.workflowId(), r.runId());
                }
                ChildPolicy policy = r.childPolicy() != null ? r.childPolicy() : e.childPolicy;
                e.terminate(r.reason(), r.details(), policy, null, fx);
            }
            afterLock(fx);
            return TerminateWorkflowExecutionResponse.builder().build();
        } finally {
            exit();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Visibility

    @Override
    public ListOpenWorkflowExecutionsResponse listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest r) {
        checkOpen();
        return visibility.listOpen(r);
    }

    @Override
    public ListClosedWorkflowExecutionsResponse listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest r) {
        checkOpen();
        return visibility.listClosed(r);
    }

    @Override
    public CountOpenWorkflowExecutionsResponse countOpenWorkflowExecutions(CountOpenWorkflowExecutionsRequest r) {
        checkOpen();
        return visibility.countOpen(r);
    }

    @Override
    public CountClosedWorkflowExecutionsResponse countClosedWorkflowExecutions(CountClosedWorkflowExecutionsRequest r) {
        checkOpen();
        return visibility.countClosed(r);
    }

    // ---------------------------------------------------------------------------------------
    // Tasks

    /** A decision task just handed to a poller. */
    record StartedDecision(
            Execution execution, String token, long startedEventId, long previousStartedEventId, Effects fx) {}

    @Override
    public PollForDecisionTaskResponse pollForDecisionTask(PollForDecisionTaskRequest r) {
        Polled<PollForDecisionTaskResponse> polled = decisionPoll(r);
        return polled.ready != null ? polled.ready : awaitTask(polled.spec);
    }

    /**
     * PollForDecisionTask without a waiting thread: {@code done} is called exactly once, on a thread
     * of {@code executor} or the caller's, with the task (or the empty task when time is up or the
     * engine closes) or with a fault. Invalid requests throw at once, as the blocking form does.
     *
     * @return a handle that ends the poll early (with the empty task), as when a server stops
     */
    public PendingPoll pollForDecisionTask(
            PollForDecisionTaskRequest r, Executor executor, PollCallback<PollForDecisionTaskResponse> done) {
        Polled<PollForDecisionTaskResponse> polled = decisionPoll(r);
        if (polled.ready != null) {
            done.done(polled.ready, null);
            return PendingPoll.DONE;
        }
        return awaitTask(polled.spec, executor, done, new AsyncHandle());
    }

    private Polled<PollForDecisionTaskResponse> decisionPoll(PollForDecisionTaskRequest r) {
        new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .taskList("taskList", r.taskList())
                .length("identity", r.identity(), Check.IDENTITY_MAX)
                .length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX)
                .pageSize("maximumPageSize", r.maximumPageSize())
                .done();
        checkOpen();
        Domain d = registry.domain(r.domain());
        int fingerprint = Objects.hash(
                r.domain(),
                r.taskList().name(),
                Boolean.TRUE.equals(r.reverseOrder()),
                Boolean.TRUE.equals(r.startAtPreviousStartedEvent()));
        if (r.nextPageToken() != null) {
            return new Polled<>(nextDecisionPage(r, fingerprint), null);
        }
        return new Polled<>(
                null,
                new PollSpec<>(
                        d.decisionQueue(r.taskList().name()),
                        nowMillis() + pollTimeoutMillis,
                        task -> {
                            Execution.DecisionTaskRef ref = (Execution.DecisionTaskRef) task;
                            StartedDecision started = ref.execution.startDecisionTask(ref, r.identity());
                            if (started == null) {
                                return null;
                            }
                            afterLock(started.fx());
                            int to = (int) started.startedEventId();
                            int from = Boolean.TRUE.equals(r.startAtPreviousStartedEvent())
                                            && started.previousStartedEventId() > 0
                                    ? (int) started.previousStartedEventId() - 1
                                    : 0;
                            return decisionPage(
                                    started.execution(), started.token(), from, to, 0, r, fingerprint, started);
                        },
                        PollForDecisionTaskResponse.builder()
                                .taskToken("")
                                .startedEventId(0L)
                                .previousStartedEventId(0L)
                                .build()));
    }

    private PollForDecisionTaskResponse decisionPage(
            Execution e,
            String token,
            int from,
            int to,
            int offset,
            PollForDecisionTaskRequest r,
            int fingerprint,
            StartedDecision started) {
        boolean reverse = Boolean.TRUE.equals(r.reverseOrder());
        Slice slice = slice(e, from, to, offset, Paging.pageSize(r.maximumPageSize()), reverse);
        String next = slice.next < 0
                ? null
                : pages.issue(
                        "PollForDecisionTask",
                        fingerprint,
                        token + "\n" + from + "\n" + to + "\n" + slice.next,
                        nowMillis());
        return PollForDecisionTaskResponse.builder()
                .taskToken(token)
                .startedEventId(started.startedEventId())
                .workflowExecution(e.ref)
                .workflowType(e.type)
                .events(slice.events)
                .nextPageToken(next)
                .previousStartedEventId(started.previousStartedEventId())
                .build();
    }

    private PollForDecisionTaskResponse nextDecisionPage(PollForDecisionTaskRequest r, int fingerprint) {
        String[] position = pages.redeem(r.nextPageToken(), "PollForDecisionTask", fingerprint, nowMillis())
                .split("\n", 4);
        if (position.length != 4 || !(tokens.get(position[0]) instanceof Execution.DecisionLease l)) {
            throw Faults.unknownResource("Unknown decision task");
        }
        Execution e = l.execution();
        long previous;
        synchronized (e) {
            if (!e.holds(l)) {
                throw Faults.unknownResource("Unknown decision task");
            }
            previous = e.previousStartedEventId();
        }
        int from = parseOffset(position[1]);
        int to = parseOffset(position[2]);
        int offset = parseOffset(position[3]);
        if (from < 0 || to != l.startedEventId() || from > to || offset < 0 || offset > to - from) {
            throw badPageToken(r.nextPageToken());
        }
        return decisionPage(
                e,
                position[0],
                from,
                to,
                offset,
                r,
                fingerprint,
                new StartedDecision(e, position[0], l.startedEventId(), previous, null));
    }

    /** Receives the outcome of an asynchronous poll. */
    @FunctionalInterface
    public interface PollCallback<T> {
        /** Called once: with the response (possibly the empty task), or with a failure. */
        void done(T response, RuntimeException failure);
    }

    /** An asynchronous poll that may still be waiting. */
    public interface PendingPoll {
        /** A poll that completed at once. */
        PendingPoll DONE = () -> {};

        /** Ends the poll with the empty task if it is still waiting; harmless otherwise. */
        void abandon();
    }

    /** A poll: where it waits, until when, how a handed task is started, and the empty answer. */
    private record PollSpec<T>(TaskQueue queue, long deadline, Function<TaskQueue.Task, T> start, T empty) {}

    /** A poll that was answered without waiting (a further page), or one that may wait. */
    private record Polled<T>(T ready, PollSpec<T> spec) {}

    /** Waits on this thread for a task until the poll's deadline (engine time). */
    private <T> T awaitTask(PollSpec<T> spec) {
        while (true) {
            Poll.Blocking poll = new Poll.Blocking();
            TaskQueue.Task task = spec.queue.takeOrWait(poll);
            if (task == null) {
                if (!closed && spec.deadline > nowMillis()) {
                    poll.expiry = scheduler.at(spec.deadline, false, () -> expire(spec.queue, poll));
                    if (closed) {
                        // close() may have swept the queue before this poll joined it.
                        expire(spec.queue, poll);
                    }
                    poll.await();
                    scheduler.cancel(poll.expiry);
                } else {
                    expire(spec.queue, poll);
                }
                task = poll.task();
                if (task == null) {
                    spec.queue.forget(poll);
                    return spec.empty;
                }
            }
            T started = startTracked(spec, task);
            if (started != null) {
                return started;
            }
            // The task went stale between queue and poller; wait on for another.
        }
    }

    /**
     * The handle of an asynchronous poll. A poll handed a task that went stale waits again as a new
     * {@link Poll}, so the handle follows whichever one is waiting; an abandon that comes before a
     * wait is tracked (its caller may hold the handle late, or the poll may be between two waits)
     * ends that wait at once. Volatile write-then-read on both sides: one of them sees the other.
     */
    private static final class AsyncHandle implements PendingPoll {
        private record Current(TaskQueue queue, Poll poll) {}

        private volatile Current current;
        private volatile boolean abandoned;

        /** Makes {@code poll} the one to end; ends it now if the handle was already abandoned. */
        void track(TaskQueue queue, Poll poll) {
            current = new Current(queue, poll);
            if (abandoned) {
                expire(queue, poll);
            }
        }

        @Override
        public void abandon() {
            abandoned = true;
            Current c = current;
            if (c != null) {
                expire(c.queue, c.poll);
            }
        }
    }

    /** Waits for a task without a thread; see the public asynchronous polls. */
    private <T> PendingPoll awaitTask(PollSpec<T> spec, Executor executor, PollCallback<T> done, AsyncHandle handle) {
        while (true) {
            Poll.Async poll = new Poll.Async(executor);
            // The continuation must be in place before the poll can be matched or expired.
            poll.onWake(() -> {
                scheduler.cancel(poll.expiry);
                TaskQueue.Task matched = poll.task();
                if (matched == null) {
                    spec.queue.forget(poll);
                    done.done(spec.empty, null);
                } else {
                    finish(spec, matched, executor, done, handle);
                }
            });
            TaskQueue.Task task = spec.queue.takeOrWait(poll);
            if (task == null) {
                handle.track(spec.queue, poll);
                // Waiting: whatever ends the poll runs the continuation, exactly once.
                if (closed || spec.deadline <= nowMillis()) {
                    expire(spec.queue, poll);
                } else {
                    poll.expiry = scheduler.at(spec.deadline, false, () -> expire(spec.queue, poll));
                    if (closed) {
                        expire(spec.queue, poll); // close() may have swept the queue before this poll joined it.
                    }
                }
                return handle;
            }
            T started;
            try {
                started = startTracked(spec, task);
            } catch (RuntimeException e) {
                done.done(null, e);
                return PendingPoll.DONE;
            }
            if (started != null) {
                done.done(started, null);
                return PendingPoll.DONE;
            }
            // The task went stale between queue and poller; try again.
        }
    }

    /** Starts a task handed to an asynchronous poll, or goes back to waiting if it went stale. */
    private <T> void finish(
            PollSpec<T> spec, TaskQueue.Task task, Executor executor, PollCallback<T> done, AsyncHandle handle) {
        T started;
        try {
            started = startTracked(spec, task);
        } catch (RuntimeException e) {
            done.done(null, e);
            return;
        }
        if (started != null) {
            done.done(started, null);
        } else {
            awaitTask(spec, executor, done, handle);
        }
    }

    /** Ends a waiting poll empty-handed, if it is still waiting. */
    private static void expire(TaskQueue queue, Poll poll) {
        if (poll.expire()) {
            queue.forget(poll);
            poll.wake();
        }
    }

    @Override
    public RespondDecisionTaskCompletedResponse respondDecisionTaskCompleted(RespondDecisionTaskCompletedRequest r) {
        enter();
        try {
            Decisions.validate(r);
            checkOpen();
            if (!(tokens.get(r.taskToken()) instanceof Execution.DecisionLease l)) {
                throw Faults.unknownResource("Unknown decision task");
            }
            Execution e = l.execution();
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.holds(l)) {
                    throw Faults.unknownResource("Unknown decision task");
                }
                decisions.apply(e, r, l.startedEventId(), fx);
            }
            afterLock(fx);
            return RespondDecisionTaskCompletedResponse.builder().build();
        } finally {
            exit();
        }
    }

    @Override
    public PollForActivityTaskResponse pollForActivityTask(PollForActivityTaskRequest r) {
        return awaitTask(activityPoll(r));
    }

    /**
     * PollForActivityTask without a waiting thread; see {@link #pollForDecisionTask(
     * PollForDecisionTaskRequest, Executor, PollCallback)}.
     *
     * @return a handle that ends the poll early (with the empty task)
     */
    public PendingPoll pollForActivityTask(
            PollForActivityTaskRequest r, Executor executor, PollCallback<PollForActivityTaskResponse> done) {
        return awaitTask(activityPoll(r), executor, done, new AsyncHandle());
    }

    private PollSpec<PollForActivityTaskResponse> activityPoll(PollForActivityTaskRequest r) {
        new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .taskList("taskList", r.taskList())
                .length("identity", r.identity(), Check.IDENTITY_MAX)
                .done();
        checkOpen();
        Domain d = registry.domain(r.domain());
        return new PollSpec<>(
                d.activityQueue(r.taskList().name()),
                nowMillis() + pollTimeoutMillis,
                task -> {
                    ActivityTask a = (ActivityTask) task;
                    Effects fx = new Effects();
                    boolean started = a.execution.startActivity(a, r.identity(), fx);
                    afterLock(fx);
                    if (!started) {
                        return null;
                    }
                    return PollForActivityTaskResponse.builder()
                            .taskToken(a.token)
                            .activityId(a.activityId)
                            .startedEventId(a.startedEventId)
                            .workflowExecution(a.execution.ref)
                            .activityType(a.type)
                            .input(a.input)
                            .build();
                },
                PollForActivityTaskResponse.builder()
                        .taskToken("")
                        .startedEventId(0L)
                        .build());
    }

    /** The started activity task a token names, or UnknownResource. */
    private ActivityTask activity(String token) {
        if (!(tokens.get(token) instanceof ActivityTask task)) {
            throw Faults.unknownResource("Unknown activity task token: the task is closed (completed, failed,"
                    + " canceled or timed out), its execution is closed, or the token was never issued");
        }
        return task;
    }

    private static software.amazon.awssdk.services.swf.model.UnknownResourceException gone(ActivityTask a) {
        return Faults.unknownResource("Unknown activity, scheduledEventId = " + a.scheduledEventId);
    }

    @Override
    public RecordActivityTaskHeartbeatResponse recordActivityTaskHeartbeat(RecordActivityTaskHeartbeatRequest r) {
        new Check()
                .length("taskToken", r.taskToken(), 1, Check.TOKEN_MAX)
                .length("details", r.details(), Check.LIMITED_DATA_MAX)
                .done();
        checkOpen();
        ActivityTask a = activity(r.taskToken());
        Execution e = a.execution;
        boolean cancelRequested;
        synchronized (e) {
            if (!e.reportable(a)) {
                throw gone(a);
            }
            cancelRequested = e.heartbeat(a, r.details());
        }
        return RecordActivityTaskHeartbeatResponse.builder()
                .cancelRequested(cancelRequested)
                .build();
    }

    @Override
    public RespondActivityTaskCompletedResponse respondActivityTaskCompleted(RespondActivityTaskCompletedRequest r) {
        enter();
        try {
            new Check()
                    .length("taskToken", r.taskToken(), 1, Check.TOKEN_MAX)
                    .length("result", r.result(), Check.DATA_MAX)
                    .done();
            checkOpen();
            ActivityTask a = activity(r.taskToken());
            Execution e = a.execution;
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.reportable(a)) {
                    throw gone(a);
                }
                e.activityCompleted(a, r.result(), fx);
            }
            afterLock(fx);
            return RespondActivityTaskCompletedResponse.builder().build();
        } finally {
            exit();
        }
    }

    @Override
    public RespondActivityTaskFailedResponse respondActivityTaskFailed(RespondActivityTaskFailedRequest r) {
        enter();
        try {
            new Check()
                    .length("taskToken", r.taskToken(), 1, Check.TOKEN_MAX)
                    .length("reason", r.reason(), Check.REASON_MAX)
                    .length("details", r.details(), Check.DATA_MAX)
                    .done();
            checkOpen();
            ActivityTask a = activity(r.taskToken());
            Execution e = a.execution;
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.reportable(a)) {
                    throw gone(a);
                }
                e.activityFailed(a, r.reason(), r.details(), fx);
            }
            afterLock(fx);
            return RespondActivityTaskFailedResponse.builder().build();
        } finally {
            exit();
        }
    }

    @Override
    public RespondActivityTaskCanceledResponse respondActivityTaskCanceled(RespondActivityTaskCanceledRequest r) {
        enter();
        try {
            new Check()
                    .length("taskToken", r.taskToken(), 1, Check.TOKEN_MAX)
                    .length("details", r.details(), Check.DATA_MAX)
                    .done();
            checkOpen();
            ActivityTask a = activity(r.taskToken());
            Execution e = a.execution;
            Effects fx = new Effects();
            synchronized (e) {
                if (!e.reportable(a)) {
                    throw gone(a);
                }
                e.activityCanceled(a, r.details(), fx);
            }
            afterLock(fx);
            return RespondActivityTaskCanceledResponse.builder().build();
        } finally {
            exit();
        }
    }

    @Override
    public CountPendingActivityTasksResponse countPendingActivityTasks(CountPendingActivityTasksRequest r) {
        new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .taskList("taskList", r.taskList())
                .done();
        checkOpen();
        TaskQueue q =
                registry.domain(r.domain()).existingActivityQueue(r.taskList().name());
        return CountPendingActivityTasksResponse.builder()
                .count(q == null ? 0 : q.pending())
                .truncated(false)
                .build();
    }

    @Override
    public CountPendingDecisionTasksResponse countPendingDecisionTasks(CountPendingDecisionTasksRequest r) {
        new Check()
                .length("domain", r.domain(), 1, Check.NAME_MAX)
                .taskList("taskList", r.taskList())
                .done();
        checkOpen();
        TaskQueue q =
                registry.domain(r.domain()).existingDecisionQueue(r.taskList().name());
        return CountPendingDecisionTasksResponse.builder()
                .count(q == null ? 0 : q.pending())
                .truncated(false)
                .build();
    }
}
