package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.SwfEngine;
import dev.weft.internal.model.ActivitiesModel;
import dev.weft.internal.model.ActivityMethod;
import dev.weft.internal.model.DurationText;
import dev.weft.internal.model.WorkflowModel;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.FailureCodec;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.ReplayDecider.DecisionResult;
import dev.weft.internal.replay.ReplayDecider.DecisionTask;
import dev.weft.internal.replay.WorkflowImplementations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Runs workflows against a virtual-time engine on the test's own thread: polls decision and
 * activity tasks until nothing is left to do, then jumps time to the next timer or timeout, and
 * so on until every execution is closed or the test's time budget is spent.
 *
 * <p>Every decision is made twice: by the run's cached decider (which takes only the new events,
 * as a worker with a cache does) and by a fresh decider replaying the full history. Both must
 * produce the same decisions and state, or the test fails. When the harness closes, every
 * execution's final history is replayed once more on a fresh decider.
 */
final class WorkflowTesting implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String DOMAIN = "weft-test";
    static final String DECISIONS = "decisions";
    static final String ACTIVITIES = "activities";

    final SwfEngine engine;
    final DataConverter converter = JacksonDataConverter.create();
    private WorkflowImplementations implementations = new WorkflowImplementations();
    private final Map<String, Object> activityImplementations = new HashMap<>();
    private final Map<Class<?>, Object> localActivities = new HashMap<>();
    private final Set<String> decisionLists = new LinkedHashSet<>();
    private final Set<String> activityLists = new LinkedHashSet<>();
    private final Map<String, ReplayDecider> cache = new HashMap<>();
    private final Set<WorkflowExecution> executions = new LinkedHashSet<>();
    private DeciderOptions options = DeciderOptions.DEFAULT;

    /** Decision tasks the decider failed, with why (the task then times out and comes back). */
    final List<Throwable> decisionFailures = new ArrayList<>();
    /** Every response's decisions, in order. */
    final List<List<Decision>> decisionLog = new ArrayList<>();
    /** Events given to cached deciders, for tests of the cache path. */
    long cachedEventsApplied;
    /** Decision tasks decided by a cached decider. */
    int cacheHits;
    /** Whether activity tasks are polled (false: they wait, for timeout tests). */
    boolean runActivities = true;
    /** Whether each decision is checked against a fresh full replay. */
    boolean checkReplay = true;
    /** Runs once, between the next decision and its response (to race it with new events). */
    Runnable beforeRespond;
    /** Whether time waits for running Lambda functions (false: a test moves it past their timeouts). */
    boolean waitForLambdas = true;
    /** Task tokens of activities left unanswered ({@link ManualCompletion}), by activity id. */
    final Map<String, String> heldTasks = new LinkedHashMap<>();

    WorkflowTesting() {
        this(b -> {});
    }

    /** A harness whose engine the caller configures further (Lambda functions, say). */
    WorkflowTesting(java.util.function.Consumer<SwfEngine.Builder> configure) {
        SwfEngine.Builder b = SwfEngine.builder().virtualTime(T0).pollTimeout(Duration.ZERO);
        configure.accept(b);
        engine = b.build();
        engine.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        decisionLists.add(DECISIONS);
        activityLists.add(ACTIVITIES);
    }

    WorkflowTesting options(DeciderOptions o) {
        this.options = o;
        return this;
    }

    /** Registers workflow implementations and their types (with the annotations' defaults). */
    WorkflowTesting workflows(Class<?>... implementationClasses) {
        implementations.add(implementationClasses);
        for (Class<?> c : implementationClasses) {
            WorkflowModel m = WorkflowModel.ofImplementation(c);
            if (m.taskList() != null) {
                decisionLists.add(m.taskList());
            }
            try {
                engine.registerWorkflowType(r -> {
                    r.domain(DOMAIN).name(m.name()).version(m.version());
                    r.defaultTaskList(t -> t.name(m.taskList() != null ? m.taskList() : DECISIONS));
                    r.defaultTaskStartToCloseTimeout(DurationText.swf(m.taskStartToCloseTimeout()));
                    r.defaultExecutionStartToCloseTimeout(
                            m.executionStartToCloseTimeout() == DurationText.UNSET
                                    ? "3600"
                                    : DurationText.swf(m.executionStartToCloseTimeout()));
                    r.defaultChildPolicy(m.childPolicy().name());
                    if (m.lambdaRole() != null) {
                        r.defaultLambdaRole(m.lambdaRole());
                    }
                });
            } catch (TypeAlreadyExistsException e) {
                // Registered by an earlier call.
            }
        }
        return this;
    }

    /**
     * Deploys new code: these implementations replace the registered ones, and every cached run
     * is dropped, so the next decision of each run replays its history on the new code.
     */
    WorkflowTesting redeploy(Class<?>... implementationClasses) {
        implementations = new WorkflowImplementations();
        cache.values().forEach(ReplayDecider::close);
        cache.clear();
        return workflows(implementationClasses);
    }

    /** Registers activity implementations (for every @Activities interface they implement). */
    WorkflowTesting activities(Object... implementationObjects) {
        for (Object impl : implementationObjects) {
            for (Class<?> iface : interfaces(impl.getClass())) {
                if (!iface.isAnnotationPresent(dev.weft.annotations.Activities.class)) {
                    continue;
                }
                ActivitiesModel model = ActivitiesModel.of(iface);
                for (ActivityMethod am : model.methods().values()) {
                    activityImplementations.put(am.name() + "/" + am.version(), new Bound(impl, am));
                    if (am.taskList() != null) {
                        activityLists.add(am.taskList());
                    }
                    try {
                        engine.registerActivityType(r -> r.domain(DOMAIN)
                                .name(am.name())
                                .version(am.version())
                                .defaultTaskList(t -> t.name(am.taskList() != null ? am.taskList() : ACTIVITIES)));
                    } catch (TypeAlreadyExistsException e) {
                        // Registered by an earlier call.
                    }
                }
                localActivities.put(iface, impl);
            }
        }
        options = options.withLocalActivities(localActivities);
        return this;
    }

    private static List<Class<?>> interfaces(Class<?> c) {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                all.add(i);
            }
        }
        return all;
    }

    private record Bound(Object implementation, ActivityMethod method) {}

    /** Starts an execution of a workflow interface with the given arguments. */
    WorkflowExecution start(Class<?> workflow, String workflowId, Object... args) {
        WorkflowModel m = WorkflowModel.of(workflow);
        String input = converter.toArguments(args, m.entry().getGenericParameterTypes());
        String runId = engine.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId(workflowId)
                        .workflowType(t -> t.name(m.name()).version(m.version()))
                        .input(input))
                .runId();
        WorkflowExecution e =
                WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
        executions.add(e);
        return e;
    }

    /** Signals with a payload as it is (not a list of arguments). */
    void signalRaw(WorkflowExecution e, String signal, String input) {
        engine.signalWorkflowExecution(r -> r.domain(DOMAIN)
                .workflowId(e.workflowId())
                .runId(e.runId())
                .signalName(signal)
                .input(input));
    }

    void signal(WorkflowExecution e, String signal, Object... args) {
        Type[] types = new Type[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        engine.signalWorkflowExecution(r -> r.domain(DOMAIN)
                .workflowId(e.workflowId())
                .runId(e.runId())
                .signalName(signal)
                .input(converter.toArguments(args, types)));
    }

    /**
     * Works until nothing is left to do and no timer or timeout is due within {@code budget}.
     */
    void run(Duration budget) {
        Instant end = engine.now().plus(budget);
        boolean settled = false;
        while (true) {
            boolean progress;
            do {
                progress = false;
                // Read before polling: a function that finished after the polls is seen next round.
                int lambdas = ((dev.weft.internal.engine.Engine) engine).runningLambdas();
                for (String list : List.copyOf(decisionLists)) {
                    progress |= decide(list);
                }
                if (runActivities) {
                    for (String list : List.copyOf(activityLists)) {
                        progress |= work(list);
                    }
                }
                if (!progress && lambdas > 0 && waitForLambdas) {
                    // A Lambda function runs on an engine thread: time stands still until it is done.
                    Thread.onSpinWait();
                    progress = true;
                }
                if (!progress && !settled) {
                    // The engine's timer thread fires what falls due at the current instant (a
                    // zero-second timer) on its own; advancing by zero waits until it has.
                    engine.advance(Duration.ZERO);
                    settled = true;
                    progress = true;
                } else if (progress) {
                    settled = false;
                }
            } while (progress);
            settled = false;
            Optional<Instant> next = engine.nextDeadline();
            if (next.isEmpty() || next.get().isAfter(end)) {
                return;
            }
            engine.advance(Duration.between(engine.now(), next.get()));
        }
    }

    void run() {
        run(Duration.ofDays(30));
    }

    private boolean decide(String taskList) {
        PollForDecisionTaskResponse task = engine.pollForDecisionTask(r -> r.domain(DOMAIN)
                .taskList(t -> t.name(taskList))
                .startAtPreviousStartedEvent(true)
                .identity("test"));
        if (task.taskToken() == null || task.taskToken().isEmpty()) {
            return false;
        }
        List<HistoryEvent> partial = new ArrayList<>(task.events());
        String page = task.nextPageToken();
        while (page != null) {
            String p = page;
            PollForDecisionTaskResponse more = engine.pollForDecisionTask(r -> r.domain(DOMAIN)
                    .taskList(t -> t.name(taskList))
                    .startAtPreviousStartedEvent(true)
                    .nextPageToken(p));
            partial.addAll(more.events());
            page = more.nextPageToken();
        }
        WorkflowExecution run = task.workflowExecution();
        executions.add(run);
        List<HistoryEvent> full = history(run).stream()
                .filter(e -> e.eventId() <= task.startedEventId())
                .toList();
        DecisionTask fullTask =
                new DecisionTask(run, task.workflowType(), task.startedEventId(), task.previousStartedEventId(), full);
        ReplayDecider cached = cache.get(run.runId());
        DecisionResult result;
        try {
            if (cached != null && cached.lastStartedEventId() == task.previousStartedEventId()) {
                long before = cached.eventsApplied();
                result = cached.decide(new DecisionTask(
                        run, task.workflowType(), task.startedEventId(), task.previousStartedEventId(), partial));
                cachedEventsApplied += cached.eventsApplied() - before;
                cacheHits++;
            } else {
                if (cached != null) {
                    cached.close();
                }
                cached = new ReplayDecider(implementations, options, DOMAIN);
                cache.put(run.runId(), cached);
                result = cached.decide(fullTask);
            }
        } catch (RuntimeException e) {
            cache.remove(run.runId());
            decisionFailures.add(e);
            return true; // The task will time out; time must move for it.
        }
        if (checkReplay) {
            ReplayDecider fresh = new ReplayDecider(implementations, options, DOMAIN);
            try {
                DecisionResult again = fresh.decide(fullTask);
                assertEquals(
                        withoutStackTraces(result.decisions()),
                        withoutStackTraces(again.decisions()),
                        "a fresh replay of " + run + " decided otherwise");
                assertEquals(result.executionContext(), again.executionContext(), "state after replay of " + run);
            } finally {
                fresh.close();
            }
        }
        List<Decision> decisions = result.decisions();
        decisionLog.add(decisions);
        if (beforeRespond != null) {
            Runnable r = beforeRespond;
            beforeRespond = null;
            r.run();
        }
        engine.respondDecisionTaskCompleted(
                r -> r.taskToken(task.taskToken()).decisions(decisions).executionContext(result.executionContext()));
        if (result.closing()) {
            cache.remove(run.runId()).close();
        }
        return true;
    }

    /** Decisions as text, with failures' stack traces (which depend on the thread path) cut out. */
    private static List<String> withoutStackTraces(List<Decision> decisions) {
        return decisions.stream()
                .map(d -> d.toString().replaceAll("\\\\+tat [^\\\\\"]*(\\\\+n)?", ""))
                .toList();
    }

    /** Polls and runs one activity task on each activity list; for tests that race a decision. */
    void workOnce() {
        for (String list : List.copyOf(activityLists)) {
            work(list);
        }
    }

    private boolean work(String taskList) {
        PollForActivityTaskResponse task = engine.pollForActivityTask(
                r -> r.domain(DOMAIN).taskList(t -> t.name(taskList)).identity("test"));
        if (task.taskToken() == null || task.taskToken().isEmpty()) {
            return false;
        }
        ActivityType type = task.activityType();
        Bound b = (Bound) activityImplementations.get(type.name() + "/" + type.version());
        if (b == null) {
            throw new AssertionError("no activity implementation for " + type);
        }
        Method m = b.method().method();
        try {
            Object[] args = converter.fromArguments(task.input(), m.getGenericParameterTypes());
            Object value = m.invoke(b.implementation(), args);
            String result = m.getReturnType() == void.class ? null : converter.toData(value, m.getGenericReturnType());
            engine.respondActivityTaskCompleted(
                    r -> r.taskToken(task.taskToken()).result(result));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ManualCompletion) {
                heldTasks.put(task.activityId(), task.taskToken());
                return true;
            }
            FailureCodec.Encoded f = FailureCodec.encode(e.getCause());
            engine.respondActivityTaskFailed(
                    r -> r.taskToken(task.taskToken()).reason(f.reason()).details(f.details()));
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return true;
    }

    /** Thrown by a test activity to leave its task unanswered (it then times out). */
    static final class ManualCompletion extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    List<HistoryEvent> history(WorkflowExecution run) {
        List<HistoryEvent> events = new ArrayList<>();
        String page = null;
        do {
            String p = page;
            GetWorkflowExecutionHistoryResponse r = engine.getWorkflowExecutionHistory(
                    b -> b.domain(DOMAIN).execution(run).nextPageToken(p));
            events.addAll(r.events());
            page = r.nextPageToken();
        } while (page != null);
        return events;
    }

    DescribeWorkflowExecutionResponse describe(WorkflowExecution run) {
        return engine.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run));
    }

    /** The last event of the run's history. */
    HistoryEvent closeEvent(WorkflowExecution run) {
        List<HistoryEvent> h = history(run);
        return h.get(h.size() - 1);
    }

    /** The run's result, read with the given type; the run must have completed. */
    <T> T result(WorkflowExecution run, Class<T> type) {
        HistoryEvent last = closeEvent(run);
        if (last.eventType() != EventType.WORKFLOW_EXECUTION_COMPLETED) {
            AssertionError e = new AssertionError("expected " + run + " to complete, but it closed with " + last
                    + "\nhistory:\n" + String.join("\n", compact(history(run))));
            decisionFailures.stream().limit(3).forEach(e::addSuppressed);
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) converter.fromData(
                last.workflowExecutionCompletedEventAttributes().result(), type);
        return value;
    }

    /** Events of one type in the run's history. */
    List<HistoryEvent> events(WorkflowExecution run, EventType type) {
        return history(run).stream().filter(e -> e.eventType() == type).toList();
    }

    List<HistoryEvent> events(WorkflowExecution run, Predicate<HistoryEvent> p) {
        return history(run).stream().filter(p).toList();
    }

    /** One line per event: id, type, and what identifies it. */
    static List<String> compact(List<HistoryEvent> events) {
        List<String> lines = new ArrayList<>();
        for (HistoryEvent e : events) {
            lines.add(compact(e));
        }
        return lines;
    }

    static String compact(HistoryEvent e) {
        String d = switch (e.eventType()) {
            case WORKFLOW_EXECUTION_STARTED ->
                "input=" + e.workflowExecutionStartedEventAttributes().input();
            case ACTIVITY_TASK_SCHEDULED -> {
                var a = e.activityTaskScheduledEventAttributes();
                yield a.activityId() + " " + a.activityType().name() + " input=" + a.input();
            }
            case ACTIVITY_TASK_COMPLETED ->
                "result=" + e.activityTaskCompletedEventAttributes().result();
            case ACTIVITY_TASK_FAILED ->
                "reason=" + e.activityTaskFailedEventAttributes().reason();
            case ACTIVITY_TASK_TIMED_OUT ->
                e.activityTaskTimedOutEventAttributes().timeoutTypeAsString();
            case ACTIVITY_TASK_CANCEL_REQUESTED ->
                e.activityTaskCancelRequestedEventAttributes().activityId();
            case TIMER_STARTED ->
                e.timerStartedEventAttributes().timerId() + " "
                        + e.timerStartedEventAttributes().startToFireTimeout() + "s";
            case TIMER_FIRED -> e.timerFiredEventAttributes().timerId();
            case TIMER_CANCELED -> e.timerCanceledEventAttributes().timerId();
            case MARKER_RECORDED ->
                e.markerRecordedEventAttributes().markerName() + " "
                        + e.markerRecordedEventAttributes().details();
            case WORKFLOW_EXECUTION_SIGNALED ->
                e.workflowExecutionSignaledEventAttributes().signalName() + " "
                        + e.workflowExecutionSignaledEventAttributes().input();
            case WORKFLOW_EXECUTION_COMPLETED ->
                "result=" + e.workflowExecutionCompletedEventAttributes().result();
            case WORKFLOW_EXECUTION_FAILED ->
                "reason=" + e.workflowExecutionFailedEventAttributes().reason();
            case START_CHILD_WORKFLOW_EXECUTION_INITIATED ->
                e.startChildWorkflowExecutionInitiatedEventAttributes()
                                .workflowType()
                                .name() + " input="
                        + e.startChildWorkflowExecutionInitiatedEventAttributes()
                                .input();
            case CHILD_WORKFLOW_EXECUTION_COMPLETED ->
                "result=" + e.childWorkflowExecutionCompletedEventAttributes().result();
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED ->
                e.signalExternalWorkflowExecutionInitiatedEventAttributes().signalName();
            case LAMBDA_FUNCTION_SCHEDULED ->
                e.lambdaFunctionScheduledEventAttributes().name() + " input="
                        + e.lambdaFunctionScheduledEventAttributes().input();
            case LAMBDA_FUNCTION_COMPLETED ->
                "result=" + e.lambdaFunctionCompletedEventAttributes().result();
            default -> "";
        };
        return (e.eventId() + " " + e.eventTypeAsString() + " " + d).trim();
    }

    /** Replays every execution's final history on a fresh decider; closes the engine. */
    @Override
    public void close() {
        try {
            Map<WorkflowExecution, Throwable> failed = new LinkedHashMap<>();
            for (WorkflowExecution run : executions) {
                List<HistoryEvent> h = history(run);
                ReplayDecider fresh = new ReplayDecider(implementations, options, DOMAIN);
                try {
                    fresh.decide(new DecisionTask(
                            run,
                            h.get(0).workflowExecutionStartedEventAttributes().workflowType(),
                            -1,
                            0,
                            h));
                } catch (RuntimeException | AssertionError e) {
                    failed.put(run, e);
                } finally {
                    fresh.close();
                }
            }
            if (!failed.isEmpty() && decisionFailures.isEmpty()) {
                AssertionError e = new AssertionError("final histories did not replay: " + failed.keySet());
                failed.values().forEach(e::addSuppressed);
                throw e;
            }
        } finally {
            cache.values().forEach(ReplayDecider::close);
            engine.close();
        }
    }
}
