package dev.weft.worker;

import dev.weft.internal.worker.WorkerImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.swf.SwfClient;

/**
 * Hosts workflow and activity implementations for a domain: polls decision tasks and decides
 * them (replaying the workflow code), polls activity tasks and runs them, on a task list, until
 * shut down.
 *
 * <pre>{@code
 * SwfClient swf = SwfClients.forRegion("us-east-1");
 * Worker worker = Worker.newBuilder(swf, "orders", "orders")
 *     .workflows(OrderWorkflowImpl.class)
 *     .activities(new PaymentActivitiesImpl(paymentGateway))
 *     .options(WorkerOptions.newBuilder().maxConcurrentActivityTasks(50).build())
 *     .build();
 * worker.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
 * }</pre>
 *
 * <p>The worker polls decisions on its task list and on the task lists the registered workflows'
 * {@code @Workflow(taskList = ...)} name, and activities on its task list and on those the
 * registered activities' annotations name. On start it registers the types (and, if asked, the
 * domain). Transport errors and throttling are retried with backoff; the poll loops never stop
 * on an error.
 *
 * <p>Shutting down: {@link #shutdown()} stops polling (a task that an in-flight poll still
 * returns is run, so none is lost; with the in-process engine, waiting polls are ended at once),
 * lets the tasks in flight finish, and points the executions it has cached back at the shared
 * task list; {@link #awaitTermination} waits for that; {@link #shutdownNow()} interrupts what is
 * still running. {@link #close()} does all three, with {@link WorkerOptions#getShutdownGracePeriod()}
 * between them. No thread outlives a terminated worker.
 */
public final class Worker implements AutoCloseable {
    private final WorkerImpl impl;

    private Worker(WorkerImpl impl) {
        this.impl = impl;
    }

    /**
     * A builder.
     *
     * @param swf the SWF client: the SDK's (see {@code SwfClients}) or an in-process engine
     * @param domain the domain
     * @param taskList the task list to poll decisions and activities on
     * @return a new builder
     */
    public static Builder newBuilder(SwfClient swf, String domain, String taskList) {
        return new Builder(swf, domain, taskList);
    }

    /**
     * Registers the types and starts polling.
     *
     * @throws IllegalStateException if started already, or if {@link WorkerOptions#isFailOnTypeDrift()}
     *     is set and a registered type's defaults differ from its annotations'
     */
    public void start() {
        impl.start();
    }

    /**
     * Stops polling and lets the tasks in flight finish; returns at once.
     */
    public void shutdown() {
        impl.shutdown();
    }

    /**
     * Waits until the worker has stopped, after {@link #shutdown()}.
     *
     * @param timeout how long to wait
     * @return true if it stopped, false if time ran out
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return impl.awaitTermination(timeout);
    }

    /** Stops at once: polls and running tasks are interrupted, cached executions dropped. */
    public void shutdownNow() {
        impl.shutdownNow();
    }

    /**
     * Shuts down, waits up to the options' shutdown grace period, then stops what is left.
     * Idempotent.
     */
    @Override
    public void close() {
        impl.close();
    }

    /**
     * Whether every thread of the worker has ended.
     *
     * @return true once terminated
     */
    public boolean isTerminated() {
        return impl.isTerminated();
    }

    /**
     * The worker's own decision task list (executions it caches get their next decision tasks
     * there first), or null when the cache is off.
     *
     * @return the task list's name
     */
    public String getStickyTaskList() {
        return impl.stickyTaskList();
    }

    /**
     * The decision task lists this worker polls once started: its task list, those its workflows'
     * annotations name, and its sticky list; empty if it runs no workflows.
     *
     * @return the task lists' names
     */
    public List<String> getDecisionTaskLists() {
        return impl.polledDecisionLists();
    }

    /**
     * The activity task lists this worker polls once started: its task list and those its
     * activities' annotations name; empty if it runs no activities.
     *
     * @return the task lists' names
     */
    public List<String> getActivityTaskLists() {
        return impl.polledActivityLists();
    }

    /**
     * The worker's options.
     *
     * @return the options
     */
    public WorkerOptions getOptions() {
        return impl.options();
    }

    @Override
    public String toString() {
        return impl.toString();
    }

    /**
     * Builds a {@link Worker}.
     */
    public static final class Builder {
        private final SwfClient swf;
        private final String domain;
        private final String taskList;
        private final List<Class<?>> workflows = new ArrayList<>();
        private final List<Object> activities = new ArrayList<>();
        private WorkerOptions options = WorkerOptions.newBuilder().build();

        private Builder(SwfClient swf, String domain, String taskList) {
            this.swf = Objects.requireNonNull(swf, "swf");
            this.domain = Objects.requireNonNull(domain, "domain");
            this.taskList = Objects.requireNonNull(taskList, "taskList");
        }

        /**
         * Workflow implementation classes: each implements a {@code @Workflow} interface and has a
         * constructor without parameters.
         *
         * @param implementations the classes
         * @return this builder
         */
        public Builder workflows(Class<?>... implementations) {
            for (Class<?> c : implementations) {
                workflows.add(Objects.requireNonNull(c, "workflow implementation"));
            }
            return this;
        }

        /**
         * Activity implementation objects (Mockito mocks too): every {@code @Activities}
         * interface an object implements is served by it. The same objects run the workflows'
         * local activities.
         *
         * @param implementations the objects; shared by all tasks, so they must be thread-safe
         * @return this builder
         */
        public Builder activities(Object... implementations) {
            for (Object o : implementations) {
                activities.add(Objects.requireNonNull(o, "activity implementation"));
            }
            return this;
        }

        /**
         * The options. Default: {@code WorkerOptions.newBuilder().build()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(WorkerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds the worker, validating every implementation and interface.
         *
         * @return the worker, not started
         * @throws IllegalArgumentException naming the class or method that is misannotated, or an
         *     activity type two objects implement
         */
        public Worker build() {
            return new Worker(new WorkerImpl(swf, domain, taskList, workflows, activities, options));
        }
    }
}
