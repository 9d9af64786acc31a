package dev.weft.testing;

import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowClientOptions;
import dev.weft.engine.LambdaFunction;
import dev.weft.engine.SwfEngine;
import dev.weft.internal.engine.Engine;
import dev.weft.internal.testing.EnvironmentClient;
import dev.weft.internal.testing.WorkerFailures;
import dev.weft.worker.Worker;
import dev.weft.worker.WorkerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

/**
 * A whole SWF for one test: the reference engine on virtual time, workers hosted in-process, and a
 * workflow client. Time stands still while any workflow or activity code runs, and while a test
 * waits for a result (or for a step, or in {@link #sleep}) and nothing runs, it jumps to the next
 * timer or timeout: a workflow that sleeps a day finishes in milliseconds, and nothing fires
 * early because a worker was slow.
 *
 * <pre>{@code
 * try (TestWorkflowEnvironment env = TestWorkflowEnvironment.create()) {
 *     env.newWorker("orders").workflows(OrderWorkflowImpl.class).activities(payments).start();
 *     OrderWorkflow order = env.getWorkflowClient().newWorkflowStub(OrderWorkflow.class);
 *     assertEquals("receipt-1", order.process("order-1"));   // sleeps a day of virtual time
 *     env.replayExecutions();                               // every run replays on fresh deciders
 * }
 * }</pre>
 *
 * <p><b>When time moves.</b> With auto-skip on (the default), time moves only while some thread
 * waits through this environment's client (for a result, a state's step, {@code
 * awaitWaitingStep}) or in {@link #sleep}, and only when nothing is in flight: no decision or
 * activity task started, none scheduled on a task list a hosted worker polls, no Lambda function
 * running, no engine call half done. It then moves to the next deadline only, and waits for the
 * work that deadline starts before it looks again. A task scheduled on a list nobody polls does
 * not hold time: it waits for its schedule-to-start timeout, as on SWF. An activity that never
 * returns holds time forever; to test its timeouts, have it return (or fail) once the test says
 * so, or turn auto-skip off and move time with {@link #sleep}.
 *
 * <p>A decision task that fails in a hosted worker (non-determinism, a bug in workflow code)
 * would be retried only after its timeout; the environment instead ends every wait with an
 * {@link IllegalStateException} naming the failure, and {@link #getWorkerFailures()} lists it.
 */
public final class TestWorkflowEnvironment implements AutoCloseable {
    /** Where virtual time starts unless the builder says otherwise: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Engine engine;
    private final String domain;
    private final WorkerOptions workerOptions;
    private final WorkerFailures failures = new WorkerFailures();
    private final EnvironmentClient waits;
    private final WorkflowClient client;
    private final List<Hosted> workers = new CopyOnWriteArrayList<>();
    private final Map<Worker, List<Class<?>>> workflowClasses = new ConcurrentHashMap<>();
    private final Set<Thread> threadsBefore;
    private volatile boolean autoSkip;
    private boolean closed;

    /** A started worker and the lists it polls, noted when it started. */
    private record Hosted(Worker worker, Set<String> decisionLists, Set<String> activityLists) {}

    private TestWorkflowEnvironment(Builder b) {
        this.threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        SwfEngine.Builder eb = SwfEngine.builder().virtualTime(b.start);
        b.lambdas.forEach(eb::lambdaFunction);
        this.engine = (Engine) eb.build();
        this.domain = b.domain;
        this.autoSkip = b.autoSkip;
        this.workerOptions = b.workerOptions;
        engine.registerDomain(r -> r.name(domain).workflowExecutionRetentionPeriodInDays("1"));
        Engine.Served served = new Engine.Served() {
            @Override
            public boolean decisions(String d, String taskList) {
                return served(d, taskList, true);
            }

            @Override
            public boolean activities(String d, String taskList) {
                return served(d, taskList, false);
            }
        };
        this.waits = new EnvironmentClient(engine, served, () -> autoSkip, failures);
        failures.onFailure(engine::wakeWaiters);
        this.client = WorkflowClient.create(waits.client(), domain, b.clientOptions);
    }

    /**
     * An environment with the defaults: domain {@code "test"}, time from {@link #DEFAULT_START},
     * auto-skip on.
     *
     * @return the environment
     */
    public static TestWorkflowEnvironment create() {
        return newBuilder().build();
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * A worker to host, polling {@code taskList} in this environment's domain. Call {@link
     * WorkerBuilder#start()} to start it; the environment closes it.
     *
     * @param taskList the worker's task list
     * @return the worker's builder
     */
    public WorkerBuilder newWorker(String taskList) {
        return new WorkerBuilder(taskList);
    }

    /**
     * The client to start, signal and wait for workflows with. Waits through it let virtual time
     * move (see the class comment); clients made on {@link #getEngine()} directly do not.
     *
     * @return the client
     */
    public WorkflowClient getWorkflowClient() {
        return client;
    }

    /**
     * The engine, for SWF calls of your own (they see and change the same executions).
     *
     * @return the engine
     */
    public SwfEngine getEngine() {
        return engine;
    }

    /**
     * The domain every worker and the client use.
     *
     * @return the domain's name
     */
    public String getDomain() {
        return domain;
    }

    /**
     * The current virtual time.
     *
     * @return the engine's instant
     */
    public Instant currentTime() {
        return engine.now();
    }

    /**
     * Moves virtual time forward by {@code duration}, as if the test slept: every timer and
     * timeout due on the way fires at its own instant, and the work each one starts finishes
     * before time moves on, and before this returns. {@code sleep(Duration.ZERO)} waits until
     * nothing is in flight. Works with auto-skip on or off.
     *
     * @param duration how long; not negative
     * @throws IllegalStateException if a hosted worker's decision failed meanwhile
     */
    public void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, but was " + duration);
        }
        waits.sleepUntil(engine.now().plus(duration).toEpochMilli());
    }

    /**
     * Turns auto-skip on or off: whether waits on the client move virtual time.
     *
     * @param on true to let waits move time
     */
    public void setAutoSkip(boolean on) {
        this.autoSkip = on;
        engine.wakeWaiters();
    }

    /**
     * Whether waits on the client move virtual time.
     *
     * @return true if auto-skip is on
     */
    public boolean isAutoSkip() {
        return autoSkip;
    }

    /**
     * Every execution in the domain, open and closed, by start time.
     *
     * @return the executions
     */
    public List<WorkflowExecution> getExecutions() {
        ExecutionTimeFilter all = ExecutionTimeFilter.builder()
                .oldestDate(Instant.EPOCH)
                .latestDate(engine.now().plus(Duration.ofDays(365 * 100)))
                .build();
        Map<String, WorkflowExecutionInfo> byRun = new LinkedHashMap<>();
        String token = null;
        do {
            String t = token;
            var r = engine.listOpenWorkflowExecutions(
                    b -> b.domain(domain).startTimeFilter(all).nextPageToken(t).maximumPageSize(1000));
            r.executionInfos().forEach(i -> byRun.put(i.execution().runId(), i));
            token = r.nextPageToken();
        } while (token != null);
        do {
            String t = token;
            var r = engine.listClosedWorkflowExecutions(
                    b -> b.domain(domain).startTimeFilter(all).nextPageToken(t).maximumPageSize(1000));
            r.executionInfos().forEach(i -> byRun.put(i.execution().runId(), i));
            token = r.nextPageToken();
        } while (token != null);
        List<WorkflowExecutionInfo> infos = new ArrayList<>(byRun.values());
        infos.sort(Comparator.comparing(WorkflowExecutionInfo::startTimestamp)
                .thenComparing(i -> i.execution().workflowId()));
        return infos.stream().map(WorkflowExecutionInfo::execution).toList();
    }

    /**
     * An execution's history.
     *
     * @param execution the execution
     * @return its events, from the first
     */
    public List<HistoryEvent> getHistory(WorkflowExecution execution) {
        return client.history(execution);
    }

    /**
     * Replays every execution of the domain from its history on fresh deciders, with the workflow
     * classes of every worker this environment hosts: proof that the code is deterministic and
     * that everything it recorded reads back.
     *
     * @return one result per execution that a hosted worker's workflows can replay
     */
    public List<ReplayResult> replayExecutions() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Hosted h : workers) {
            classes.addAll(workflowClasses.getOrDefault(h.worker(), List.of()));
        }
        List<ReplayResult> results = new ArrayList<>();
        if (classes.isEmpty()) {
            return results;
        }
        WorkflowReplayer replayer = WorkflowReplayer.of(classes.toArray(new Class<?>[0]))
                .withDataConverter(workerOptions.getDataConverter());
        Set<String> types = new HashSet<>();
        for (Class<?> c : classes) {
            types.add(dev.weft.internal.model.WorkflowModel.of(implemented(c)).name());
        }
        for (WorkflowExecution run : getExecutions()) {
            List<HistoryEvent> h = getHistory(run);
            if (!types.contains(h.get(0)
                    .workflowExecutionStartedEventAttributes()
                    .workflowType()
                    .name())) {
                continue;
            }
            results.add(replayer.tryReplay(run.workflowId(), run, h));
        }
        return results;
    }

    private static Class<?> implemented(Class<?> implementation) {
        for (Class<?> k = implementation; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (i.isAnnotationPresent(dev.weft.annotations.Workflow.class)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(implementation.getName() + " implements no @Workflow interface");
    }

    /** How many times a wait found work in flight and left time alone (for this module's tests). */
    int skipRefusals() {
        return waits.refusals();
    }

    /**
     * What went wrong in hosted workers: failed decision tasks, polls and answers that failed.
     *
     * @return the failures, in the order they happened
     */
    public List<Throwable> getWorkerFailures() {
        return failures.all();
    }

    /**
     * Closes the workers (letting their tasks in flight finish, up to their grace period) and the
     * engine.
     *
     * @throws IllegalStateException if a worker thread outlived its worker
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            for (Hosted h : workers) {
                h.worker().close();
            }
            List<String> left = leftoverThreads();
            if (!left.isEmpty()) {
                throw new IllegalStateException("Worker threads outlived their workers: " + left);
            }
        } finally {
            engine.close();
        }
    }

    private List<String> leftoverThreads() {
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (threadsBefore.contains(t)
                    || !(n.startsWith("weft-decision")
                            || n.startsWith("weft-activity")
                            || n.startsWith("weft-heartbeats")
                            || n.startsWith("weft-workflow-"))) {
                continue;
            }
            // Workflow threads of dropped runs unwind: the thread ends, or (a pooled one) is renamed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            try {
                while (t.isAlive() && t.getName().equals(n) && System.nanoTime() < deadline) {
                    t.join(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive() && t.getName().equals(n)) {
                left.add(n);
            }
        }
        return left;
    }

    private boolean served(String d, String taskList, boolean decisions) {
        if (!domain.equals(d)) {
            return false;
        }
        if (taskList == null) {
            return true; // Not known: count it as about to run rather than let time jump past it.
        }
        for (Hosted h : workers) {
            if (!h.worker().isTerminated() && (decisions ? h.decisionLists() : h.activityLists()).contains(taskList)) {
                return true;
            }
        }
        return false;
    }

    /** Builds a worker hosted by the environment, on its engine and domain. */
    public final class WorkerBuilder {
        private final String taskList;
        private final List<Class<?>> workflows = new ArrayList<>();
        private final List<Object> activities = new ArrayList<>();
        private WorkerOptions options = workerOptions;

        private WorkerBuilder(String taskList) {
            this.taskList = Objects.requireNonNull(taskList, "taskList");
        }

        /**
         * Workflow implementation classes to run.
         *
         * @param implementations the classes
         * @return this builder
         */
        public WorkerBuilder workflows(Class<?>... implementations) {
            workflows.addAll(List.of(implementations));
            return this;
        }

        /**
         * Activity implementations to run: real objects or Mockito mocks of {@code @Activities}
         * interfaces.
         *
         * @param implementations the objects
         * @return this builder
         */
        public WorkerBuilder activities(Object... implementations) {
            activities.addAll(List.of(implementations));
            return this;
        }

        /**
         * Options for this worker, instead of the environment's. Its listener, if any, hears
         * everything; the environment adds its own.
         *
         * @param options the options
         * @return this builder
         */
        public WorkerBuilder options(WorkerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds and starts the worker.
         *
         * @return the started worker
         */
        public Worker start() {
            WorkerOptions o = options.toBuilder()
                    .listener(failures.listening(options.getListener()))
                    .build();
            Worker w = Worker.newBuilder(engine, domain, taskList)
                    .workflows(workflows.toArray(new Class<?>[0]))
                    .activities(activities.toArray())
                    .options(o)
                    .build();
            workflowClasses.put(w, List.copyOf(workflows));
            workers.add(new Hosted(w, Set.copyOf(w.getDecisionTaskLists()), Set.copyOf(w.getActivityTaskLists())));
            w.start();
            return w;
        }
    }

    /** Configures a {@link TestWorkflowEnvironment}. */
    public static final class Builder {
        private String domain = "test";
        private Instant start = DEFAULT_START;
        private boolean autoSkip = true;
        private WorkerOptions workerOptions = WorkerOptions.newBuilder()
                .pollBackoff(Duration.ofMillis(1), Duration.ofMillis(50))
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .build();
        private WorkflowClientOptions clientOptions = WorkflowClientOptions.newBuilder()
                .maxResultPollInterval(Duration.ofMillis(200))
                .build();
        private final Map<String, LambdaFunction> lambdas = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The domain. Default: {@code "test"}.
         *
         * @param domain the domain's name
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * Where virtual time starts. Default: {@link #DEFAULT_START}.
         *
         * @param start the first instant
         * @return this builder
         */
        public Builder startTime(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * Whether waits on the client move virtual time. Default: true.
         *
         * @param on whether they do
         * @return this builder
         */
        public Builder autoSkip(boolean on) {
            this.autoSkip = on;
            return this;
        }

        /**
         * The options of hosted workers. Default: the worker defaults, with polls retried after 1
         * to 50 ms and a 5-second shutdown grace period.
         *
         * @param options the options
         * @return this builder
         */
        public Builder workerOptions(WorkerOptions options) {
            this.workerOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The client's options. Default: the client defaults, with results looked for at least
         * every 200 ms (the environment wakes waits at each change anyway).
         *
         * @param options the options
         * @return this builder
         */
        public Builder clientOptions(WorkflowClientOptions options) {
            this.clientOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * A Lambda function that workflows may call.
         *
         * @param name the function's name
         * @param function what it does
         * @return this builder
         */
        public Builder lambdaFunction(String name, LambdaFunction function) {
            lambdas.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * Builds the environment: the engine, its domain and the client; workers come with {@link
         * TestWorkflowEnvironment#newWorker}.
         *
         * @return the environment
         */
        public TestWorkflowEnvironment build() {
            return new TestWorkflowEnvironment(this);
        }
    }
}
