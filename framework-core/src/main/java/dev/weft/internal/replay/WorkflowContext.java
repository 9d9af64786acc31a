package dev.weft.internal.replay;

import dev.weft.converter.DataConverter;
import dev.weft.internal.model.WorkflowModel;
import dev.weft.internal.proxy.Stubs.Invoker;
import dev.weft.workflow.CanceledFailure;
import dev.weft.workflow.NonDeterministicException;
import dev.weft.workflow.WeftFailure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * The state of one workflow run as its decider sees it: the workflow object and its threads, the
 * state machines of everything it started, routed by the event ids SWF gives them, the commands on
 * their way out, deterministic time and randomness, and how the run ends.
 *
 * <p>Everything here runs with the runner's baton held (on a workflow thread, or on the worker's
 * thread between runs), so nothing needs locking.
 */
final class WorkflowContext {
    private static final Logger log = LoggerFactory.getLogger(WorkflowContext.class);

    final ReplayDecider decider;
    final WorkflowModel model;
    final DataConverter converter;
    final Runner runner;
    final CommandQueue queue = new CommandQueue();
    final WorkflowExecution execution;
    final WorkflowType type;
    final String domain;

    private final Class<?> implementation;
    /**
     * The machines waiting for events, by the id of the event that began them (scheduled,
     * started or initiated): one map for every kind, since event ids never repeat in a history
     * (a parked run keeps one map instead of five).
     */
    private final Map<Long, Object> routes = new HashMap<>();

    /** Made at the first getVersion (most runs call none). */
    private Map<String, Integer> versions;
    /** Steps waiting for an action, in the order they began to wait. */
    final Map<String, PromiseImpl<dev.weft.workflow.StepAction>> waitingSteps = new java.util.LinkedHashMap<>();
    /** Client tokens of the step actions taken: a duplicate delivery is ignored. */
    private final java.util.Set<String> stepTokens = new java.util.HashSet<>();

    final ArrayDeque<LocalCall> pendingLocals = new ArrayDeque<>(2);

    WorkflowInfoImpl info;
    Object instance;
    /** The workflow method's input, from the started event until the main thread reads it. */
    private String mainInput;

    final Scope root;
    private long now;
    private long historyLength;
    private Random random;
    private int sequence;
    private int threads;
    boolean cancelRequested;
    /** Async.function is calling a stub method reference: the stub hands over its promise. */
    private boolean capturing;

    private PromiseImpl<?> captured;

    /** How the run ends, once its main method is done; null while it runs. */
    Completion completion;
    /** A close decision was made and its event has not come back. */
    boolean closeInFlight;
    /** The run is closed: its close decision was recorded. */
    boolean closed;

    WorkflowContext(
            ReplayDecider decider,
            WorkflowImplementations.Registered registered,
            WorkflowExecution execution,
            WorkflowType type,
            String domain) {
        this.decider = decider;
        this.model = registered.model();
        this.implementation = registered.implementation();
        this.converter = decider.options.converter();
        this.execution = execution;
        this.type = type;
        this.domain = domain;
        this.runner = new Runner(() -> execution.workflowId() + "/" + execution.runId(), this);
        this.root = new Scope(this, null, false);
    }

    /** The context of the workflow code calling, or a clear error for code that is not. */
    static WorkflowContext current(String what) {
        Object owner = Runner.activeOwner();
        if (owner instanceof WorkflowContext c) {
            return c;
        }
        throw new IllegalStateException(what + " must be called from workflow code, on the thread the decider runs"
                + " it on. Outside a workflow use the workflow client; in an activity use the activity context.");
    }

    /** The context of the workflow code calling, or null. */
    static WorkflowContext currentOrNull() {
        return Runner.activeOwner() instanceof WorkflowContext c ? c : null;
    }

    // ---------------------------------------------------------------------------------------
    // Time, randomness, ids

    long currentTimeMillis() {
        return now;
    }

    long historyLength() {
        return historyLength;
    }

    /** Called as each decision opens: the time and history length its code sees. */
    void decisionOpened(HistoryEvent started) {
        now = started.eventTimestamp().toEpochMilli();
        historyLength = started.eventId();
    }

    boolean isReplaying() {
        return queue.replaying();
    }

    Random random() {
        if (random == null) {
            random = new Random(seed(execution.runId()));
        }
        return random;
    }

    UUID randomUUID() {
        Random r = random();
        long most = (r.nextLong() & ~0xF000L) | 0x4000L;
        long least = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static long seed(String runId) {
        long h = 1125899906842597L;
        for (int i = 0; i < runId.length(); i++) {
            h = 31 * h + runId.charAt(i);
        }
        return h;
    }

    /** The next number of the run's id sequence (activity ids, timer ids, local calls...). */
    int nextSequence() {
        return ++sequence;
    }

    // ---------------------------------------------------------------------------------------
    // Commands and routing

    /** Queues a command; a replay mismatch fails the whole run, even if the code catches it. */
    void command(Command c) {
        try {
            queue.add(c);
        } catch (NonDeterministicException e) {
            runner.fail(e);
            throw e;
        }
    }

    void routeActivity(long scheduledEventId, ActivityMachine m) {
        routes.put(scheduledEventId, m);
    }

    void routeTimer(long startedEventId, TimerMachine m) {
        routes.put(startedEventId, m);
    }

    void routeChild(long initiatedEventId, ChildMachine m) {
        routes.put(initiatedEventId, m);
    }

    void routeExternal(long initiatedEventId, ExternalMachine m) {
        routes.put(initiatedEventId, m);
    }

    void routeLambda(long scheduledEventId, LambdaMachine m) {
        routes.put(scheduledEventId, m);
    }

    /** Asks another execution (a child, usually) to cancel; fire and forget. */
    ExternalMachine requestCancelExternal(String workflowId, String runId) {
        return new ExternalMachine(this, workflowId, runId);
    }

    // ---------------------------------------------------------------------------------------
    // Events

    /** Applies an event that arrived since the last decision: it wakes whatever waits for it. */
    void apply(HistoryEvent e) {
        switch (e.eventType()) {
            case WORKFLOW_EXECUTION_STARTED -> started(e);
            case WORKFLOW_EXECUTION_SIGNALED -> signaled(e);
            case WORKFLOW_EXECUTION_CANCEL_REQUESTED -> {
                if (!cancelRequested) {
                    cancelRequested = true;
                    root.cancel("The workflow execution was asked to cancel");
                }
            }
            case ACTIVITY_TASK_STARTED ->
                activity(e, e.activityTaskStartedEventAttributes().scheduledEventId());
            case ACTIVITY_TASK_COMPLETED ->
                activity(e, e.activityTaskCompletedEventAttributes().scheduledEventId());
            case ACTIVITY_TASK_FAILED ->
                activity(e, e.activityTaskFailedEventAttributes().scheduledEventId());
            case ACTIVITY_TASK_TIMED_OUT ->
                activity(e, e.activityTaskTimedOutEventAttributes().scheduledEventId());
            case ACTIVITY_TASK_CANCELED ->
                activity(e, e.activityTaskCanceledEventAttributes().scheduledEventId());
            case TIMER_FIRED -> {
                long id = e.timerFiredEventAttributes().startedEventId();
                if (routes.get(id) instanceof TimerMachine m) {
                    routes.remove(id);
                    m.handle(e);
                } else if (!e.timerFiredEventAttributes().timerId().startsWith(CommandQueue.MORE_PREFIX)) {
                    throw unrouted(e, "timer " + e.timerFiredEventAttributes().timerId());
                }
            }
            case START_CHILD_WORKFLOW_EXECUTION_FAILED ->
                child(e, e.startChildWorkflowExecutionFailedEventAttributes().initiatedEventId());
            case CHILD_WORKFLOW_EXECUTION_STARTED ->
                child(e, e.childWorkflowExecutionStartedEventAttributes().initiatedEventId());
            case CHILD_WORKFLOW_EXECUTION_COMPLETED ->
                child(e, e.childWorkflowExecutionCompletedEventAttributes().initiatedEventId());
            case CHILD_WORKFLOW_EXECUTION_FAILED ->
                child(e, e.childWorkflowExecutionFailedEventAttributes().initiatedEventId());
            case CHILD_WORKFLOW_EXECUTION_TIMED_OUT ->
                child(e, e.childWorkflowExecutionTimedOutEventAttributes().initiatedEventId());
            case CHILD_WORKFLOW_EXECUTION_CANCELED ->
                child(e, e.childWorkflowExecutionCanceledEventAttributes().initiatedEventId());
            case CHILD_WORKFLOW_EXECUTION_TERMINATED ->
                child(e, e.childWorkflowExecutionTerminatedEventAttributes().initiatedEventId());
            case EXTERNAL_WORKFLOW_EXECUTION_SIGNALED ->
                external(e, e.externalWorkflowExecutionSignaledEventAttributes().initiatedEventId());
            case SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED ->
                external(
                        e,
                        e.signalExternalWorkflowExecutionFailedEventAttributes().initiatedEventId());
            case EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED ->
                external(
                        e,
                        e.externalWorkflowExecutionCancelRequestedEventAttributes()
                                .initiatedEventId());
            case REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED ->
                external(
                        e,
                        e.requestCancelExternalWorkflowExecutionFailedEventAttributes()
                                .initiatedEventId());
            case LAMBDA_FUNCTION_STARTED ->
                lambda(e, e.lambdaFunctionStartedEventAttributes().scheduledEventId());
            case START_LAMBDA_FUNCTION_FAILED ->
                lambda(e, e.startLambdaFunctionFailedEventAttributes().scheduledEventId());
            case LAMBDA_FUNCTION_COMPLETED ->
                lambda(e, e.lambdaFunctionCompletedEventAttributes().scheduledEventId());
            case LAMBDA_FUNCTION_FAILED ->
                lambda(e, e.lambdaFunctionFailedEventAttributes().scheduledEventId());
            case LAMBDA_FUNCTION_TIMED_OUT ->
                lambda(e, e.lambdaFunctionTimedOutEventAttributes().scheduledEventId());
            default -> {
                // Closing events (terminated, timed out) and anything else workflow code never sees.
            }
        }
    }

    private void activity(HistoryEvent e, long scheduledEventId) {
        if (!(routes.get(scheduledEventId) instanceof ActivityMachine m)) {
            throw unrouted(e, "the activity scheduled at event " + scheduledEventId);
        }
        if (e.eventType() != EventType.ACTIVITY_TASK_STARTED) {
            routes.remove(scheduledEventId);
        }
        m.handle(e);
    }

    private void child(HistoryEvent e, long initiatedEventId) {
        if (!(routes.get(initiatedEventId) instanceof ChildMachine m)) {
            throw unrouted(e, "the child workflow initiated at event " + initiatedEventId);
        }
        EventType t = e.eventType();
        if (t != EventType.CHILD_WORKFLOW_EXECUTION_STARTED) {
            routes.remove(initiatedEventId);
        }
        m.handle(e);
    }

    private void external(HistoryEvent e, long initiatedEventId) {
        if (!(routes.get(initiatedEventId) instanceof ExternalMachine m)) {
            throw unrouted(e, "the external request initiated at event " + initiatedEventId);
        }
        routes.remove(initiatedEventId);
        m.handle(e);
    }

    private void lambda(HistoryEvent e, long scheduledEventId) {
        if (!(routes.get(scheduledEventId) instanceof LambdaMachine m)) {
            throw unrouted(e, "the Lambda function scheduled at event " + scheduledEventId);
        }
        if (e.eventType() != EventType.LAMBDA_FUNCTION_STARTED) {
            routes.remove(scheduledEventId);
        }
        m.handle(e);
    }

    private NonDeterministicException unrouted(HistoryEvent e, String what) {
        return new NonDeterministicException("[SWF-1101] Event " + e.eventId() + " (" + e.eventTypeAsString()
                + ") is about " + what + ", which the workflow code did not start during replay of "
                + execution.workflowId() + "/" + execution.runId() + ".");
    }

    // ---------------------------------------------------------------------------------------
    // The workflow's code

    private void started(HistoryEvent e) {
        WorkflowExecutionStartedEventAttributes a = e.workflowExecutionStartedEventAttributes();
        info = new WorkflowInfoImpl(this, a, e.eventTimestamp());
        mainInput = a.input();
        newThread("main", root, this::runMain); // A method reference: one frame less under a park.
    }

    /**
     * Runs the workflow method on the main thread. Each frame here stays on the stack of a parked
     * execution (on the heap, for a virtual thread), so the method is called straight through its
     * invoker.
     */
    private void runMain() {
        String input = mainInput;
        mainInput = null;
        Method entry = model.entry();
        try {
            instance = newInstance();
            Object[] args = runner.exempt(() -> converter.fromArguments(input, entry.getGenericParameterTypes()));
            Object result = invoker(entry).invoke(instance, args);
            String payload = entry.getReturnType() == void.class
                    ? null
                    : runner.exempt(() -> converter.toData(result, entry.getGenericReturnType()));
            Payloads.check(payload, "The result of workflow " + model.typeLabel());
            completion = Completion.completed(payload);
        } catch (Runner.DestroyedError e) {
            throw e;
        } catch (ContinueAsNewRequest request) {
            completion = Completion.continueAsNew(request);
        } catch (Throwable t) {
            mainFailed(t);
        }
    }

    private Object newInstance() throws Throwable {
        try {
            var k = implementation.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The method's invoker. */
    private Invoker invoker(Method m) {
        Invoker direct = dev.weft.internal.proxy.Stubs.madeInvoker(m);
        // Made once per method; slow on a cold JVM, so not the code's time.
        return direct != null ? direct : runner.exempt(() -> dev.weft.internal.proxy.Stubs.invoker(m));
    }

    /** Invokes a method of the workflow object, unwrapping what it throws. */
    Object invoke(Method m, Object[] args) throws Throwable {
        return invoker(m).invoke(instance, args);
    }

    private void mainFailed(Throwable t) {
        if (t instanceof NonDeterministicException || t instanceof UnsupportedVersionException) {
            runner.fail(t);
        } else if (cancelRequested && isCancellation(t)) {
            completion = Completion.canceled(t.getMessage());
        } else if (t instanceof WeftFailure || (t instanceof Exception && !(t instanceof RuntimeException))) {
            completion = Completion.failed(t);
        } else if (decider.options.failWorkflowOnError()) {
            if (!isReplaying()) {
                log.error(
                        "Workflow {} ({}/{}) threw, and fails as configured",
                        model.typeLabel(),
                        execution.workflowId(),
                        execution.runId(),
                        t);
            }
            completion = Completion.failed(t);
        } else {
            runner.fail(new WorkflowCodeException(
                    "[SWF-1300] Workflow " + model.typeLabel() + " (" + execution.workflowId() + "/"
                            + execution.runId() + ") threw " + t + ". The decision task is left to time out"
                            + " and be retried, so that a fixed deployment can carry on. Throw a WeftFailure"
                            + " (such as ApplicationFailure) to fail the workflow instead.",
                    t));
        }
    }

    static boolean isCancellation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CanceledFailure) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private void signaled(HistoryEvent e) {
        var a = e.workflowExecutionSignaledEventAttributes();
        if (ExecutionContexts.STEP_ACTION_SIGNAL.equals(a.signalName())) {
            stepAction(e, a.input());
            return;
        }
        Method m = model.signals().get(a.signalName());
        if (m == null) {
            log.warn(
                    "Workflow {} ({}/{}) has no signal method named '{}'; signal at event {} ignored",
                    model.typeLabel(),
                    execution.workflowId(),
                    execution.runId(),
                    a.signalName(),
                    e.eventId());
            return;
        }
        String input = a.input();
        newThread("signal " + a.signalName() + " @" + e.eventId(), root, () -> {
            try {
                Object[] args = converter.fromArguments(input, m.getGenericParameterTypes());
                invoke(m, args);
            } catch (Runner.DestroyedError err) {
                throw err;
            } catch (Throwable t) {
                signalFailed(m, t);
            }
        });
    }

    /**
     * A step action arrived: it completes the step's wait if the step waits and its token is new;
     * anything else (a duplicate, a step that is not waiting) is ignored, the same way on every
     * replay, since the history fixes the order.
     */
    private void stepAction(HistoryEvent e, String input) {
        dev.weft.workflow.StepAction action = ExecutionContexts.stepAction(input);
        if (action == null) {
            log.warn(
                    "Workflow {} ({}/{}): the step action at event {} is not one; ignored",
                    model.typeLabel(),
                    execution.workflowId(),
                    execution.runId(),
                    e.eventId());
            return;
        }
        if (!stepTokens.add(action.getClientToken())) {
            return; // Delivered twice.
        }
        PromiseImpl<dev.weft.workflow.StepAction> waiting = waitingSteps.remove(action.getStepId());
        if (waiting != null) {
            waiting.complete(action);
        }
    }

    /** Blocks until an action for {@code stepId} arrives, or {@code timeout} (null: none) passes. */
    dev.weft.workflow.StepAction waitForAction(String stepId, java.time.Duration timeout) {
        if (waitingSteps.containsKey(stepId)) {
            throw new IllegalStateException("Step '" + stepId + "' of " + execution.workflowId() + " is waiting for an"
                    + " action already; give each waiting step its own id");
        }
        PromiseImpl<dev.weft.workflow.StepAction> action = new PromiseImpl<>();
        waitingSteps.put(stepId, action);
        try {
            if (timeout == null) {
                WorkflowInternal.await(action::isDone);
            } else if (!WorkflowInternal.await(timeout, action::isDone)) {
                return null;
            }
        } finally {
            if (!action.isDone()) {
                waitingSteps.remove(stepId);
            }
        }
        return action.get();
    }

    private void signalFailed(Method m, Throwable t) {
        if (completion != null) {
            return; // The run is ending anyway.
        }
        String where = model.type().getSimpleName() + "." + m.getName();
        if (t instanceof NonDeterministicException || t instanceof UnsupportedVersionException) {
            runner.fail(t);
        } else if (t instanceof WeftFailure || decider.options.failWorkflowOnError()) {
            completion = Completion.failed(t);
        } else {
            runner.fail(new WorkflowCodeException(
                    "[SWF-1301] Signal method " + where + " of " + execution.workflowId() + "/" + execution.runId()
                            + " threw " + t + ". The decision task is left to time out and be retried.",
                    t));
        }
    }

    /**
     * Starts a workflow thread in {@code scope}; it runs at the next scheduling point.
     */
    Runner.WThread newThread(String name, Scope scope, Runnable body) {
        Runner.WThread t = runner.newThread(name + "#" + ++threads, body);
        t.local = scope;
        return t;
    }

    /** The cancellation scope of the calling workflow code. */
    Scope currentScope() {
        Runner.WThread t = Runner.current();
        if (t != null && t.runner() == runner && t.local instanceof Scope s) {
            return s;
        }
        return root;
    }

    void setCurrentScope(Scope s) {
        Runner.WThread t = Runner.current();
        if (t == null || t.runner() != runner) {
            throw new IllegalStateException("Cancellation scopes run on workflow threads only");
        }
        t.local = s;
    }

    /**
     * Blocks the calling workflow thread until {@code condition} holds.
     */
    void await(BooleanSupplier condition, String what) {
        Runner.WThread me = Runner.current();
        if (me == null || me.runner() != runner) {
            throw new IllegalStateException(what + " blocks a workflow thread, and must be called from workflow code");
        }
        runner.block(me, condition);
    }

    /**
     * Runs {@code call} (a stub method reference) so that the stub's promise is captured.
     */
    PromiseImpl<?> captureCall(java.util.function.Supplier<?> call) {
        capturing = true;
        captured = null;
        Object value;
        try {
            value = call.get();
        } finally {
            capturing = false;
        }
        PromiseImpl<?> p = captured;
        captured = null;
        return p != null ? p : PromiseImpl.completed(value);
    }

    /** A stub call hands over its promise instead of blocking, if Async is capturing it. */
    boolean capture(PromiseImpl<?> p) {
        if (!capturing) {
            return false;
        }
        capturing = false;
        captured = p;
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Versions

    /** The version of a change this run uses, recording it the first time (see Workflow.getVersion). */
    int getVersion(String changeId, int minSupported, int maxSupported) {
        if (versions == null) {
            versions = new HashMap<>(2);
        }
        Integer known = versions.get(changeId);
        int version;
        if (known != null) {
            version = known;
        } else if (queue.replaying()) {
            HistoryEvent next = queue.peekExpected();
            Integer recorded = next == null ? null : Markers.version(next, changeId);
            if (recorded == null) {
                // The history was written by code from before the change: nothing to match.
                version = dev.weft.workflow.Workflow.DEFAULT_VERSION;
            } else {
                version = recorded;
                new MarkerMachine(this, Markers.VERSION, Markers.versionDetails(changeId, version));
            }
        } else {
            version = maxSupported;
            new MarkerMachine(this, Markers.VERSION, Markers.versionDetails(changeId, version));
        }
        versions.put(changeId, version);
        if (version < minSupported || version > maxSupported) {
            UnsupportedVersionException e = new UnsupportedVersionException("[SWF-1102] Workflow " + model.typeLabel()
                    + " ("
                    + execution.workflowId() + "/" + execution.runId() + ") uses version " + version + " of change '"
                    + changeId + "', but this code supports versions " + minSupported + " to " + maxSupported + "."
                    + " Keep the old branch until no execution that took it is open.");
            runner.fail(e); // Even if the workflow code catches it.
            throw e;
        }
        return version;
    }

    // ---------------------------------------------------------------------------------------
    // Closing

    /** The close decision, made once the main method is done and every thread is blocked. */
    Decision closeDecision() {
        return completion.decision(this);
    }

    /** A framework-made command's event came back: the run closed, or its close decision failed. */
    void closeRecorded(HistoryEvent e) {
        closeInFlight = false;
        switch (e.eventType()) {
            case WORKFLOW_EXECUTION_COMPLETED,
                    WORKFLOW_EXECUTION_FAILED,
                    WORKFLOW_EXECUTION_CANCELED,
                    WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> closed = true;
            default -> {
                // UNHANDLED_DECISION and the like: the decision is made again with the new events.
            }
        }
    }

    /** A failure in workflow code that is a bug, not a workflow outcome: the decision task fails. */
    static final class WorkflowCodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkflowCodeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The history uses a version of a change that the code no longer (or not yet) supports. */
    static final class UnsupportedVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedVersionException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "WorkflowContext[" + model.typeLabel() + " " + execution.workflowId() + "/" + execution.runId() + "]";
    }

    static DecisionType closeType(EventType t) {
        return switch (t) {
            case WORKFLOW_EXECUTION_COMPLETED, COMPLETE_WORKFLOW_EXECUTION_FAILED ->
                DecisionType.COMPLETE_WORKFLOW_EXECUTION;
            case WORKFLOW_EXECUTION_FAILED, FAIL_WORKFLOW_EXECUTION_FAILED -> DecisionType.FAIL_WORKFLOW_EXECUTION;
            case WORKFLOW_EXECUTION_CANCELED, CANCEL_WORKFLOW_EXECUTION_FAILED ->
                DecisionType.CANCEL_WORKFLOW_EXECUTION;
            case WORKFLOW_EXECUTION_CONTINUED_AS_NEW, CONTINUE_AS_NEW_WORKFLOW_EXECUTION_FAILED ->
                DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION;
            default -> null;
        };
    }
}
