package dev.weft.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.SwfEngine;
import dev.weft.internal.model.WorkflowModel;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * A virtual-time engine with a domain, workers on real threads, and a listener tests wait on:
 * nothing sleeps; a test blocks until the workers report what it waits for (with a generous
 * limit, so that a bug fails the test instead of hanging it).
 */
public final class WorkerTesting implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final String DOMAIN = "workers";
    public static final String TASKS = "tasks";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    public final SwfEngine engine;
    public final Events events = new Events();
    private final List<Worker> workers = new ArrayList<>();
    /** Threads that were there before: other tests' business. */
    private final java.util.Set<Thread> before =
            new java.util.HashSet<>(Thread.getAllStackTraces().keySet());

    public WorkerTesting() {
        engine = SwfEngine.builder()
                .virtualTime(T0)
                .pollTimeout(Duration.ofSeconds(60))
                .build();
        engine.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
    }

    /** Options for tests: fast backoff, this harness's listener. */
    public WorkerOptions.Builder options() {
        return WorkerOptions.newBuilder()
                .pollBackoff(Duration.ofMillis(1), Duration.ofMillis(20))
                .listener(events)
                .shutdownGracePeriod(Duration.ofSeconds(10));
    }

    public Worker worker(SwfClient swf, WorkerOptions options, List<Class<?>> workflows, List<Object> activities) {
        Worker w = Worker.newBuilder(swf, DOMAIN, TASKS)
                .workflows(workflows.toArray(new Class<?>[0]))
                .activities(activities.toArray())
                .options(options)
                .build();
        workers.add(w);
        return w;
    }

    public Worker start(List<Class<?>> workflows, List<Object> activities) {
        Worker w = worker(engine, options().build(), workflows, activities);
        w.start();
        return w;
    }

    public WorkflowExecution startWorkflow(Class<?> workflow, String workflowId, Object... args) {
        WorkflowModel m = WorkflowModel.of(workflow);
        String input = JacksonDataConverter.create().toArguments(args, m.entry().getGenericParameterTypes());
        String runId = engine.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId(workflowId)
                        .workflowType(t -> t.name(m.name()).version(m.version()))
                        .input(input))
                .runId();
        return WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
    }

    public void signal(WorkflowExecution run, String name) {
        engine.signalWorkflowExecution(r ->
                r.domain(DOMAIN).workflowId(run.workflowId()).runId(run.runId()).signalName(name));
    }

    public List<HistoryEvent> history(WorkflowExecution run) {
        List<HistoryEvent> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetWorkflowExecutionHistoryResponse r = engine.getWorkflowExecutionHistory(
                    b -> b.domain(DOMAIN).execution(run).nextPageToken(t));
            all.addAll(r.events());
            token = r.nextPageToken();
        } while (token != null);
        return all;
    }

    public List<HistoryEvent> events(WorkflowExecution run, EventType type) {
        return history(run).stream().filter(e -> e.eventType() == type).toList();
    }

    /** Waits until the run has closed (the workers report its closing decision), then its result. */
    public <T> T result(WorkflowExecution run, Class<T> type) {
        try {
            events.await(() -> events.closed.containsKey(run.runId()) || closed(run), "close of " + run.workflowId());
        } catch (AssertionError e) {
            StringBuilder sb = new StringBuilder(e.getMessage()).append("\nhistory:");
            for (HistoryEvent h : history(run)) {
                sb.append("\n  ").append(h.eventId()).append(' ').append(h.eventTypeAsString());
            }
            throw new AssertionError(sb.toString(), e);
        }
        List<HistoryEvent> h = history(run);
        HistoryEvent last = h.get(h.size() - 1);
        assertEquals(EventType.WORKFLOW_EXECUTION_COMPLETED, last.eventType(), () -> "history: " + h);
        Type t = type;
        return type.cast(JacksonDataConverter.create()
                .fromData(last.workflowExecutionCompletedEventAttributes().result(), t));
    }

    private boolean closed(WorkflowExecution run) {
        return !"OPEN"
                .equals(engine.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                        .executionInfo()
                        .executionStatusAsString());
    }

    /** Stops every worker and checks that none left a thread behind. */
    @Override
    public void close() {
        try {
            for (Worker w : workers) {
                w.close();
                assertTrue(w.isTerminated(), () -> w + " did not terminate");
            }
            assertNoWorkerThreads(before);
        } finally {
            engine.close();
        }
    }

    /** Waits for workflow threads of dropped executions to unwind, then insists no worker thread is left. */
    static void assertNoWorkerThreads(java.util.Set<Thread> before) {
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (before.contains(t)) {
                continue;
            }
            String n = t.getName();
            if (n.startsWith("weft-decision")
                    || n.startsWith("weft-activity")
                    || n.startsWith("weft-heartbeats")
                    || n.startsWith("weft-workflow-")) {
                // A pooled workflow thread is renamed when its workflow is done with it.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
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
        }
        assertEquals(List.of(), left, "threads left behind");
    }

    /** What the workers report, for tests to wait on. */
    public static final class Events implements WorkerListener {
        public final Map<String, Boolean> closed = new ConcurrentHashMap<>();
        final List<WorkerListener.ActivityOutcome> outcomes = new CopyOnWriteArrayList<>();
        final List<Throwable> decisionFailures = new CopyOnWriteArrayList<>();
        final AtomicInteger decisions = new AtomicInteger();
        final AtomicInteger cacheHits = new AtomicInteger();
        final AtomicInteger cacheMisses = new AtomicInteger();
        final List<Long> hitEvents = new CopyOnWriteArrayList<>();

        @Override
        public void decided(WorkflowExecution run, WorkflowType type, Duration latency, int n, boolean closing) {
            decisions.incrementAndGet();
            if (closing) {
                closed.put(run.runId(), true);
            }
            changed();
        }

        @Override
        public void decisionFailed(WorkflowExecution run, WorkflowType type, Throwable failure) {
            decisionFailures.add(failure);
            changed();
        }

        @Override
        public void activityDone(ActivityType type, String activityId, Duration latency, ActivityOutcome outcome) {
            outcomes.add(outcome);
            changed();
        }

        @Override
        public void cacheHit(WorkflowExecution run, long n) {
            cacheHits.incrementAndGet();
            hitEvents.add(n);
        }

        @Override
        public void cacheMiss(WorkflowExecution run, long n) {
            cacheMisses.incrementAndGet();
        }

        synchronized void changed() {
            notifyAll();
        }

        /** Waits, without polling, until {@code condition} holds after some report. */
        public synchronized void await(BooleanSupplier condition, String what) {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!condition.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError(
                            "timed out waiting for " + what + "; decision failures: " + decisionFailures);
                }
                try {
                    wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }
}
