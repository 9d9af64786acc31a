package dev.weft.testing;

import dev.weft.annotations.Workflow;
import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowStartOptions;
import dev.weft.engine.SwfEngine;
import dev.weft.worker.Worker;
import dev.weft.worker.WorkerOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * A JUnit 5 extension that gives each test a {@link TestWorkflowEnvironment} with one worker
 * running the declared workflows and activities, and checks after each test that:
 *
 * <ul>
 *   <li>every execution the test ran replays from its history on fresh deciders (a divergence
 *       fails the test with the non-determinism report);
 *   <li>no hosted worker reported a failure (a failed decision, poll or answer);
 *   <li>no worker thread outlived its worker.
 * </ul>
 *
 * When a test fails, the histories of its executions are printed, one line per event.
 *
 * <p>Register it on an instance field, so that each test gets fresh activity objects (Mockito
 * mocks included), and take what the test needs as parameters: the environment, its {@link
 * WorkflowClient}, its {@link SwfEngine}, the {@link Worker}, or a stub of any {@code @Workflow}
 * interface (a new execution on the extension's task list, with a generated workflow id).
 *
 * <pre>{@code
 * class OrderWorkflowTest {
 *     final Payments payments = mock(Payments.class);
 *
 *     @RegisterExtension
 *     final WeftExtension weft = WeftExtension.newBuilder()
 *             .workflows(OrderWorkflowImpl.class)
 *             .activities(payments)
 *             .build();
 *
 *     @Test
 *     void chargesThenWaitsADay(OrderWorkflow order, TestWorkflowEnvironment env) {
 *         when(payments.charge("order-1")).thenReturn("receipt-1");
 *         assertEquals("receipt-1", order.process("order-1"));   // a day of virtual time
 *         verify(payments).charge("order-1");
 *     }
 * }
 * }</pre>
 */
public final class WeftExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final List<Class<?>> workflows;
    private final List<Object> activities;
    private final String taskList;
    private final String domain;
    private final Instant start;
    private final boolean autoSkip;
    private final boolean replay;
    private final WorkerOptions workerOptions;
    private TestWorkflowEnvironment current;
    private Worker worker;

    private WeftExtension(Builder b) {
        this.workflows = List.copyOf(b.workflows);
        this.activities = List.copyOf(b.activities);
        this.taskList = b.taskList;
        this.domain = b.domain;
        this.start = b.start;
        this.autoSkip = b.autoSkip;
        this.replay = b.replay;
        this.workerOptions = b.workerOptions;
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
     * The current test's environment.
     *
     * @return the environment
     * @throws IllegalStateException outside a test
     */
    public TestWorkflowEnvironment getTestEnvironment() {
        if (current == null) {
            throw new IllegalStateException("The Weft test environment exists only while a test runs");
        }
        return current;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestWorkflowEnvironment.Builder b = TestWorkflowEnvironment.newBuilder()
                .domain(domain)
                .startTime(start)
                .autoSkip(autoSkip);
        if (workerOptions != null) {
            b.workerOptions(workerOptions);
        }
        current = b.build();
        worker = current.newWorker(taskList)
                .workflows(workflows.toArray(new Class<?>[0]))
                .activities(activities.toArray())
                .start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestWorkflowEnvironment env = current;
        current = null;
        if (env == null) {
            return;
        }
        AssertionError problems = null;
        List<String> messages = new ArrayList<>();
        try {
            if (context.getExecutionException().isPresent()) {
                printHistories(context, env);
            }
            if (replay) {
                for (ReplayResult r : env.replayExecutions()) {
                    if (!r.succeeded()) {
                        messages.add(r.failure().getMessage());
                        problems = add(problems, r.failure());
                    }
                }
            }
            for (Throwable f : env.getWorkerFailures()) {
                messages.add("A worker reported: " + f);
                problems = add(problems, f);
            }
        } finally {
            try {
                env.close();
            } catch (IllegalStateException leaked) {
                messages.add(leaked.getMessage());
                problems = add(problems, leaked);
            }
        }
        if (problems != null) { // After a failed test, JUnit keeps this as a suppressed exception of the test's.
            AssertionError e = new AssertionError(String.join("\n", messages));
            for (Throwable t : problems.getSuppressed()) {
                e.addSuppressed(t);
            }
            throw e;
        }
    }

    private static AssertionError add(AssertionError problems, Throwable t) {
        AssertionError p = problems != null ? problems : new AssertionError();
        p.addSuppressed(t);
        return p;
    }

    private static void printHistories(ExtensionContext context, TestWorkflowEnvironment env) {
        StringBuilder out = new StringBuilder();
        out.append("Histories of ").append(context.getDisplayName()).append(":\n");
        for (WorkflowExecution run : env.getExecutions()) {
            out.append("  ")
                    .append(run.workflowId())
                    .append('/')
                    .append(run.runId())
                    .append(":\n    ")
                    .append(HistoryAssert.format(env.getHistory(run)).replace("\n", "\n    "))
                    .append('\n');
        }
        System.err.print(out);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        return type == TestWorkflowEnvironment.class
                || type == WorkflowClient.class
                || type == SwfEngine.class
                || type == Worker.class
                || (type.isInterface() && type.isAnnotationPresent(Workflow.class));
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        TestWorkflowEnvironment env = getTestEnvironment();
        Class<?> type = p.getParameter().getType();
        if (type == TestWorkflowEnvironment.class) {
            return env;
        }
        if (type == WorkflowClient.class) {
            return env.getWorkflowClient();
        }
        if (type == SwfEngine.class) {
            return env.getEngine();
        }
        if (type == Worker.class) {
            return worker;
        }
        return env.getWorkflowClient().newWorkflowStub(type, WorkflowStartOptions.DEFAULT);
    }

    /** Configures a {@link WeftExtension}. */
    public static final class Builder {
        private final List<Class<?>> workflows = new ArrayList<>();
        private final List<Object> activities = new ArrayList<>();
        private String taskList = "test";
        private String domain = "test";
        private Instant start = TestWorkflowEnvironment.DEFAULT_START;
        private boolean autoSkip = true;
        private boolean replay = true;
        private WorkerOptions workerOptions;

        private Builder() {}

        /**
         * Workflow implementation classes the worker runs.
         *
         * @param implementations the classes
         * @return this builder
         */
        public Builder workflows(Class<?>... implementations) {
            workflows.addAll(List.of(implementations));
            return this;
        }

        /**
         * Activity implementations the worker runs: real objects or Mockito mocks.
         *
         * @param implementations the objects
         * @return this builder
         */
        public Builder activities(Object... implementations) {
            activities.addAll(List.of(implementations));
            return this;
        }

        /**
         * The worker's task list (workflow types it registers take it as their default unless their
         * annotation names one). Default: {@code "test"}.
         *
         * @param taskList the task list
         * @return this builder
         */
        public Builder taskList(String taskList) {
            this.taskList = Objects.requireNonNull(taskList, "taskList");
            return this;
        }

        /**
         * The domain. Default: {@code "test"}.
         *
         * @param domain the domain
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * Where virtual time starts. Default: {@link TestWorkflowEnvironment#DEFAULT_START}.
         *
         * @param start the first instant
         * @return this builder
         */
        public Builder startTime(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * Whether waits move virtual time. Default: true.
         *
         * @param on whether they do
         * @return this builder
         */
        public Builder autoSkip(boolean on) {
            this.autoSkip = on;
            return this;
        }

        /**
         * Whether each test's executions are replayed after it. Default: true.
         *
         * @param on whether they are
         * @return this builder
         */
        public Builder replayAfterEachTest(boolean on) {
            this.replay = on;
            return this;
        }

        /**
         * The worker's options. Default: the environment's (see {@link
         * TestWorkflowEnvironment.Builder#workerOptions}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder workerOptions(WorkerOptions options) {
            this.workerOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds the extension.
         *
         * @return the extension
         */
        public WeftExtension build() {
            return new WeftExtension(this);
        }
    }
}
