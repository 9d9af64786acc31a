package dev.weft.benchmarks;

import dev.weft.benchmarks.Workflows.Chain;
import dev.weft.benchmarks.Workflows.ChainImpl;
import dev.weft.benchmarks.Workflows.Parked;
import dev.weft.benchmarks.Workflows.ParkedImpl;
import dev.weft.benchmarks.Workflows.Sleeper;
import dev.weft.benchmarks.Workflows.SleeperImpl;
import dev.weft.benchmarks.Workflows.StepsImpl;
import dev.weft.benchmarks.Workflows.ThreeStep;
import dev.weft.benchmarks.Workflows.ThreeStepImpl;
import dev.weft.client.WorkflowClient;
import dev.weft.engine.SwfEngine;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.ReplayDecider.DecisionTask;
import dev.weft.internal.replay.VirtualThreads;
import dev.weft.internal.replay.WorkflowImplementations;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WorkflowReplayer;
import dev.weft.worker.Worker;
import dev.weft.worker.WorkerListener;
import dev.weft.worker.WorkerOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * The benchmark harness: each workload runs on its own in-process engine and prints one line per
 * figure. {@code ./mvnw -q package -Pbench -DskipTests -pl benchmarks -am} runs them all;
 * {@code -Dbench=w1,w3} picks some. See docs/benchmarks.md.
 */
public final class Benchmarks {
    static final String DOMAIN = "bench";

    private final Consumer<String> out;

    Benchmarks(Consumer<String> out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Set<String> which = new LinkedHashSet<>();
        for (String a : args) {
            which.addAll(Arrays.asList(a.toLowerCase(Locale.ROOT).split(",", -1)));
        }
        if (which.isEmpty() || which.contains("all")) {
            which = new LinkedHashSet<>(List.of("w1", "w2", "w3", "w4", "w5", "cache", "handoff"));
        }
        Benchmarks b = new Benchmarks(System.out::println);
        System.out.println(
                "# JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        List<HistoryEvent> chain1000 = null;
        WorkflowExecution chainRun = null;
        for (String w : which) {
            switch (w) {
                case "w1" -> {
                    // Warm-up: 80,000 workflows, until the JIT has compiled the whole path (on
                    // JDK 17 the rate still climbs until about the 60,000th).
                    for (int i = 0; i < 40; i++) {
                        b.threeStep(2_000, false);
                    }
                    b.threeSteps(2_000, 5, WorkerOptions.newBuilder().build(), "default settings");
                    b.threeSteps(
                            2_000,
                            5,
                            WorkerOptions.newBuilder()
                                    .virtualActivityThreads(true)
                                    .build(),
                            "virtualActivityThreads");
                    for (int i = 0; i < 8; i++) {
                        b.engineFloor(2_000, i % 2 == 1, false);
                    }
                    b.engineFloors(2_000, 5, false);
                    b.engineFloors(2_000, 5, true);
                }
                case "w2" -> {
                    // Warm-up: 20,000 activities, enough for the JIT to compile the whole path.
                    for (int i = 0; i < 4; i++) {
                        b.chain(5_000, false);
                    }
                    b.chains(1_000, 7);
                    b.chains(5_000, 3);
                }
                case "w3" -> {
                    ChainRun r1 = b.chain(1_000, false);
                    chain1000 = r1.history();
                    chainRun = r1.run();
                    b.replay(chainRun, chain1000, 40, true);
                    ChainRun r5 = b.chain(5_000, false);
                    b.replay(r5.run(), r5.history(), 10, true);
                }
                case "w4" -> b.timers(100, 60, true);
                case "w5" -> {
                    // Warm-up: 30,000 parked, so that the parked stacks are those of compiled code
                    // (executions that park before the JIT compiles the path keep larger frames:
                    // on JDK 25, 6 KB each instead of 4 after the first 20,000).
                    int threads = awaitThreadsGone(Integer.MAX_VALUE);
                    for (int i = 0; i < 3; i++) {
                        b.parked(10_000, false);
                        awaitThreadsGone(threads);
                    }
                    b.parked(10_000, true);
                    awaitThreadsGone(threads);
                    b.parked(10_000, WorkerOptions.newBuilder().build().getWorkflowCacheSize(), true);
                    b.virtualParks(10_000, 0, true);
                    b.virtualParks(10_000, 12, true);
                }
                case "w5-100k" -> {
                    b.parked(100_000, WorkerOptions.newBuilder().build().getWorkflowCacheSize(), true);
                    if (VirtualThreads.since(21) != null) {
                        b.parked(100_000, true);
                    } else {
                        System.out.println("W5 parked (all cached): 100000 executions: not run, each would hold a"
                                + " platform thread (more than this machine allows a process)");
                    }
                }
                case "cache" -> b.cache(new int[] {100, 1_000, 10_000}, true);
                case "handoff" -> {
                    b.handoff(200_000, true);
                    b.handoffAmongParked(20_000, 10_000, true);
                    b.threadStarts(10_000, true);
                }
                default ->
                    throw new IllegalArgumentException(
                            "Unknown workload " + w + "; known: w1, w2, w3, w4, w5, w5-100k, cache, handoff, all");
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // W1

    /** W1's figures. */
    record ThreeStepResult(int workflows, double perSecond, double meanMillis, double p99Millis) {}

    /** Runs W1 {@code times} times and prints the median run (by rate) and the best rate. */
    ThreeStepResult threeSteps(int n, int times, WorkerOptions options, String settings) throws InterruptedException {
        List<ThreeStepResult> runs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            runs.add(threeStep(n, options, settings, false));
        }
        runs.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        ThreeStepResult median = runs.get(times / 2);
        out.accept(String.format(
                Locale.ROOT,
                "W1 three-step (%s): %d workflows, median of %d runs %.0f workflows/s (best %.0f), latency mean %.1f"
                        + " ms, p99 %.1f ms",
                settings,
                n,
                times,
                median.perSecond(),
                runs.get(times - 1).perSecond(),
                median.meanMillis(),
                median.p99Millis()));
        return median;
    }

    ThreeStepResult threeStep(int n, boolean print) throws InterruptedException {
        return threeStep(n, WorkerOptions.newBuilder().build(), "default settings", print);
    }

    ThreeStepResult threeStep(int n, WorkerOptions options, String settings, boolean print)
            throws InterruptedException {
        Map<String, Long> closedAt = new ConcurrentHashMap<>();
        CountDownLatch allClosed = new CountDownLatch(n);
        WorkerListener listener = new WorkerListener() {
            @Override
            public void decided(
                    WorkflowExecution run, WorkflowType type, Duration latency, int decisions, boolean closing) {
                if (closing) {
                    closedAt.put(run.runId(), System.nanoTime());
                    allClosed.countDown();
                }
            }
        };
        try (SwfEngine swf = engine(25_000)) {
            Worker worker = Worker.newBuilder(swf, DOMAIN, "three-step")
                    .workflows(ThreeStepImpl.class)
                    .activities(new StepsImpl())
                    .options(options.toBuilder().listener(listener).build())
                    .build();
            worker.start();
            try {
                WorkflowClient client = WorkflowClient.create(swf, DOMAIN);
                List<WorkflowExecution> runs = new ArrayList<>(n);
                long[] startedAt = new long[n];
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    startedAt[i] = System.nanoTime();
                    runs.add(WorkflowClient.start(client.newWorkflowStub(ThreeStep.class)::run, i));
                }
                for (int i = 0; i < n; i++) {
                    WorkflowExecution r = runs.get(i);
                    int result = result(client, r, Integer.class, "W1");
                    if (result != i + 3) {
                        throw new IllegalStateException("W1: workflow " + i + " returned " + result);
                    }
                }
                long t1 = System.nanoTime();
                // The listener hears of a close just after the client sees it.
                await(allClosed, "W1: the listener hearing of every close");
                double[] latencies = new double[n];
                for (int i = 0; i < n; i++) {
                    Long closed = closedAt.get(runs.get(i).runId());
                    latencies[i] = closed == null ? Double.NaN : (closed - startedAt[i]) / 1e6;
                }
                Arrays.sort(latencies);
                double mean = Arrays.stream(latencies).average().orElse(Double.NaN);
                double p99 = latencies[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
                double perSecond = n / ((t1 - t0) / 1e9);
                if (print) {
                    out.accept(String.format(
                            Locale.ROOT,
                            "W1 three-step (%s): %d workflows, %.0f workflows/s, latency mean %.1f ms, p99 %.1f ms",
                            settings,
                            n,
                            perSecond,
                            mean,
                            p99));
                }
                return new ThreeStepResult(n, perSecond, mean, p99);
            } finally {
                worker.close();
            }
        }
    }

    /** Runs the engine floor {@code times} times and prints the median and the best. */
    double engineFloors(int n, int times, boolean handOffs) throws InterruptedException {
        double[] rates = new double[times];
        for (int i = 0; i < times; i++) {
            rates[i] = engineFloor(n, handOffs, false);
        }
        Arrays.sort(rates);
        out.accept(String.format(
                Locale.ROOT,
                "W1 floor%s: %d executions of the same 7 tasks driven straight on the engine (no framework)%s, median"
                        + " of %d runs %.0f workflows/s (best %.0f)",
                handOffs ? " with the decider's hand-offs" : "",
                n,
                handOffs ? ", each decision built on a partner thread (two hand-offs, as Weft's decider makes)" : "",
                times,
                rates[times / 2],
                rates[times - 1]));
        return rates[times / 2];
    }

    /**
     * W1's protocol with no framework: the same 7 tasks per execution (4 decisions, 3 activities)
     * driven by hand-written pollers straight on the engine's SwfClient methods, with the
     * decisions built by hand and each run's state kept in a map (as Weft's cache keeps a
     * decider). What the engine and the SDK's model objects cost, hand-offs included: the floor
     * under W1.
     *
     * <p>With {@code handOffs}, each decision is built on a partner thread while the polling
     * thread waits, as Weft's decider runs the workflow code on the workflow's thread: two more
     * hand-offs per decision, between threads of the kinds Weft uses on this JDK (decision
     * threads virtual from JDK 24, workflow threads from JDK 21). The floor plus what those
     * hand-offs cost.
     */
    double engineFloor(int n, boolean handOffs, boolean print) throws InterruptedException {
        try (SwfEngine swf = engine(25_000)) {
            swf.registerWorkflowType(r -> r.domain(DOMAIN)
                    .name("EngineFloor")
                    .version("1")
                    .defaultTaskList(t -> t.name("floor-decisions"))
                    .defaultExecutionStartToCloseTimeout("3600")
                    .defaultTaskStartToCloseTimeout("60")
                    .defaultChildPolicy(ChildPolicy.TERMINATE));
            swf.registerActivityType(r -> r.domain(DOMAIN)
                    .name("increment")
                    .version("1")
                    .defaultTaskList(t -> t.name("floor-activities"))
                    .defaultTaskScheduleToStartTimeout("600")
                    .defaultTaskScheduleToCloseTimeout("600")
                    .defaultTaskStartToCloseTimeout("60")
                    .defaultTaskHeartbeatTimeout("NONE"));
            CountDownLatch closed = new CountDownLatch(n);
            Map<String, int[]> steps = new ConcurrentHashMap<>(); // Run id -> activities completed.
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            List<Partner> partners = new ArrayList<>();
            ThreadFactory deciders = handOffs ? VirtualThreads.since(24) : null;
            for (int i = 0; i < 2; i++) {
                Partner partner = handOffs ? new Partner(VirtualThreads.since(21), "bench-floor-partner-" + i) : null;
                if (partner != null) {
                    partners.add(partner);
                }
                Runnable decider = () -> {
                    Decision[] decision = new Decision[1];
                    while (!stop.get()) {
                        var task = swf.pollForDecisionTask(r -> r.domain(DOMAIN)
                                .taskList(t -> t.name("floor-decisions"))
                                .startAtPreviousStartedEvent(true));
                        if (task.taskToken() == null || task.taskToken().isEmpty()) {
                            continue; // No task: the poll timed out, or ended as the run stops.
                        }
                        int[] done =
                                steps.computeIfAbsent(task.workflowExecution().runId(), k -> new int[1]);
                        Runnable decide = () -> {
                            String last = "0";
                            for (HistoryEvent e : task.events()) {
                                if (e.eventType() == EventType.WORKFLOW_EXECUTION_STARTED) {
                                    last = e.workflowExecutionStartedEventAttributes()
                                            .input();
                                } else if (e.eventType() == EventType.ACTIVITY_TASK_COMPLETED) {
                                    last = e.activityTaskCompletedEventAttributes()
                                            .result();
                                    done[0]++;
                                }
                            }
                            String input = last;
                            decision[0] = done[0] < 3
                                    ? Decision.builder()
                                            .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                                            .scheduleActivityTaskDecisionAttributes(
                                                    a -> a.activityId(Integer.toString(done[0] + 1))
                                                            .activityType(t -> t.name("increment")
                                                                    .version("1"))
                                                            .input(input))
                                            .build()
                                    : Decision.builder()
                                            .decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
                                            .completeWorkflowExecutionDecisionAttributes(a -> a.result(input))
                                            .build();
                        };
                        if (partner != null) {
                            partner.run(decide);
                        } else {
                            decide.run();
                        }
                        swf.respondDecisionTaskCompleted(
                                r -> r.taskToken(task.taskToken()).decisions(decision[0]));
                        if (done[0] >= 3) {
                            steps.remove(task.workflowExecution().runId());
                            closed.countDown();
                        }
                    }
                };
                threads.add(
                        deciders != null
                                ? deciders.newThread(decider)
                                : new Thread(decider, "bench-floor-decider-" + i));
                threads.add(new Thread(
                        () -> {
                            while (!stop.get()) {
                                var task = swf.pollForActivityTask(
                                        r -> r.domain(DOMAIN).taskList(t -> t.name("floor-activities")));
                                if (task.taskToken() == null || task.taskToken().isEmpty()) {
                                    continue; // No task: the poll timed out, or ended as the run stops.
                                }
                                String result = Integer.toString(Integer.parseInt(task.input()) + 1);
                                swf.respondActivityTaskCompleted(
                                        r -> r.taskToken(task.taskToken()).result(result));
                            }
                        },
                        "bench-floor-activity-" + i));
            }
            threads.forEach(Thread::start);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int id = i;
                swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId("floor-" + id + "-" + t0)
                        .workflowType(t -> t.name("EngineFloor").version("1"))
                        .input(Integer.toString(id)));
            }
            await(closed, "W1 floor: every execution closing");
            double perSecond = n / ((System.nanoTime() - t0) / 1e9);
            stop.set(true);
            for (Thread t : threads) {
                t.interrupt(); // Ends a poll that waits for work.
                t.join();
            }
            partners.forEach(Partner::stop);
            if (print) {
                out.accept(String.format(
                        Locale.ROOT,
                        "W1 floor: %d executions of the same 7 tasks driven straight on the engine, %.0f workflows/s",
                        n,
                        perSecond));
            }
            return perSecond;
        }
    }

    /**
     * A thread that runs what it is handed while the caller waits, the turn passing with park and
     * unpark both ways: as a decision goes from Weft's polling thread to the workflow's thread and
     * back.
     */
    private static final class Partner {
        private final Thread thread;
        private volatile Runnable work;
        private volatile Thread caller;
        private volatile boolean stopped;

        /** Starts the partner: a virtual thread from {@code virtual}, or a platform one if null. */
        Partner(ThreadFactory virtual, String name) {
            Runnable loop = () -> {
                while (true) {
                    Runnable w;
                    while ((w = work) == null) {
                        if (stopped) {
                            return;
                        }
                        java.util.concurrent.locks.LockSupport.park(this);
                    }
                    w.run();
                    work = null;
                    java.util.concurrent.locks.LockSupport.unpark(caller);
                }
            };
            thread = virtual != null ? virtual.newThread(loop) : new Thread(loop, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Runs {@code w} on the partner and waits until it has. */
        void run(Runnable w) {
            caller = Thread.currentThread();
            work = w;
            java.util.concurrent.locks.LockSupport.unpark(thread);
            while (work != null) {
                java.util.concurrent.locks.LockSupport.park(this);
            }
        }

        void stop() {
            stopped = true;
            java.util.concurrent.locks.LockSupport.unpark(thread);
        }
    }

    // ---------------------------------------------------------------------------------------
    // W2

    /** A chain's run, its history and its wall time. */
    record ChainRun(WorkflowExecution run, List<HistoryEvent> history, double millis) {}

    /** Runs a chain of {@code n} {@code times} times and prints the median. */
    double chains(int n, int times) {
        double[] ms = new double[times];
        int events = 0;
        for (int i = 0; i < times; i++) {
            ChainRun r = chain(n, false);
            ms[i] = r.millis();
            events = r.history().size();
        }
        Arrays.sort(ms);
        double median = ms[times / 2];
        out.accept(String.format(
                Locale.ROOT,
                "W2 long chain: %d activities (%d events), median of %d runs %.0f ms (best %.0f), %.1f us per activity",
                n,
                events,
                times,
                median,
                ms[0],
                median * 1000 / n));
        return median;
    }

    ChainRun chain(int n, boolean print) {
        try (SwfEngine swf = engine(Math.max(25_000, 6 * n + 100))) {
            Worker worker = Worker.newBuilder(swf, DOMAIN, "chain")
                    .workflows(ChainImpl.class)
                    .activities(new StepsImpl())
                    .build();
            worker.start();
            try {
                WorkflowClient client = WorkflowClient.create(swf, DOMAIN);
                long t0 = System.nanoTime();
                WorkflowExecution run = WorkflowClient.start(client.newWorkflowStub(Chain.class)::run, n);
                int result = result(client, run, Integer.class, "W2");
                double millis = (System.nanoTime() - t0) / 1e6;
                if (result != n) {
                    throw new IllegalStateException("W2: the chain of " + n + " returned " + result);
                }
                List<HistoryEvent> history =
                        client.newUntypedStub(run.workflowId(), run.runId()).history();
                if (print) {
                    out.accept(String.format(
                            Locale.ROOT,
                            "W2 long chain: %d activities (%d events) in %.0f ms, %.1f us per activity",
                            n,
                            history.size(),
                            millis,
                            millis * 1000 / n));
                }
                return new ChainRun(run, history, millis);
            } finally {
                worker.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // W3

    /** Replays a history from scratch {@code times} times; the best and median times, ms. */
    double[] replay(WorkflowExecution run, List<HistoryEvent> history, int times, boolean print) {
        WorkflowReplayer replayer = WorkflowReplayer.of(ChainImpl.class);
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            replayer.replay(run, history);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        double median = sorted[times / 2];
        if (print) {
            out.accept(String.format(
                    Locale.ROOT,
                    "W3 replay: %d events, best %.2f ms (%.0f events/s), median %.2f ms, first %.2f ms",
                    history.size(),
                    best,
                    history.size() / (best / 1000),
                    median,
                    ms[0]));
        }
        return new double[] {best, median};
    }

    // ---------------------------------------------------------------------------------------
    // W4

    /** Sleeps {@code sleeps} hours on virtual time, {@code times} runs; the median wall time, ms. */
    double timers(int sleeps, int times, boolean print) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newBuilder().build()) {
            env.newWorker("sleepers").workflows(SleeperImpl.class).start();
            WorkflowClient client = env.getWorkflowClient();
            double[] ms = new double[times];
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                int r = client.newWorkflowStub(Sleeper.class).run(sleeps);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (r != sleeps) {
                    throw new IllegalStateException("W4: returned " + r);
                }
            }
            double first = ms[0];
            Arrays.sort(ms);
            double median = ms[times / 2];
            if (print) {
                out.accept(String.format(
                        Locale.ROOT,
                        "W4 timers: %d one-hour sleeps on virtual time, median %.1f ms (best %.1f, first %.1f)",
                        sleeps,
                        median,
                        ms[0],
                        first));
            }
            return median;
        }
    }

    // ---------------------------------------------------------------------------------------
    // W5

    /** W5's figures. */
    record ParkedResult(int workflows, double bytesPerExecution, double parkMillis, double releaseMillis) {}

    /** W5 with every execution kept in the worker's cache. */
    ParkedResult parked(int n, boolean print) throws InterruptedException {
        return parked(n, n, print);
    }

    /**
     * W5: {@code n} executions parked, with a workflow cache of {@code cacheSize} (below {@code
     * n}, the executions beyond it are evicted, and replay their history at their next decision).
     */
    ParkedResult parked(int n, int cacheSize, boolean print) throws InterruptedException {
        CountDownLatch parked = new CountDownLatch(n);
        WorkerListener listener = new WorkerListener() {
            @Override
            public void decided(
                    WorkflowExecution run, WorkflowType type, Duration latency, int decisions, boolean closing) {
                parked.countDown(); // Each execution's first decision parks it.
            }
        };
        try (SwfEngine swf = engine(25_000)) {
            Worker worker = Worker.newBuilder(swf, DOMAIN, "parked")
                    .workflows(ParkedImpl.class)
                    .options(WorkerOptions.newBuilder()
                            .workflowCacheSize(cacheSize)
                            .listener(listener)
                            .build())
                    .build();
            worker.start();
            try {
                WorkflowClient client = WorkflowClient.create(swf, DOMAIN);
                long before = usedHeapAfterGc();
                long t0 = System.nanoTime();
                List<WorkflowExecution> runs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    runs.add(WorkflowClient.start(client.newWorkflowStub(Parked.class)::run));
                }
                await(parked, "W5: every execution parking");
                double parkMillis = (System.nanoTime() - t0) / 1e6;
                long after = usedHeapAfterGc();
                double perExecution = (after - before) / (double) n;
                if (print && Boolean.getBoolean("bench.histogram")) {
                    printHistogram(60);
                }
                long t1 = System.nanoTime();
                for (WorkflowExecution r : runs) {
                    client.newWorkflowStub(Parked.class, r.workflowId()).release();
                }
                for (WorkflowExecution r : runs) {
                    String s = result(client, r, String.class, "W5");
                    if (!"released".equals(s)) {
                        throw new IllegalStateException("W5: " + r.workflowId() + " returned " + s);
                    }
                }
                double releaseMillis = (System.nanoTime() - t1) / 1e6;
                if (print) {
                    out.accept(String.format(
                            Locale.ROOT,
                            "W5 parked (%s): %d executions, %.0f bytes of heap each (engine and worker cache), parked in"
                                    + " %.0f ms, signaled and completed in %.0f ms",
                            cacheSize >= n ? "all cached" : "workflowCacheSize " + cacheSize,
                            n,
                            perExecution,
                            parkMillis,
                            releaseMillis));
                }
                return new ParkedResult(n, perExecution, parkMillis, releaseMillis);
            } finally {
                worker.close();
            }
        }
    }

    /** The heap's biggest classes (the JVM's class histogram), for where W5's bytes go. */
    private void printHistogram(int lines) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            String[] rows = text.toString().split("\n", -1);
            for (int i = 0; i < Math.min(lines, rows.length); i++) {
                out.accept("  " + rows[i]);
            }
        } catch (javax.management.JMException e) {
            out.accept("  (no class histogram: " + e + ")");
        }
    }

    /**
     * Waits until the JVM has at most {@code threads} threads (platform threads that workflows
     * have left in the pool end a while later, all together, and would slow the next run), at most
     * 30 seconds; the thread count then.
     */
    private static int awaitThreadsGone(int threads) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        int now = ManagementFactory.getThreadMXBean().getThreadCount();
        while (now > threads && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        return now;
    }

    /**
     * How long the harness waits for any one thing before it calls the run stuck: far longer than
     * any figure takes, so that a lost task fails the run, naming what never came, instead of
     * hanging it.
     */
    private static final Duration STUCK = Duration.ofMinutes(2);

    /** The result of a run, or a failure naming the run if it does not close in time. */
    private static <R> R result(WorkflowClient client, WorkflowExecution run, Class<R> type, String workload) {
        try {
            return client.newUntypedStub(run.workflowId(), run.runId()).getResult(STUCK, type);
        } catch (TimeoutException e) {
            throw new IllegalStateException(workload + ": workflow " + run.workflowId() + " (run " + run.runId()
                    + ") did not close within " + STUCK + ": the run is stuck (look for a lost task in its history)");
        }
    }

    /** Waits for a latch, or fails naming what never happened. */
    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(STUCK.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(what + " did not happen within " + STUCK + " (" + latch.getCount()
                    + " still awaited): the run is stuck");
        }
    }

    /**
     * The heap in use after full collections, once two in a row agree within 64 KiB (at most 40
     * tries, 50 ms apart): what the previous run left behind (workflow threads of closed workers
     * unwind after the close returns) must be gone before a figure is taken.
     */
    private static long usedHeapAfterGc() throws InterruptedException {
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 40; i++) {
            System.gc(); // Synchronous: returns once the collection is done.
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < 64 * 1024) {
                return used;
            }
            previous = used;
            Thread.sleep(50);
        }
        return previous;
    }

    // ---------------------------------------------------------------------------------------
    // The decision cache

    /** Per-decision cost in microseconds at each length, {cache on, cache off}. */
    double[][] cache(int[] lengths, boolean print) {
        int longest = Arrays.stream(lengths).max().orElseThrow();
        ChainRun chain = chain(longest / 6 + 2, false);
        List<HistoryEvent> h = chain.history();
        List<Integer> startedIds = new ArrayList<>();
        for (HistoryEvent e : h) {
            if (e.eventType() == EventType.DECISION_TASK_STARTED) {
                startedIds.add(e.eventId().intValue());
            }
        }
        WorkflowType type = h.get(0).workflowExecutionStartedEventAttributes().workflowType();
        WorkflowImplementations impls = new WorkflowImplementations().add(ChainImpl.class);
        double[][] micros = new double[lengths.length][];
        for (int li = 0; li < lengths.length; li++) {
            int target = lengths[li];
            int idx = 0;
            while (idx < startedIds.size() - 1 && startedIds.get(idx) < target) {
                idx++;
            }
            // Cache on: one decider steps through every decision task; the steps near the target are timed.
            int from = Math.max(1, idx - 5);
            double onMicros = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                ReplayDecider d = new ReplayDecider(impls, DeciderOptions.DEFAULT, DOMAIN);
                try {
                    long timed = 0;
                    int steps = 0;
                    int prev = 0;
                    for (int i = 0; i <= idx; i++) {
                        int started = startedIds.get(i);
                        List<HistoryEvent> slice = h.subList(prev == 0 ? 0 : prev - 1, started);
                        long t0 = System.nanoTime();
                        d.decide(new DecisionTask(chain.run(), type, started, prev, slice));
                        long dt = System.nanoTime() - t0;
                        if (i >= from) {
                            timed += dt;
                            steps++;
                        }
                        prev = started;
                    }
                    onMicros = Math.min(onMicros, timed / 1e3 / steps);
                } finally {
                    d.close();
                }
            }
            // Cache off: a fresh decider replays the whole history to make the same decision.
            int started = startedIds.get(idx);
            double offMicros = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                ReplayDecider d = new ReplayDecider(impls, DeciderOptions.DEFAULT, DOMAIN);
                try {
                    long t0 = System.nanoTime();
                    d.decide(new DecisionTask(chain.run(), type, started, 0, h.subList(0, started)));
                    offMicros = Math.min(offMicros, (System.nanoTime() - t0) / 1e3);
                } finally {
                    d.close();
                }
            }
            micros[li] = new double[] {onMicros, offMicros};
            if (print) {
                out.accept(String.format(
                        Locale.ROOT,
                        "cache: decision at event %d: %.1f us with the cache, %.1f us replaying from scratch",
                        started,
                        onMicros,
                        offMicros));
            }
        }
        return micros;
    }

    // ---------------------------------------------------------------------------------------
    // The floor: one thread waking another

    /**
     * Two platform threads pass a baton back and forth with park and unpark, as Weft's threads
     * do: the mean one-way hand-off, in microseconds.
     */
    double handoff(int passes, boolean print) throws InterruptedException {
        double best = handoff(passes, null, "platform threads", print);
        ThreadFactory virtual = VirtualThreads.since(21);
        if (virtual != null) {
            handoff(passes, virtual, "virtual threads", print);
        }
        return best;
    }

    /** The best of three one-way hand-off times, in microseconds. */
    private double handoff(int passes, ThreadFactory virtual, String kind, boolean print) throws InterruptedException {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            best = Math.min(best, pingPong(passes, virtual));
        }
        if (print) {
            out.accept(String.format(
                    Locale.ROOT, "hand-off: one thread waking another (park/unpark, %s): %.1f us", kind, best));
        }
        return best;
    }

    /**
     * The platform hand-off again with {@code parked} other platform threads parked in the process,
     * as on JDK 17 each cached execution's workflow thread is (W5 all cached): every futex wait and
     * wake looks the waiter up in the process's futex hash, whose chains lengthen with the parked
     * threads. Best of three, in microseconds.
     */
    double handoffAmongParked(int passes, int parked, boolean print) throws InterruptedException {
        CountDownLatch allParked = new CountDownLatch(parked);
        AtomicBoolean released = new AtomicBoolean();
        List<Thread> idle = new ArrayList<>(parked);
        for (int i = 0; i < parked; i++) {
            Thread t = new Thread(() -> {
                allParked.countDown();
                while (!released.get()) {
                    java.util.concurrent.locks.LockSupport.park();
                }
            });
            t.setDaemon(true);
            t.start();
            idle.add(t);
        }
        double best = Double.MAX_VALUE;
        try {
            await(allParked, "hand-off among parked threads: every idle thread parking");
            for (int round = 0; round < 3; round++) {
                best = Math.min(best, pingPong(passes, null));
            }
        } finally {
            released.set(true);
            for (Thread t : idle) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
            for (Thread t : idle) {
                t.join();
            }
        }
        if (print) {
            out.accept(String.format(
                    Locale.ROOT,
                    "hand-off: one thread waking another (park/unpark, platform threads), %d other threads parked: %.1f us",
                    parked,
                    best));
        }
        return best;
    }

    /** One-way hand-off time between two threads, platform ones if {@code virtual} is null. */
    private static double pingPong(int passes, ThreadFactory virtual) throws InterruptedException {
        AtomicInteger turn = new AtomicInteger();
        Thread[] threads = new Thread[2];
        for (int side = 0; side < 2; side++) {
            int me = side;
            Runnable body = () -> {
                for (int i = me; i < passes; i += 2) {
                    while (turn.get() != i) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                    turn.set(i + 1);
                    java.util.concurrent.locks.LockSupport.unpark(threads[1 - me]);
                }
            };
            threads[side] = virtual != null ? virtual.newThread(body) : new Thread(body, "bench-handoff-" + side);
        }
        long t0 = System.nanoTime();
        threads[0].start();
        threads[1].start();
        threads[0].join();
        threads[1].join();
        return (System.nanoTime() - t0) / 1e3 / passes;
    }

    /**
     * The floor under W5 on JDK 17, where each parked execution holds a platform thread: the time
     * to start {@code n} platform threads that each park, best of three.
     */
    double threadStarts(int n, boolean print) throws InterruptedException {
        double best = Double.MAX_VALUE;
        double bestWake = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            CountDownLatch parked = new CountDownLatch(n);
            CountDownLatch woken = new CountDownLatch(n);
            AtomicBoolean released = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    parked.countDown();
                    while (!released.get()) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                    woken.countDown();
                });
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            await(parked, "thread starts: every thread parking");
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            released.set(true);
            long t1 = System.nanoTime();
            for (Thread t : threads) {
                java.util.concurrent.locks.LockSupport.unpark(t);
            }
            await(woken, "thread starts: every thread running after its wake");
            bestWake = Math.min(bestWake, (System.nanoTime() - t1) / 1e6);
            for (Thread t : threads) {
                t.join();
            }
        }
        if (print) {
            out.accept(String.format(
                    Locale.ROOT,
                    "thread starts: %d platform threads started until each parks in %.0f ms (%.0f us each), then woken"
                            + " one by one until each has run in %.0f ms",
                    n,
                    best,
                    best * 1000 / n,
                    bestWake));
        }
        return best;
    }

    /**
     * The floor under W5's heap on JDK 21 and later, where a parked execution's stack lives on
     * the heap: heap after GC per virtual thread parked at once ({@code depth} 0) or below {@code
     * depth} more frames; -1 before JDK 21.
     */
    double virtualParks(int n, int depth, boolean print) throws InterruptedException {
        ThreadFactory virtual = VirtualThreads.since(21);
        if (virtual == null) {
            return -1;
        }
        CountDownLatch parked = new CountDownLatch(n);
        AtomicBoolean released = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>(n);
        long before = usedHeapAfterGc();
        for (int i = 0; i < n; i++) {
            Thread t = virtual.newThread(() -> parkBelow(depth, parked, released));
            t.start();
            threads.add(t);
        }
        await(parked, "virtual parks: every thread parking");
        double perThread = (usedHeapAfterGc() - before) / (double) n;
        released.set(true);
        for (Thread t : threads) {
            java.util.concurrent.locks.LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (print) {
            out.accept(String.format(
                    Locale.ROOT,
                    "virtual parks: %d virtual threads parked %s, %.0f bytes of heap each",
                    n,
                    depth == 0 ? "at once" : "below " + depth + " more frames",
                    perThread));
        }
        return perThread;
    }

    private static void parkBelow(int depth, CountDownLatch parked, AtomicBoolean released) {
        if (depth > 0) {
            parkBelow(depth - 1, parked, released);
            return;
        }
        parked.countDown();
        while (!released.get()) {
            java.util.concurrent.locks.LockSupport.park();
        }
    }

    private static SwfEngine engine(int eventLimit) {
        SwfEngine swf = SwfEngine.builder().historyEventLimit(eventLimit).build();
        swf.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        return swf;
    }
}
