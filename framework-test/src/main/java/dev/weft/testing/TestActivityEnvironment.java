package dev.weft.testing;

import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityExecutionContext;
import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.internal.model.ActivitiesModel;
import dev.weft.internal.model.ActivityMethod;
import dev.weft.internal.worker.ActivityContexts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Runs activity implementations directly, on the calling thread, with a fake {@link
 * ActivityExecutionContext}: no engine, no worker, no workflow. Heartbeats are captured, a
 * cancellation can be requested (the next heartbeat then throws {@link
 * ActivityCanceledException}, as on SWF), and the task token and the details of an earlier
 * attempt can be preset. Arguments and results go through the data converter both ways, so a
 * value that would not survive SWF fails here too.
 *
 * <pre>{@code
 * TestActivityEnvironment env = TestActivityEnvironment.create();
 * env.onHeartbeat(d -> { if (((Integer) d) == 3) env.requestCancellation(); });
 * Uploads uploads = env.newActivityStub(Uploads.class, new UploadsImpl(store));
 * assertThrows(ActivityCanceledException.class, () -> uploads.upload("big-file"));
 * assertEquals(List.of(1, 2, 3), env.getHeartbeats(Integer.class));
 * }</pre>
 *
 * <p>Not safe for use by several threads at once, except {@link #requestCancellation()}.
 */
public final class TestActivityEnvironment {
    private final DataConverter converter;
    private final String taskToken;
    private final WorkflowExecution execution;
    private final String activityId;
    private final String domain;
    private final List<String> heartbeats = new ArrayList<>();
    private Consumer<Object> heartbeatListener = d -> {};
    private String lastDetails;
    private volatile boolean cancelRequested;
    private boolean manualCompletion;

    private TestActivityEnvironment(Builder b) {
        this.converter = b.converter;
        this.taskToken = b.taskToken;
        this.execution = b.execution;
        this.activityId = b.activityId;
        this.domain = b.domain;
    }

    /**
     * An environment with the defaults (see {@link Builder}).
     *
     * @return the environment
     */
    public static TestActivityEnvironment create() {
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
     * A stub whose methods run {@code implementation}'s on the calling thread, as a worker would:
     * with this environment's context, and with arguments and result through the converter.
     *
     * @param activities the {@code @Activities} interface
     * @param implementation the implementation to run
     * @param <T> the interface
     * @return the stub
     */
    public <T> T newActivityStub(Class<T> activities, T implementation) {
        ActivitiesModel model = ActivitiesModel.of(activities);
        Objects.requireNonNull(implementation, "implementation");
        Object stub = Proxy.newProxyInstance(
                activities.getClassLoader(), new Class<?>[] {activities}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "TestActivityStub[" + activities.getSimpleName() + "]";
                        };
                    }
                    return run(model.method(method), method, implementation, args == null ? new Object[0] : args);
                });
        return activities.cast(stub);
    }

    private Object run(ActivityMethod am, Method method, Object implementation, Object[] args) throws Throwable {
        Object[] decoded =
                converter.fromArguments(converter.toArguments(args, am.parameterTypes()), am.parameterTypes());
        ActivityType type =
                ActivityType.builder().name(am.name()).version(am.version()).build();
        manualCompletion = false;
        ActivityContexts.set(new Context(type));
        Object result;
        try {
            result = method.invoke(implementation, decoded);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            ActivityContexts.clear();
        }
        if (am.returnType() == void.class || am.returnType() == Void.class) {
            return null;
        }
        return converter.fromData(converter.toData(result, am.returnType()), am.returnType());
    }

    /**
     * Calls {@code listener} with the details of each heartbeat, as it happens (on the activity's
     * thread): to request cancellation at a given point, say.
     *
     * @param listener what to call
     */
    public void onHeartbeat(Consumer<Object> listener) {
        this.heartbeatListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The details of every heartbeat so far, decoded as {@code type}.
     *
     * @param type the details' type
     * @param <T> the type
     * @return the details, in order (null for a heartbeat without details)
     */
    public <T> List<T> getHeartbeats(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (String d : heartbeats) {
            out.add(d == null ? null : type.cast(converter.fromData(d, type)));
        }
        return out;
    }

    /**
     * Sets what {@link ActivityExecutionContext#getLastHeartbeatDetails} returns until the
     * activity heartbeats: the details an earlier attempt left, for activities that resume.
     *
     * @param details the details
     */
    public void setLastHeartbeatDetails(Object details) {
        this.lastDetails = details == null ? null : converter.toData(details, details.getClass());
    }

    /**
     * Requests cancellation, as a workflow's RequestCancelActivityTask does: the activity sees it
     * in {@link ActivityExecutionContext#isCancelRequested()} and at its next heartbeat. May be
     * called from any thread, or from a heartbeat listener.
     */
    public void requestCancellation() {
        cancelRequested = true;
    }

    /**
     * Whether the last activity run asked to be completed later, by {@code
     * ActivityCompletionClient} ({@link ActivityExecutionContext#doNotCompleteOnReturn()}).
     *
     * @return true if it did
     */
    public boolean isManualCompletion() {
        return manualCompletion;
    }

    private final class Context implements ActivityExecutionContext {
        private final ActivityType type;

        Context(ActivityType type) {
            this.type = type;
        }

        @Override
        public String getTaskToken() {
            return taskToken;
        }

        @Override
        public WorkflowExecution getWorkflowExecution() {
            return execution;
        }

        @Override
        public ActivityType getActivityType() {
            return type;
        }

        @Override
        public String getActivityId() {
            return activityId;
        }

        @Override
        public int getAttempt() {
            return 1;
        }

        @Override
        public String getDomain() {
            return domain;
        }

        @Override
        public void heartbeat(Object details) {
            String d = details == null ? null : converter.toData(details, details.getClass());
            heartbeats.add(d);
            lastDetails = d;
            heartbeatListener.accept(details);
            if (cancelRequested) {
                throw new ActivityCanceledException("Activity " + type.name() + " (" + activityId + ") of "
                        + execution.workflowId() + " was asked to cancel");
            }
        }

        @Override
        public <T> T getLastHeartbeatDetails(Class<T> t) {
            return lastDetails == null ? null : t.cast(converter.fromData(lastDetails, t));
        }

        @Override
        public boolean isCancelRequested() {
            return cancelRequested;
        }

        @Override
        public void doNotCompleteOnReturn() {
            manualCompletion = true;
        }
    }

    /** Configures a {@link TestActivityEnvironment}. */
    public static final class Builder {
        private DataConverter converter = JacksonDataConverter.create();
        private String taskToken = "test-task-token";
        private WorkflowExecution execution = WorkflowExecution.builder()
                .workflowId("test-workflow")
                .runId("test-run")
                .build();
        private String activityId = "1";
        private String domain = "test";

        private Builder() {}

        /**
         * The task token the context reports. Default: {@code "test-task-token"}.
         *
         * @param token the token
         * @return this builder
         */
        public Builder taskToken(String token) {
            this.taskToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * The execution the context reports. Default: {@code test-workflow/test-run}.
         *
         * @param execution the execution
         * @return this builder
         */
        public Builder workflowExecution(WorkflowExecution execution) {
            this.execution = Objects.requireNonNull(execution, "execution");
            return this;
        }

        /**
         * The activity id the context reports. Default: {@code "1"}.
         *
         * @param activityId the id
         * @return this builder
         */
        public Builder activityId(String activityId) {
            this.activityId = Objects.requireNonNull(activityId, "activityId");
            return this;
        }

        /**
         * The domain the context reports. Default: {@code "test"}.
         *
         * @param domain the domain
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * The data converter. Default: {@link JacksonDataConverter#create()}.
         *
         * @param converter the converter
         * @return this builder
         */
        public Builder dataConverter(DataConverter converter) {
            this.converter = Objects.requireNonNull(converter, "converter");
            return this;
        }

        /**
         * Builds the environment.
         *
         * @return the environment
         */
        public TestActivityEnvironment build() {
            return new TestActivityEnvironment(this);
        }
    }
}
