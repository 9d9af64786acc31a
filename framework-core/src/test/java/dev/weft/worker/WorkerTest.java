package dev.weft.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCompletionClient;
import dev.weft.activity.ActivityExecutionContext;
import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.engine.SwfEngine;
import dev.weft.worker.WorkerListener.ActivityOutcome;
import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.Async;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.Promise;
import dev.weft.workflow.TimeoutFailure;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;

/** Workers against the engine, on real threads: running, heartbeats, cancellation, manual completion, shutdown. */
final class WorkerTest {
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Jobs {
        String echo(String s);

        @dev.weft.annotations.Activity(heartbeatTimeout = "10s")
        String watched(String s);

        String manual(String s);

        String held(String s);

        String mdc(String s);

        String thread(String s);
    }

    /** The activities, with hooks tests use to hold and release them. */
    public static final class JobsImpl implements Jobs {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        volatile CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger heartbeats = new AtomicInteger();

        private void count(String what) {
            calls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String echo(String s) {
            count(Activity.getExecutionContext().getWorkflowExecution().workflowId() + "/"
                    + Activity.getExecutionContext().getActivityId());
            return s;
        }

        @Override
        public String watched(String s) {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            started.countDown();
            if (s.equals("silent")) {
                await(release);
                return "late";
            }
            // Heartbeats until the cancel request reaches it through one.
            while (true) {
                ctx.heartbeat(heartbeats.incrementAndGet());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }

        @Override
        public String manual(String s) {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            tokens.add(ctx.getTaskToken());
            ctx.doNotCompleteOnReturn();
            return "ignored";
        }

        @Override
        public String held(String s) {
            count(Activity.getExecutionContext().getWorkflowExecution().workflowId());
            started.countDown();
            await(release);
            return s + " done";
        }

        @Override
        public String mdc(String s) {
            return MDC.get("workflowId") + " " + MDC.get("activityId") + " " + MDC.get("taskList");
        }

        @Override
        public String thread(String s) {
            return isVirtual(Thread.currentThread()) ? "virtual" : "platform";
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Flow {
        @WorkflowMethod
        String run(String mode, int n);

        @SignalMethod
        void stop();
    }

    public static final class FlowImpl implements Flow {
        private final Jobs jobs = Workflow.newActivityStub(Jobs.class);
        private boolean stop;

        @Override
        public void stop() {
            stop = true;
        }

        @Override
        public String run(String mode, int n) {
            switch (mode) {
                case "chain" -> {
                    String s = "";
                    for (int i = 0; i < n; i++) {
                        s = jobs.echo(s + i);
                    }
                    return s;
                }
                case "fanOut" -> {
                    List<Promise<String>> all = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        all.add(Async.function(jobs::echo, "e" + i));
                    }
                    StringBuilder sb = new StringBuilder();
                    for (Promise<String> p : all) {
                        sb.append(p.get());
                    }
                    return sb.toString();
                }
                case "silent" -> {
                    try {
                        return jobs.watched("silent");
                    } catch (ActivityFailure e) {
                        return "timed out: " + ((TimeoutFailure) e.getCause()).getTimeoutType();
                    }
                }
                case "cancel" -> {
                    List<Promise<String>> p = new ArrayList<>();
                    CancellationScope scope =
                            Workflow.newCancellationScope(() -> p.add(Async.function(jobs::watched, "loop")));
                    scope.run();
                    Workflow.await(() -> stop);
                    scope.cancel();
                    Workflow.sleep(Duration.ofSeconds(1));
                    try {
                        return p.get(0).get();
                    } catch (ActivityFailure e) {
                        return "canceled";
                    }
                }
                case "manual" -> {
                    return jobs.manual("x");
                }
                case "held" -> {
                    return jobs.held(Workflow.getInfo().getWorkflowId());
                }
                case "mdc" -> {
                    return jobs.mdc("x");
                }
                case "thread" -> {
                    return jobs.thread("x");
                }
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    @Test
    void aWorkerRunsWorkflowsAndActivitiesAndRegistersTheirTypes() {
        JobsImpl jobs = new JobsImpl();
        try (WorkerTesting t = new WorkerTesting()) {
            t.start(List.of(FlowImpl.class), List.of(jobs));
            WorkflowExecution run = t.startWorkflow(Flow.class, "chain", "chain", 5);
            assertEquals("01234", t.result(run, String.class));
            WorkflowTypeConfiguration wf = t.engine
                    .describeWorkflowType(r -> r.domain(WorkerTesting.DOMAIN)
                            .workflowType(w -> w.name("Flow").version("1")))
                    .configuration();
            assertEquals("tasks", wf.defaultTaskList().name());
            assertEquals("86400", wf.defaultExecutionStartToCloseTimeout());
            assertEquals("30", wf.defaultTaskStartToCloseTimeout());
            assertEquals("TERMINATE", wf.defaultChildPolicyAsString());
            ActivityTypeConfiguration a = t.engine
                    .describeActivityType(r -> r.domain(WorkerTesting.DOMAIN)
                            .activityType(w -> w.name("Jobs.watched").version("1")))
                    .configuration();
            assertEquals("10", a.defaultTaskHeartbeatTimeout());
            assertEquals("300", a.defaultTaskStartToCloseTimeout());
            assertEquals("NONE", a.defaultTaskScheduleToStartTimeout());
        }
    }

    static boolean isVirtual(Thread t) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(t);
        } catch (NoSuchMethodException e) {
            return false; // Before JDK 21.
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
        }
    }

    @Test
    void virtualActivityThreadsIsOffByDefaultAndKeptByToBuilder() {
        WorkerOptions plain = WorkerOptions.newBuilder().identity("w").build();
        WorkerOptions virtual = plain.toBuilder().virtualActivityThreads(true).build();
        assertEquals(false, plain.isVirtualActivityThreads());
        assertEquals(true, virtual.toBuilder().build().isVirtualActivityThreads());
        assertEquals(virtual, virtual.toBuilder().build());
        assertNotEquals(plain, virtual);
        assertTrue(virtual.toString().contains("virtualActivityThreads=true"), virtual::toString);
    }

    @Test
    void fromJdk24DecisionsRunOnVirtualThreadsAndActivitiesWhenAsked() {
        boolean jdk24 = Runtime.version().feature() >= 24;
        for (boolean virtualActivities : new boolean[] {false, true}) {
            try (WorkerTesting t = new WorkerTesting()) {
                Map<String, Boolean> decidedOnVirtual = new ConcurrentHashMap<>();
                WorkerListener listener = new WorkerListener() {
                    @Override
                    public void decided(
                            WorkflowExecution run,
                            WorkflowType type,
                            Duration latency,
                            int decisions,
                            boolean closing) {
                        decidedOnVirtual.merge(run.runId(), isVirtual(Thread.currentThread()), Boolean::logicalAnd);
                        t.events.decided(run, type, latency, decisions, closing);
                    }
                };
                t.worker(
                                t.engine,
                                t.options()
                                        .virtualActivityThreads(virtualActivities)
                                        .listener(listener)
                                        .build(),
                                List.of(FlowImpl.class),
                                List.of(new JobsImpl()))
                        .start();
                WorkflowExecution run = t.startWorkflow(Flow.class, "thread-" + virtualActivities, "thread", 0);
                assertEquals(
                        virtualActivities && jdk24 ? "virtual" : "platform",
                        t.result(run, String.class),
                        "the activity's thread, virtualActivityThreads " + virtualActivities);
                assertEquals(Map.of(run.runId(), jdk24), decidedOnVirtual, "the decisions' threads");
            }
        }
    }

    @Test
    void withTheCacheEachDecisionAppliesOnlyTheNewEvents() {
        try (WorkerTesting t = new WorkerTesting()) {
            t.start(List.of(FlowImpl.class), List.of(new JobsImpl()));
            WorkflowExecution run = t.startWorkflow(Flow.class, "chain20", "chain", 20);
            t.result(run, String.class);
            assertEquals(1, t.events.cacheMisses.get(), "only the first decision replayed from scratch");
            assertEquals(20, t.events.cacheHits.get());
            assertTrue(
                    t.events.hitEvents.stream().allMatch(n -> n <= 7),
                    "each cached decision applied the handful of events that were new: " + t.events.hitEvents);
        }
    }

    @Test
    void anActivityThatStopsHeartbeatingTimesOutAndItsLateAnswerIsRefused() {
        JobsImpl jobs = new JobsImpl();
        try (WorkerTesting t = new WorkerTesting()) {
            t.start(List.of(FlowImpl.class), List.of(jobs));
            WorkflowExecution run = t.startWorkflow(Flow.class, "silent", "silent", 0);
            jobs.started.await(30, TimeUnit.SECONDS);
            t.engine.advance(Duration.ofSeconds(10));
            assertEquals("timed out: HEARTBEAT", t.result(run, String.class));
            jobs.release.countDown();
            t.events.await(() -> t.events.outcomes.contains(ActivityOutcome.GONE), "the late answer");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCancelRequestReachesTheActivityThroughItsHeartbeat() throws InterruptedException {
        JobsImpl jobs = new JobsImpl();
        try (WorkerTesting t = new WorkerTesting()) {
            Worker w = t.worker(
                    t.engine,
                    t.options().maxHeartbeatInterval(Duration.ofMillis(5)).build(),
                    List.of(FlowImpl.class),
                    List.of(jobs));
            w.start();
            WorkflowExecution run = t.startWorkflow(Flow.class, "cancel", "cancel", 0);
            jobs.started.await(30, TimeUnit.SECONDS);
            t.signal(run, "stop");
            t.events.await(() -> t.events.outcomes.contains(ActivityOutcome.CANCELED), "the activity's cancellation");
            t.engine.advance(Duration.ofSeconds(1));
            assertEquals("canceled", t.result(run, String.class));
            List<HistoryEvent> canceled = t.events(run, EventType.ACTIVITY_TASK_CANCELED);
            assertEquals(1, canceled.size());
            assertTrue(jobs.heartbeats.get() >= 1);
        }
    }

    @Test
    void anActivityLeftOpenIsCompletedLaterByItsToken() throws InterruptedException {
        JobsImpl jobs = new JobsImpl();
        try (WorkerTesting t = new WorkerTesting()) {
            t.start(List.of(FlowImpl.class), List.of(jobs));
            WorkflowExecution run = t.startWorkflow(Flow.class, "manual", "manual", 0);
            String token = jobs.tokens.poll(30, TimeUnit.SECONDS);
            t.events.await(() -> t.events.outcomes.contains(ActivityOutcome.LEFT_OPEN), "the activity to return");
            ActivityCompletionClient.create(t.engine).complete(token, "approved");
            assertEquals("approved", t.result(run, String.class));
            assertThrows(
                    dev.weft.activity.ActivityNotExistsException.class,
                    () -> ActivityCompletionClient.create(t.engine).complete(token, "twice"));
        }
    }

    @Test
    void theMdcNamesTheTaskAnActivityRuns() {
        try (WorkerTesting t = new WorkerTesting()) {
            t.start(List.of(FlowImpl.class), List.of(new JobsImpl()));
            WorkflowExecution run = t.startWorkflow(Flow.class, "mdc-run", "mdc", 0);
            assertEquals("mdc-run 1 tasks", t.result(run, String.class));
        }
    }

    @Test
    void twoWorkersShareATaskList() {
        JobsImpl jobs = new JobsImpl();
        try (WorkerTesting t = new WorkerTesting()) {
            t.start(List.of(FlowImpl.class), List.of(jobs));
            t.start(List.of(FlowImpl.class), List.of(jobs));
            List<WorkflowExecution> runs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                runs.add(t.startWorkflow(Flow.class, "shared-" + i, "fanOut", 3));
            }
            for (WorkflowExecution run : runs) {
                assertEquals("e0e1e2", t.result(run, String.class));
            }
            assertEquals(90, jobs.calls.size(), "every activity ran");
            assertTrue(jobs.calls.values().stream().allMatch(c -> c.get() == 1), "and only once");
        }
    }

    @Test
    void aWorkerShutDownInTheMiddleOfWorkLosesNoTask() throws InterruptedException {
        JobsImpl jobs = new JobsImpl();
        jobs.started = new CountDownLatch(2);
        try (WorkerTesting t = new WorkerTesting()) {
            Worker first = t.worker(
                    t.engine,
                    t.options().maxConcurrentActivityTasks(2).build(),
                    List.of(FlowImpl.class),
                    List.of(jobs));
            first.start();
            List<WorkflowExecution> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(t.startWorkflow(Flow.class, "held-" + i, "held", 0));
            }
            assertTrue(jobs.started.await(30, TimeUnit.SECONDS), "two activities running");
            first.shutdown();
            jobs.release.countDown();
            assertTrue(first.awaitTermination(Duration.ofSeconds(30)), "the two in flight finished");
            assertTrue(first.isTerminated());
            t.start(List.of(FlowImpl.class), List.of(jobs));
            t.events.await(
                    () -> t.events.outcomes.stream()
                                    .filter(o -> o == ActivityOutcome.COMPLETED)
                                    .count()
                            == 6,
                    "every activity, the four the first worker never took included");
            // Those four executions' next decisions wait on the first worker's own task list until
            // SWF hands them to the shared list.
            t.engine.advance(Duration.ofSeconds(5));
            for (WorkflowExecution run : runs) {
                assertEquals(run.workflowId() + " done", t.result(run, String.class));
            }
            assertEquals(6, jobs.calls.size());
            assertTrue(jobs.calls.values().stream().allMatch(c -> c.get() == 1), "each ran once: " + jobs.calls);
        }
    }

    @Test
    void aWorkerThatDiesLosesItsCacheAndAnotherFinishesTheWorkflow() throws InterruptedException {
        JobsImpl jobs = new JobsImpl();
        try (WorkerTesting t = new WorkerTesting()) {
            Worker activities = t.start(List.of(), List.of(jobs));
            Worker doomed = t.start(List.of(FlowImpl.class), List.of());
            WorkflowExecution run = t.startWorkflow(Flow.class, "orphan", "held", 0);
            assertTrue(jobs.started.await(30, TimeUnit.SECONDS));
            doomed.shutdownNow();
            jobs.release.countDown();
            t.events.await(() -> t.events.outcomes.contains(ActivityOutcome.COMPLETED), "the activity");
            // The next decision task waits on the dead worker's own list until SWF gives up on it.
            t.engine.advance(Duration.ofSeconds(5));
            t.start(List.of(FlowImpl.class), List.of());
            assertEquals("orphan done", t.result(run, String.class));
            HistoryEvent timedOut =
                    t.events(run, EventType.DECISION_TASK_TIMED_OUT).get(0);
            assertEquals(
                    "SCHEDULE_TO_START",
                    timedOut.decisionTaskTimedOutEventAttributes().timeoutTypeAsString());
            assertTrue(activities.getStickyTaskList() == null, "an activity-only worker has no sticky list");
        }
    }

    @Test
    void aWorkerRunsThroughTheSdksHttpClientAgainstTheEnginesHttpEndpoint() throws Exception {
        java.util.Set<Thread> before =
                new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        // Wall-clock engine with one-second polls: over HTTP a poll cannot be cut short, so a
        // shutdown waits for the polls in flight to return.
        try (SwfEngine engine =
                        SwfEngine.builder().pollTimeout(Duration.ofSeconds(1)).build();
                dev.weft.engine.SwfHttpServer server = dev.weft.engine.SwfHttpServer.start(engine, "127.0.0.1", 0);
                software.amazon.awssdk.services.swf.SwfClient swf =
                        dev.weft.client.SwfClients.forEndpoint(server.endpoint())) {
            WorkerTesting.Events events = new WorkerTesting.Events();
            Worker worker = Worker.newBuilder(swf, "http-domain", "http-tasks")
                    .workflows(FlowImpl.class)
                    .activities(new JobsImpl())
                    .options(WorkerOptions.newBuilder()
                            .registerDomain(1)
                            .listener(events)
                            .build())
                    .build();
            worker.start();
            String runId = swf.startWorkflowExecution(r -> r.domain("http-domain")
                            .workflowId("over-http")
                            .workflowType(w -> w.name("Flow").version("1"))
                            .input("[\"chain\",3]"))
                    .runId();
            events.await(() -> events.closed.containsKey(runId), "the run over HTTP");
            var history = swf.getWorkflowExecutionHistory(r -> r.domain("http-domain")
                            .execution(e -> e.workflowId("over-http").runId(runId))
                            .reverseOrder(true)
                            .maximumPageSize(1))
                    .events();
            assertEquals(
                    "\"012\"",
                    history.get(0).workflowExecutionCompletedEventAttributes().result());
            worker.shutdown();
            assertTrue(worker.awaitTermination(Duration.ofSeconds(10)), "the polls in flight returned");
        }
        WorkerTesting.assertNoWorkerThreads(before);
    }
}
