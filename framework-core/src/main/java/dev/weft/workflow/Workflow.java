package dev.weft.workflow;

import dev.weft.internal.replay.WorkflowInternal;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * What workflow code may use instead of threads, clocks, randomness and I/O: stubs for activities
 * and other workflows, timers, deterministic time and randomness, side effects, versioning and
 * continue-as-new. Everything here must be called from workflow code (the {@code @Workflow}
 * implementation and what it calls), on the threads the decider runs it on; elsewhere it throws
 * {@link IllegalStateException}. The stub factories are the exception: stubs may be made anywhere
 * (in field initializers, say), but called only from workflow code.
 *
 * <pre>{@code
 * public final class OrderWorkflowImpl implements OrderWorkflow {
 *     private final PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class);
 *     private final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);
 *
 *     @Override
 *     public Receipt process(Order order) {
 *         Receipt receipt = payments.charge(order.card(), order.total());  // blocks this workflow only
 *         Workflow.sleep(Duration.ofDays(1));                               // a durable SWF timer
 *         log.info("charged {}", receipt);                                  // silent during replay
 *         return receipt;
 *     }
 * }
 * }</pre>
 *
 * <p>The rules workflow code must follow (replay runs it again and again, and must take the same
 * path each time) are in {@code docs/workflows.md}: no threads, {@code synchronized}, clocks,
 * random numbers, I/O or mutable static state of its own; use this class instead.
 */
public final class Workflow {
    /**
     * The version {@link #getVersion} returns for executions that ran before the change.
     */
    public static final int DEFAULT_VERSION = -1;

    private Workflow() {}

    // ---------------------------------------------------------------------------------------
    // Stubs

    /**
     * A stub whose methods schedule the activities of an {@code @Activities} interface, with the
     * interface's annotations as options. A call blocks the workflow thread until the activity
     * completes, and throws {@link ActivityFailure} if it fails, times out or is canceled; wrap it
     * in {@link Async#function} to run activities in parallel.
     *
     * @param activities the {@code @Activities} interface
     * @param <T> the interface
     * @return the stub
     * @throws IllegalArgumentException if the interface is misannotated (the message names the
     *     method)
     */
    public static <T> T newActivityStub(Class<T> activities) {
        return WorkflowInternal.newActivityStub(activities, ActivityOptions.DEFAULT);
    }

    /**
     * As {@link #newActivityStub(Class)}, with options that override the annotations.
     *
     * @param activities the {@code @Activities} interface
     * @param options the options
     * @param <T> the interface
     * @return the stub
     */
    public static <T> T newActivityStub(Class<T> activities, ActivityOptions options) {
        return WorkflowInternal.newActivityStub(activities, options);
    }

    /**
     * A stub whose methods run activities locally: in the decider, on the worker that runs this
     * workflow, with the result recorded in a marker, so replay never runs them again. Cheaper
     * than activities for short work (a few milliseconds: a lookup, a calculation); the worker must
     * have an implementation of the interface registered.
     *
     * @param activities the {@code @Activities} interface
     * @param <T> the interface
     * @return the stub
     */
    public static <T> T newLocalActivityStub(Class<T> activities) {
        return WorkflowInternal.newLocalActivityStub(activities, LocalActivityOptions.DEFAULT);
    }

    /**
     * As {@link #newLocalActivityStub(Class)}, with options.
     *
     * @param activities the {@code @Activities} interface
     * @param options the options (retries)
     * @param <T> the interface
     * @return the stub
     */
    public static <T> T newLocalActivityStub(Class<T> activities, LocalActivityOptions options) {
        return WorkflowInternal.newLocalActivityStub(activities, options);
    }

    /**
     * A stub for one child workflow: calling its {@code @WorkflowMethod} starts the child and
     * blocks until it closes (throwing {@link ChildWorkflowFailure} unless it completed); its
     * signal methods signal the child once it has started. Make one stub per child.
     *
     * @param workflow the child's {@code @Workflow} interface
     * @param <T> the interface
     * @return the stub
     */
    public static <T> T newChildWorkflowStub(Class<T> workflow) {
        return WorkflowInternal.newChildWorkflowStub(workflow, ChildWorkflowOptions.DEFAULT);
    }

    /**
     * As {@link #newChildWorkflowStub(Class)}, with options that override the child's annotations.
     *
     * @param workflow the child's {@code @Workflow} interface
     * @param options the options
     * @param <T> the interface
     * @return the stub
     */
    public static <T> T newChildWorkflowStub(Class<T> workflow, ChildWorkflowOptions options) {
        return WorkflowInternal.newChildWorkflowStub(workflow, options);
    }

    /**
     * A stub that signals another, already running execution (its open run).
     *
     * @param workflow the other workflow's interface
     * @param workflowId its workflow id
     * @param <T> the interface
     * @return the stub; only its signal methods may be called
     */
    public static <T> T newExternalWorkflowStub(Class<T> workflow, String workflowId) {
        return WorkflowInternal.newExternalWorkflowStub(workflow, workflowId, null);
    }

    /**
     * A stub that signals one run of another execution.
     *
     * @param workflow the other workflow's interface
     * @param workflowId its workflow id
     * @param runId its run id
     * @param <T> the interface
     * @return the stub; only its signal methods may be called
     */
    public static <T> T newExternalWorkflowStub(Class<T> workflow, String workflowId, String runId) {
        return WorkflowInternal.newExternalWorkflowStub(workflow, workflowId, runId);
    }

    /**
     * The run a child workflow stub started, once SWF has started it.
     *
     * @param childStub a stub from {@link #newChildWorkflowStub}, whose workflow method was called
     * @return the child's execution
     */
    public static Promise<WorkflowExecution> getWorkflowExecution(Object childStub) {
        return WorkflowInternal.getWorkflowExecution(childStub);
    }

    /**
     * Signals another execution by name, without a typed stub.
     *
     * @param workflowId its workflow id
     * @param runId its run id, or null for its open run
     * @param signalName the signal's name
     * @param args the signal's arguments
     * @return done when SWF has delivered the signal
     */
    public static Promise<Void> signalExternalWorkflow(
            String workflowId, String runId, String signalName, Object... args) {
        return WorkflowInternal.signalExternalWorkflow(workflowId, runId, signalName, args);
    }

    /**
     * Asks another execution to cancel (RequestCancelExternalWorkflowExecution).
     *
     * @param workflowId its workflow id
     * @param runId its run id, or null for its open run
     * @return done when SWF has delivered the request
     */
    public static Promise<Void> requestCancelWorkflow(String workflowId, String runId) {
        return WorkflowInternal.requestCancelWorkflow(workflowId, runId);
    }

    /**
     * Calls an AWS Lambda function (ScheduleLambdaFunction) and waits for its result. The run must
     * have been started with a Lambda role ({@code @Workflow(lambdaRole = ...)} or the start
     * options).
     *
     * @param function the function's name or ARN
     * @param input its input, written as JSON
     * @param resultType the type of its result
     * @param <R> the result type
     * @return the result
     */
    public static <R> R callLambda(String function, Object input, Class<R> resultType) {
        return Workflow.<R>callLambdaAsync(function, input, resultType, null).get();
    }

    /**
     * Calls an AWS Lambda function without waiting.
     *
     * @param function the function's name or ARN
     * @param input its input, written as JSON
     * @param resultType the (possibly generic) type of its result
     * @param startToCloseTimeout how long it may run, or null for SWF's default (5 minutes)
     * @param <R> the result type
     * @return the result's promise
     */
    public static <R> Promise<R> callLambdaAsync(
            String function, Object input, Type resultType, Duration startToCloseTimeout) {
        return WorkflowInternal.callLambda(function, input, resultType, startToCloseTimeout);
    }

    /**
     * Waits until someone sends this step an action (RESUME or STOP, with a reason), with {@code
     * WorkflowClient.sendStepAction}: a human approval, an external gate. While it waits, the step
     * is listed in the execution's published context, so that clients can tell it is waiting.
     *
     * <pre>{@code
     * StepAction a = Workflow.waitForAction("approve-release");
     * if (a.isStop()) {
     *     throw ApplicationFailure.newFailure("Release stopped: " + a.getReason(), "Stopped");
     * }
     * }</pre>
     *
     * @param stepId the step's id, unique among the steps waiting at once
     * @return the action
     */
    public static StepAction waitForAction(String stepId) {
        return WorkflowInternal.waitForAction(stepId, null);
    }

    /**
     * As {@link #waitForAction(String)}, giving up after {@code timeout} (on a timer).
     *
     * @param stepId the step's id
     * @param timeout the longest wait
     * @return the action, or null if none came in time
     */
    public static StepAction waitForAction(String stepId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return WorkflowInternal.waitForAction(stepId, timeout);
    }

    // ---------------------------------------------------------------------------------------
    // Time

    /**
     * Waits, on a durable SWF timer (whole seconds, rounded up). Throws {@link CanceledFailure}
     * if the current cancellation scope is canceled first.
     *
     * @param duration how long; zero returns at once
     */
    public static void sleep(Duration duration) {
        WorkflowInternal.sleep(duration);
    }

    /**
     * A timer, without waiting for it.
     *
     * @param duration how long (whole seconds, rounded up)
     * @return done when it fires; failed with {@link CanceledFailure} if canceled first
     */
    public static Promise<Void> newTimer(Duration duration) {
        return WorkflowInternal.newTimer(duration);
    }

    /**
     * Blocks until {@code condition} holds. The condition is checked whenever workflow code might
     * have changed what it reads (after each event and each step of other workflow threads), so it
     * must only read workflow state, without side effects.
     *
     * @param condition what to wait for
     * @throws CanceledFailure if the current cancellation scope is canceled first
     */
    public static void await(BooleanSupplier condition) {
        WorkflowInternal.await(condition);
    }

    /**
     * Blocks until {@code condition} holds or {@code timeout} passes (on a timer, canceled if the
     * condition comes first).
     *
     * @param timeout the longest wait
     * @param condition what to wait for
     * @return whether the condition holds
     */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        return WorkflowInternal.await(timeout, condition);
    }

    /**
     * The workflow's current time: the time SWF started the current decision task. Use it instead
     * of {@code System.currentTimeMillis()}.
     *
     * @return epoch milliseconds, the same on every replay
     */
    public static long currentTimeMillis() {
        return WorkflowInternal.currentTimeMillis();
    }

    /**
     * The workflow's current time, as an instant.
     *
     * @return the instant, the same on every replay
     */
    public static Instant now() {
        return Instant.ofEpochMilli(WorkflowInternal.currentTimeMillis());
    }

    // ---------------------------------------------------------------------------------------
    // Determinism

    /**
     * A random UUID that replays as the same UUID.
     *
     * @return the UUID
     */
    public static UUID randomUUID() {
        return WorkflowInternal.randomUUID();
    }

    /**
     * A random number generator seeded deterministically, so replay draws the same numbers.
     *
     * @return a new generator
     */
    public static Random newRandom() {
        return WorkflowInternal.newRandom();
    }

    /**
     * Runs {@code compute} once and records its value in the history; replaying, returns the
     * recorded value without running it. For small non-deterministic choices (a generated id, a
     * reading of the clock); use an activity for anything that can fail or takes time.
     *
     * @param resultType the value's type
     * @param compute what to run
     * @param <R> the value's type
     * @return the value, the same on every replay
     */
    public static <R> R sideEffect(Class<R> resultType, Functions.Func<R> compute) {
        return WorkflowInternal.sideEffect(resultType, compute::apply);
    }

    /**
     * The version of a change to use, so that running executions keep the code path they started
     * with. The first time an execution passes here (deciding anew), it records {@code
     * maxSupported} in a marker and gets it; replaying, it gets the version it recorded, or {@link
     * #DEFAULT_VERSION} if it passed here before the call was added.
     *
     * <pre>{@code
     * int v = Workflow.getVersion("fraud-check", Workflow.DEFAULT_VERSION, 1);
     * if (v == 1) {
     *     fraud.check(order);
     * }
     * }</pre>
     *
     * @param changeId names the change; the same id always gives the same version in one run
     * @param minSupported the oldest version this code still handles
     * @param maxSupported the newest version
     * @return the version
     * @throws RuntimeException that fails the decision task if the execution recorded a version
     *     outside the range (the code dropped a branch some execution still needs)
     */
    public static int getVersion(String changeId, int minSupported, int maxSupported) {
        return WorkflowInternal.getVersion(changeId, minSupported, maxSupported);
    }

    /**
     * Closes this run and starts a new run of the same workflow id with {@code args}, keeping this
     * run's task list, timeouts, child policy, tags and priority. Use it to keep histories short in
     * long-lived workflows. Never returns.
     *
     * @param args the arguments of the workflow method for the new run
     * @return never; declared so that {@code throw Workflow.continueAsNew(...)} compiles
     */
    public static RuntimeException continueAsNew(Object... args) {
        return WorkflowInternal.continueAsNew(ContinueAsNewOptions.DEFAULT, args);
    }

    /**
     * As {@link #continueAsNew(Object...)}, changing what the options set.
     *
     * @param options what to change for the new run
     * @param args the arguments of the workflow method for the new run
     * @return never
     */
    public static RuntimeException continueAsNew(ContinueAsNewOptions options, Object... args) {
        return WorkflowInternal.continueAsNew(options, args);
    }

    // ---------------------------------------------------------------------------------------
    // Information

    /**
     * This execution's information.
     *
     * @return the information
     */
    public static WorkflowInfo getInfo() {
        return WorkflowInternal.getInfo();
    }

    /**
     * Whether the code is replaying history (true) or deciding anew (false). Only for logging and
     * metrics: code must not take another path because of it.
     *
     * @return true while replaying
     */
    public static boolean isReplaying() {
        return WorkflowInternal.isReplaying();
    }

    /**
     * Whether a cancel request for this execution has arrived (the root scope is then canceled).
     *
     * @return true once requested
     */
    public static boolean isCancelRequested() {
        return WorkflowInternal.isCancelRequested();
    }

    /**
     * A logger that is silent while the workflow replays, so each message is logged once.
     *
     * @param type names the logger
     * @return the logger
     */
    public static Logger getLogger(Class<?> type) {
        return WorkflowInternal.getLogger(type.getName());
    }

    /**
     * A logger that is silent while the workflow replays.
     *
     * @param name the logger's name
     * @return the logger
     */
    public static Logger getLogger(String name) {
        return WorkflowInternal.getLogger(name);
    }

    // ---------------------------------------------------------------------------------------
    // Promises and scopes

    /**
     * A promise that workflow code completes itself.
     *
     * @param <T> the value's type
     * @return the promise
     */
    public static <T> CompletablePromise<T> newPromise() {
        return WorkflowInternal.newPromise();
    }

    /**
     * A cancellation scope nested in the current one; call {@link CancellationScope#run()} to run
     * {@code body} in it.
     *
     * @param body the scope's code
     * @return the scope
     */
    public static CancellationScope newCancellationScope(Runnable body) {
        return WorkflowInternal.newCancellationScope(body, false);
    }

    /**
     * A cancellation scope that the current scope's cancellation does not reach: for cleanup
     * after a cancellation.
     *
     * @param body the scope's code
     * @return the scope
     */
    public static CancellationScope newDetachedCancellationScope(Runnable body) {
        return WorkflowInternal.newCancellationScope(body, true);
    }

    /**
     * The cancellation scope the calling code runs in.
     *
     * @return the scope
     */
    public static CancellationScope currentCancellationScope() {
        return WorkflowInternal.currentCancellationScope();
    }
}
