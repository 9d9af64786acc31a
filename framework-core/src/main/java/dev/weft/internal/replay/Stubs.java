package dev.weft.internal.replay;

import dev.weft.annotations.ChildPolicy;
import dev.weft.internal.model.ActivitiesModel;
import dev.weft.internal.model.ActivityMethod;
import dev.weft.internal.model.DurationText;
import dev.weft.internal.model.WorkflowModel;
import dev.weft.workflow.ActivityOptions;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.LocalActivityOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.RetryOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * The handlers behind workflow-side stubs: activities, local activities, child workflows and
 * other executions. A stub may be made anywhere; its methods must be called from workflow code.
 */
final class Stubs {
    private Stubs() {}

    static <T> T activities(Class<T> type, ActivityOptions options) {
        return framework(() -> {
            ActivitiesModel model = ActivitiesModel.of(type);
            return dev.weft.internal.proxy.Stubs.create(type, new ActivityStub(model, options));
        });
    }

    static <T> T localActivities(Class<T> type, LocalActivityOptions options) {
        return framework(() -> {
            ActivitiesModel model = ActivitiesModel.of(type);
            return dev.weft.internal.proxy.Stubs.create(type, new LocalActivityStub(model, options));
        });
    }

    static <T> T child(Class<T> type, ChildWorkflowOptions options) {
        return framework(() -> {
            WorkflowModel model = WorkflowModel.of(type);
            return dev.weft.internal.proxy.Stubs.create(type, new ChildStub(model, options));
        });
    }

    static <T> T external(Class<T> type, String workflowId, String runId) {
        return framework(() -> {
            WorkflowModel model = WorkflowModel.of(type);
            return dev.weft.internal.proxy.Stubs.create(type, new ExternalStub(model, workflowId, runId));
        });
    }

    /** Framework work the stuck-thread watchdog does not count (stubs may be made anywhere). */
    private static <T> T framework(java.util.function.Supplier<T> work) {
        WorkflowContext ctx = WorkflowContext.currentOrNull();
        return ctx == null ? work.get() : ctx.runner.exempt(work);
    }

    /** The promise of the run a child stub started. */
    static Promise<WorkflowExecution> childExecution(Object stub) {
        if (dev.weft.internal.proxy.Stubs.handlerOf(stub) instanceof ChildStub c) {
            if (c.call == null) {
                throw new IllegalStateException("The child of " + c + " has not been started: call its"
                        + " @WorkflowMethod (directly or with Async.function) first");
            }
            return c.call.started;
        }
        throw new IllegalArgumentException("Not a child workflow stub (from Workflow.newChildWorkflowStub): " + stub);
    }

    // ---------------------------------------------------------------------------------------

    /** Object's methods on a stub; null for any other method. */
    private static Object objectMethod(Object proxy, Method m, Object[] args, String description) {
        if (m.getDeclaringClass() != Object.class) {
            return null;
        }
        return switch (m.getName()) {
            case "toString" -> description;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(m.getName());
        };
    }

    /**
     * Ends a stub call: the typed promise when the call is captured by {@code Async}, else its
     * value (blocking the workflow thread until then).
     */
    static Object finish(WorkflowContext ctx, PromiseImpl<String> payload, Type type, Class<?> raw, String what) {
        PromiseImpl<Object> typed = new PromiseImpl<>();
        payload.onDone(() -> {
            RuntimeException f = payload.getFailure();
            if (f != null) {
                typed.completeExceptionally(f);
                return;
            }
            try {
                typed.complete(
                        raw == void.class
                                ? null
                                : ctx.runner.exempt(() -> ctx.converter.fromData(payload.value(), type)));
            } catch (RuntimeException e) {
                typed.completeExceptionally(e);
            }
        });
        if (ctx.capture(typed)) {
            return Defaults.zero(raw);
        }
        if (!typed.isDone()) {
            ctx.await(typed::isDone, what);
        }
        return typed.get();
    }

    private static String input(WorkflowContext ctx, Method m, Object[] args, String what) {
        String input = ctx.runner.exempt(
                () -> ctx.converter.toArguments(args == null ? new Object[0] : args, m.getGenericParameterTypes()));
        Payloads.check(input, "The input of " + what);
        return input;
    }

    // ---------------------------------------------------------------------------------------

    /** What activity and local activity stubs share: one call per method, input checked, result awaited. */
    private abstract static class ActivityStubBase implements InvocationHandler {
        final ActivitiesModel model;
        private final String kind;

        ActivityStubBase(ActivitiesModel model, String kind) {
            this.model = model;
            this.kind = kind;
        }

        @Override
        public final Object invoke(Object proxy, Method m, Object[] args) {
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, m, args, toString());
            }
            ActivityMethod am = model.method(m);
            String what = kind + " " + am.methodLabel();
            WorkflowContext ctx = WorkflowContext.current("The " + what);
            String input = input(ctx, m, args, what);
            RetryOptions own = retryOptions();
            PromiseImpl<String> p = call(ctx, am, input, own != null ? own : am.retry());
            return finish(ctx, p, am.returnType(), m.getReturnType(), "The " + what);
        }

        /** The options' retry policy, or null for the annotations'. */
        abstract RetryOptions retryOptions();

        /** Makes the call; the promise holds the result payload. */
        abstract PromiseImpl<String> call(WorkflowContext ctx, ActivityMethod am, String input, RetryOptions retry);
    }

    private static final class ActivityStub extends ActivityStubBase {
        private final ActivityOptions options;

        ActivityStub(ActivitiesModel model, ActivityOptions options) {
            super(model, "activity");
            this.options = Objects.requireNonNull(options, "options");
        }

        @Override
        RetryOptions retryOptions() {
            return options.getRetryOptions();
        }

        @Override
        PromiseImpl<String> call(WorkflowContext ctx, ActivityMethod am, String input, RetryOptions retry) {
            return Operations.activity(
                    ctx, attributes(am, input), am.typeLabel(), retry, options.isWaitForCancellation());
        }

        private ScheduleActivityTaskDecisionAttributes.Builder attributes(ActivityMethod am, String input) {
            ScheduleActivityTaskDecisionAttributes.Builder b = ScheduleActivityTaskDecisionAttributes.builder()
                    .activityType(t -> t.name(am.name()).version(am.version()))
                    .input(input);
            String taskList = options.getTaskList() != null ? options.getTaskList() : am.taskList();
            if (taskList != null) {
                b.taskList(t -> t.name(taskList));
            }
            b.scheduleToStartTimeout(timeout(options.getScheduleToStartTimeout(), am.scheduleToStart()));
            b.startToCloseTimeout(timeout(options.getStartToCloseTimeout(), am.startToClose()));
            b.scheduleToCloseTimeout(timeout(options.getScheduleToCloseTimeout(), am.scheduleToClose()));
            b.heartbeatTimeout(timeout(options.getHeartbeatTimeout(), am.heartbeat()));
            Integer priority = options.getTaskPriority() != null ? options.getTaskPriority() : am.taskPriority();
            if (priority != null) {
                b.taskPriority(priority.toString());
            }
            return b;
        }

        @Override
        public String toString() {
            return "ActivityStub[" + model.type().getName() + ", " + options + "]";
        }
    }

    static String timeout(Duration option, long annotated) {
        if (option != null) {
            return Long.toString(DurationText.seconds(option));
        }
        return DurationText.swf(annotated);
    }

    private static final class LocalActivityStub extends ActivityStubBase {
        private final LocalActivityOptions options;

        LocalActivityStub(ActivitiesModel model, LocalActivityOptions options) {
            super(model, "local activity");
            this.options = Objects.requireNonNull(options, "options");
        }

        @Override
        RetryOptions retryOptions() {
            return options.getRetryOptions();
        }

        @Override
        PromiseImpl<String> call(WorkflowContext ctx, ActivityMethod am, String input, RetryOptions retry) {
            Object implementation = ctx.decider.options.localActivities().get(model.type());
            // Replay takes the result from its marker: a replayer needs no implementation.
            if (implementation == null && !ctx.isReplaying()) {
                throw new IllegalStateException("No implementation of "
                        + model.type().getName() + " is registered"
                        + " for local activities, so " + am.methodLabel() + " cannot run. Register an instance with"
                        + " the worker that runs this workflow.");
            }
            return Operations.local(ctx, am, implementation, input, retry);
        }

        @Override
        public String toString() {
            return "LocalActivityStub[" + model.type().getName() + "]";
        }
    }

    private static final class ChildStub implements InvocationHandler {
        private final WorkflowModel model;
        private final ChildWorkflowOptions options;
        Operations.ChildCall call;

        ChildStub(WorkflowModel model, ChildWorkflowOptions options) {
            this.model = model;
            this.options = Objects.requireNonNull(options, "options");
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) {
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, m, args, toString());
            }
            String label = model.type().getSimpleName() + "." + m.getName();
            WorkflowContext ctx = WorkflowContext.current("The child workflow method " + label);
            if (m.equals(model.entry())) {
                if (call != null) {
                    throw new IllegalStateException("A child workflow stub starts one child, and " + this + " has"
                            + " started one already. Make a new stub with Workflow.newChildWorkflowStub for each"
                            + " child.");
                }
                String input = input(ctx, m, args, "child workflow " + label);
                String workflowId = options.getWorkflowId() != null
                        ? options.getWorkflowId()
                        : ctx.randomUUID().toString();
                RetryOptions retry = options.getRetryOptions() != null ? options.getRetryOptions() : RetryOptions.NONE;
                call = new Operations.ChildCall(ctx, attributes(input), workflowId, model.typeLabel(), retry);
                call.begin();
                return finish(ctx, call.result, m.getGenericReturnType(), m.getReturnType(), "The child " + label);
            }
            String signal = model.signalName(m);
            if (signal == null) {
                throw new UnsupportedOperationException("A child workflow stub cannot call " + label + ": read a"
                        + " child's state through the workflow client, or signal it for what it should do.");
            }
            if (call == null) {
                throw new IllegalStateException("Signal " + label + " goes to a child that has not been started: call"
                        + " the stub's @WorkflowMethod first.");
            }
            String input = input(ctx, m, args, "signal " + label);
            Operations.ChildCall c = call;
            PromiseImpl<String> delivered = new PromiseImpl<>();
            c.started.onDone(() -> {
                if (c.started.getFailure() != null) {
                    delivered.completeExceptionally(c.started.getFailure());
                    return;
                }
                PromiseImpl<Void> sent =
                        Operations.signalExternal(ctx, c.latest.workflowId(), c.latest.runId(), signal, input);
                sent.onDone(() -> {
                    if (sent.getFailure() != null) {
                        delivered.completeExceptionally(sent.getFailure());
                    } else {
                        delivered.complete(null);
                    }
                });
            });
            return finish(ctx, delivered, void.class, void.class, "The signal " + label);
        }

        private StartChildWorkflowExecutionDecisionAttributes.Builder attributes(String input) {
            StartChildWorkflowExecutionDecisionAttributes.Builder b =
                    StartChildWorkflowExecutionDecisionAttributes.builder()
                            .workflowType(t -> t.name(model.name()).version(model.version()))
                            .input(input);
            String taskList = options.getTaskList() != null ? options.getTaskList() : model.taskList();
            if (taskList != null) {
                b.taskList(t -> t.name(taskList));
            }
            if (options.getExecutionStartToCloseTimeout() != null) {
                b.executionStartToCloseTimeout(
                        Long.toString(DurationText.seconds(options.getExecutionStartToCloseTimeout())));
            } else {
                b.executionStartToCloseTimeout(DurationText.swf(model.executionStartToCloseTimeout()));
            }
            b.taskStartToCloseTimeout(timeout(options.getTaskStartToCloseTimeout(), model.taskStartToCloseTimeout()));
            ChildPolicy policy = options.getChildPolicy() != null ? options.getChildPolicy() : model.childPolicy();
            b.childPolicy(policy.name());
            if (!options.getTags().isEmpty()) {
                b.tagList(options.getTags());
            }
            Integer priority = options.getTaskPriority() != null ? options.getTaskPriority() : model.taskPriority();
            if (priority != null) {
                b.taskPriority(priority.toString());
            }
            String role = options.getLambdaRole() != null ? options.getLambdaRole() : model.lambdaRole();
            if (role != null) {
                b.lambdaRole(role);
            }
            return b;
        }

        @Override
        public String toString() {
            return "ChildWorkflowStub[" + model.typeLabel() + (call == null ? "" : ", started") + "]";
        }
    }

    private static final class ExternalStub implements InvocationHandler {
        private final WorkflowModel model;
        private final String workflowId;
        private final String runId;

        ExternalStub(WorkflowModel model, String workflowId, String runId) {
            this.model = model;
            this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
            this.runId = runId;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) {
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, m, args, toString());
            }
            String label = model.type().getSimpleName() + "." + m.getName();
            String signal = model.signalName(m);
            if (signal == null) {
                throw new UnsupportedOperationException("An external workflow stub signals (and Workflow."
                        + "requestCancelWorkflow cancels) another execution; it cannot call " + label + ". Start"
                        + " children with Workflow.newChildWorkflowStub.");
            }
            WorkflowContext ctx = WorkflowContext.current("The signal " + label);
            String input = input(ctx, m, args, "signal " + label);
            PromiseImpl<Void> sent = Operations.signalExternal(ctx, workflowId, runId, signal, input);
            PromiseImpl<String> delivered = new PromiseImpl<>();
            sent.onDone(() -> {
                if (sent.getFailure() != null) {
                    delivered.completeExceptionally(sent.getFailure());
                } else {
                    delivered.complete(null);
                }
            });
            return finish(ctx, delivered, void.class, void.class, "The signal " + label);
        }

        @Override
        public String toString() {
            return "ExternalWorkflowStub[" + model.typeLabel() + " " + workflowId + (runId == null ? "" : "/" + runId)
                    + "]";
        }
    }
}
