package dev.weft.internal.replay;

import dev.weft.internal.model.DurationText;
import dev.weft.internal.proxy.Stubs.Stub;
import dev.weft.workflow.ActivityOptions;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.CompletablePromise;
import dev.weft.workflow.ContinueAsNewOptions;
import dev.weft.workflow.LocalActivityOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.WorkflowInfo;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * The implementation of the public workflow API ({@code Workflow}, {@code Async}): each call finds
 * the workflow context of the calling code.
 */
public final class WorkflowInternal {
    private WorkflowInternal() {}

    public static <T> T newActivityStub(Class<T> type, ActivityOptions options) {
        return Stubs.activities(type, options);
    }

    public static <T> T newLocalActivityStub(Class<T> type, LocalActivityOptions options) {
        return Stubs.localActivities(type, options);
    }

    public static <T> T newChildWorkflowStub(Class<T> type, ChildWorkflowOptions options) {
        return Stubs.child(type, options);
    }

    public static <T> T newExternalWorkflowStub(Class<T> type, String workflowId, String runId) {
        return Stubs.external(type, workflowId, runId);
    }

    public static Promise<WorkflowExecution> getWorkflowExecution(Object childStub) {
        return Stubs.childExecution(childStub);
    }

    public static Promise<Void> newTimer(Duration d) {
        Objects.requireNonNull(d, "duration");
        return Operations.timer(WorkflowContext.current("Workflow.newTimer"), d);
    }

    public static void sleep(Duration d) {
        Objects.requireNonNull(d, "duration");
        WorkflowContext ctx = WorkflowContext.current("Workflow.sleep");
        PromiseImpl<Void> fired = Operations.timer(ctx, d);
        ctx.await(fired::isDone, "Workflow.sleep");
        fired.get();
    }

    public static void await(BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        WorkflowContext ctx = WorkflowContext.current("Workflow.await");
        Scope scope = ctx.currentScope();
        ctx.await(() -> scope.isCancelRequested() || condition.getAsBoolean(), "Workflow.await");
        if (!condition.getAsBoolean() && scope.isCancelRequested()) {
            throw new dev.weft.workflow.CanceledFailure("Workflow.await: the cancellation scope was canceled");
        }
    }

    public static boolean await(Duration timeout, BooleanSupplier condition) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(condition, "condition");
        WorkflowContext ctx = WorkflowContext.current("Workflow.await");
        if (condition.getAsBoolean()) {
            return true;
        }
        Scope outer = ctx.currentScope();
        Scope timerScope = new Scope(ctx, outer, false);
        ctx.setCurrentScope(timerScope);
        PromiseImpl<Void> timer;
        try {
            timer = Operations.timer(ctx, timeout);
        } finally {
            ctx.setCurrentScope(outer);
        }
        ctx.await(() -> timer.isDone() || condition.getAsBoolean(), "Workflow.await");
        boolean met = condition.getAsBoolean();
        if (!timer.isDone()) {
            timerScope.cancel("Workflow.await: the condition was met");
        }
        if (!met && outer.isCancelRequested()) {
            throw new dev.weft.workflow.CanceledFailure("Workflow.await: the cancellation scope was canceled");
        }
        return met;
    }

    public static dev.weft.workflow.StepAction waitForAction(String stepId, Duration timeout) {
        Objects.requireNonNull(stepId, "stepId");
        return WorkflowContext.current("Workflow.waitForAction").waitForAction(stepId, timeout);
    }

    public static long currentTimeMillis() {
        return WorkflowContext.current("Workflow.currentTimeMillis").currentTimeMillis();
    }

    public static UUID randomUUID() {
        return WorkflowContext.current("Workflow.randomUUID").randomUUID();
    }

    public static Random newRandom() {
        return new Random(WorkflowContext.current("Workflow.newRandom").random().nextLong());
    }

    public static <R> R sideEffect(Type type, Supplier<R> compute) {
        WorkflowContext ctx = WorkflowContext.current("Workflow.sideEffect");
        String details = Operations.sideEffect(ctx, () -> ctx.converter.toData(compute.get(), type));
        @SuppressWarnings("unchecked")
        R value = (R) ctx.converter.fromData(details, type);
        return value;
    }

    public static int getVersion(String changeId, int minSupported, int maxSupported) {
        Objects.requireNonNull(changeId, "changeId");
        if (minSupported > maxSupported) {
            throw new IllegalArgumentException("getVersion(\"" + changeId + "\"): minSupported (" + minSupported
                    + ") must not exceed maxSupported (" + maxSupported + ")");
        }
        return WorkflowContext.current("Workflow.getVersion").getVersion(changeId, minSupported, maxSupported);
    }

    public static RuntimeException continueAsNew(ContinueAsNewOptions options, Object[] args) {
        WorkflowContext ctx = WorkflowContext.current("Workflow.continueAsNew");
        Method entry = ctx.model.entry();
        if (options.getWorkflowTypeVersion() == null && args.length != entry.getParameterCount()) {
            throw new IllegalArgumentException("Workflow.continueAsNew passes the arguments of "
                    + ctx.model.type().getSimpleName() + "." + entry.getName() + ", which takes "
                    + entry.getParameterCount() + ", but was given " + args.length);
        }
        String input = ctx.converter.toArguments(args, entry.getGenericParameterTypes());
        Payloads.check(input, "The input of the continued run");
        ContinueAsNewRequest request = new ContinueAsNewRequest(options, input);
        if (ctx.completion == null) {
            ctx.completion = Completion.continueAsNew(request);
        }
        throw request;
    }

    public static WorkflowInfo getInfo() {
        return WorkflowContext.current("Workflow.getInfo").info;
    }

    public static boolean isReplaying() {
        return WorkflowContext.current("Workflow.isReplaying").isReplaying();
    }

    public static boolean isCancelRequested() {
        return WorkflowContext.current("Workflow.isCancelRequested").cancelRequested;
    }

    public static <T> CompletablePromise<T> newPromise() {
        return new PromiseImpl<>();
    }

    public static CancellationScope newCancellationScope(Runnable body, boolean detached) {
        Objects.requireNonNull(body, "body");
        WorkflowContext ctx = WorkflowContext.current("Workflow.newCancellationScope");
        return new Scope(ctx, ctx.currentScope(), detached).body(body);
    }

    public static CancellationScope currentCancellationScope() {
        return WorkflowContext.current("CancellationScope.current").currentScope();
    }

    public static Promise<Void> signalExternalWorkflow(String workflowId, String runId, String signal, Object[] args) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(signal, "signalName");
        WorkflowContext ctx = WorkflowContext.current("Workflow.signalExternalWorkflow");
        Type[] types = new Type[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] == null ? Object.class : args[i].getClass();
        }
        String input = ctx.converter.toArguments(args, types);
        Payloads.check(input, "The input of signal " + signal);
        return Operations.signalExternal(ctx, workflowId, runId, signal, input);
    }

    public static Promise<Void> requestCancelWorkflow(String workflowId, String runId) {
        Objects.requireNonNull(workflowId, "workflowId");
        return Operations.cancelExternal(WorkflowContext.current("Workflow.requestCancelWorkflow"), workflowId, runId);
    }

    public static <R> Promise<R> callLambda(String function, Object input, Type resultType, Duration timeout) {
        Objects.requireNonNull(function, "function");
        WorkflowContext ctx = WorkflowContext.current("Workflow.callLambda");
        String payload = ctx.converter.toData(input, input == null ? Object.class : input.getClass());
        Payloads.check(payload, "The input of Lambda function " + function);
        Long seconds = timeout == null ? null : DurationText.seconds(timeout);
        PromiseImpl<String> result = Operations.lambda(ctx, function, payload, seconds);
        PromiseImpl<R> typed = new PromiseImpl<>();
        result.onDone(() -> {
            if (result.getFailure() != null) {
                typed.completeExceptionally(result.getFailure());
                return;
            }
            try {
                @SuppressWarnings("unchecked")
                R r = (R) ctx.converter.fromData(result.value(), resultType);
                typed.complete(r);
            } catch (RuntimeException e) {
                typed.completeExceptionally(e);
            }
        });
        return typed;
    }

    /**
     * Runs {@code call} asynchronously: a stub method reference is called at once and its promise
     * returned (no thread needed); anything else runs on a new workflow thread.
     */
    public static <R> Promise<R> async(Serializable function, Supplier<R> call) {
        WorkflowContext ctx = WorkflowContext.current("Async");
        if (isStubReference(function)) {
            @SuppressWarnings("unchecked")
            Promise<R> p = (Promise<R>) ctx.captureCall(call);
            return p;
        }
        PromiseImpl<R> p = new PromiseImpl<>();
        ctx.newThread("async", ctx.currentScope(), () -> {
            try {
                p.complete(call.get());
            } catch (Runner.DestroyedError | ContinueAsNewRequest e) {
                throw e;
            } catch (RuntimeException e) {
                p.completeExceptionally(e);
            }
        });
        return p;
    }

    private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getDeclaredMethod("writeReplace");
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    };

    /** Whether a functional object is a method reference bound to a Weft stub. */
    static boolean isStubReference(Object function) {
        Method writeReplace = WRITE_REPLACE.get(function.getClass());
        if (writeReplace == null) {
            return false;
        }
        try {
            if (writeReplace.invoke(function) instanceof SerializedLambda l) {
                return l.getCapturedArgCount() >= 1
                        && l.getCapturedArg(0) instanceof Stub
                        && l.getImplMethodKind() == MethodHandleInfo.REF_invokeInterface;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** A logger that says nothing while the workflow replays. */
    public static Logger getLogger(String name) {
        Logger delegate = LoggerFactory.getLogger(name);
        return (Logger) Proxy.newProxyInstance(
                WorkflowInternal.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, m, args) -> {
                    if (m.getDeclaringClass() == Object.class) {
                        return switch (m.getName()) {
                            case "toString" -> "ReplayAwareLogger[" + name + "]";
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> proxy == args[0];
                        };
                    }
                    WorkflowContext ctx = WorkflowContext.currentOrNull();
                    boolean silent = ctx != null && ctx.isReplaying();
                    if (silent
                            && (m.getReturnType() == void.class || m.getReturnType() == boolean.class)
                            && !m.getName().equals("getName")) {
                        return m.getReturnType() == boolean.class ? Boolean.FALSE : null;
                    }
                    try {
                        return m.invoke(delegate, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
