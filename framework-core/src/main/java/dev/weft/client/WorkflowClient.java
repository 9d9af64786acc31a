package dev.weft.client;

import dev.weft.internal.model.WorkflowModel;
import dev.weft.internal.proxy.Stubs;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ExecutionContexts;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.WorkflowImplementations;
import dev.weft.workflow.Functions;
import dev.weft.workflow.StepAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

/**
 * Starts, signals, inspects and waits for workflow executions of a domain, with typed stubs made
 * from the same annotated interfaces the workers run; lists and counts executions; exports
 * histories; sends actions to steps that wait for them. Safe for use by many threads.
 *
 * <pre>{@code
 * WorkflowClient client = WorkflowClient.create(swf, "orders");
 *
 * OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class,
 *     WorkflowStartOptions.newBuilder().workflowId("order-42").build());
 * Receipt receipt = order.process(cart);                    // starts it, waits for the result
 *
 * WorkflowExecution run = WorkflowClient.start(
 *     client.newWorkflowStub(OrderWorkflow.class)::process, cart);   // starts it, returns at once
 * client.newWorkflowStub(OrderWorkflow.class, run.workflowId()).cancelOrder("changed my mind");
 * }</pre>
 */
public final class WorkflowClient {
    private final SwfClient swf;
    private final String domain;
    private final WorkflowClientOptions options;

    private WorkflowClient(SwfClient swf, String domain, WorkflowClientOptions options) {
        this.swf = swf;
        this.domain = domain;
        this.options = options;
    }

    /**
     * A client with the default options.
     *
     * @param swf the SWF client (the SDK's, or an in-process engine)
     * @param domain the domain
     * @return the client
     */
    public static WorkflowClient create(SwfClient swf, String domain) {
        return create(swf, domain, WorkflowClientOptions.DEFAULT);
    }

    /**
     * A client.
     *
     * @param swf the SWF client
     * @param domain the domain
     * @param options the options
     * @return the client
     */
    public static WorkflowClient create(SwfClient swf, String domain, WorkflowClientOptions options) {
        return new WorkflowClient(
                Objects.requireNonNull(swf, "swf"),
                Names.check("domain", domain),
                Objects.requireNonNull(options, "options"));
    }

    SwfClient swf() {
        return swf;
    }

    String domain() {
        return domain;
    }

    WorkflowClientOptions options() {
        return options;
    }

    // ---------------------------------------------------------------------------------------
    // Stubs

    /**
     * A stub that starts a new execution when its {@code @WorkflowMethod} is called, and waits
     * for its result (or use {@link #start(Functions.Func1, Object)} to return at once). Its
     * signal and state methods then act on that execution.
     *
     * @param workflow the {@code @Workflow} interface
     * @param <T> the interface
     * @return the stub, for one execution
     */
    public <T> T newWorkflowStub(Class<T> workflow) {
        return newWorkflowStub(workflow, WorkflowStartOptions.DEFAULT);
    }

    /**
     * As {@link #newWorkflowStub(Class)}, with start options.
     *
     * @param workflow the {@code @Workflow} interface
     * @param options the start options
     * @param <T> the interface
     * @return the stub
     */
    public <T> T newWorkflowStub(Class<T> workflow, WorkflowStartOptions options) {
        WorkflowModel m = WorkflowModel.of(workflow);
        WorkflowStub stub = new WorkflowStub(this, m.name(), m.version(), m, options, null);
        return Stubs.create(workflow, new ClientStubHandler(m, stub));
    }

    /**
     * A stub of an existing execution: its signal methods signal it, its state method reads its
     * published state. Its workflow method cannot be called.
     *
     * @param workflow the {@code @Workflow} interface
     * @param workflowId the workflow id (its open run is meant, else its latest)
     * @param <T> the interface
     * @return the stub
     */
    public <T> T newWorkflowStub(Class<T> workflow, String workflowId) {
        return newWorkflowStub(workflow, workflowId, null);
    }

    /**
     * A stub of one run of an execution.
     *
     * @param workflow the {@code @Workflow} interface
     * @param workflowId the workflow id
     * @param runId the run id, or null for the open (else latest) run
     * @param <T> the interface
     * @return the stub
     */
    public <T> T newWorkflowStub(Class<T> workflow, String workflowId, String runId) {
        WorkflowModel m = WorkflowModel.of(workflow);
        WorkflowExecution e = WorkflowExecution.builder()
                .workflowId(Objects.requireNonNull(workflowId, "workflowId"))
                .runId(runId)
                .build();
        return Stubs.create(workflow, new ClientStubHandler(m, new WorkflowStub(this, null, null, m, null, e)));
    }

    /**
     * An untyped stub that starts an execution of a type, for tools that know types by name.
     *
     * @param workflowType the type's name
     * @param version its version
     * @param options the start options
     * @return the stub
     */
    public WorkflowStub newUntypedStub(String workflowType, String version, WorkflowStartOptions options) {
        return new WorkflowStub(
                this,
                Objects.requireNonNull(workflowType, "workflowType"),
                Objects.requireNonNull(version, "version"),
                null,
                Objects.requireNonNull(options, "options"),
                null);
    }

    /**
     * An untyped stub of an existing execution.
     *
     * @param workflowId the workflow id
     * @param runId the run id, or null for the open (else latest) run
     * @return the stub
     */
    public WorkflowStub newUntypedStub(String workflowId, String runId) {
        return new WorkflowStub(
                this,
                null,
                null,
                null,
                null,
                WorkflowExecution.builder()
                        .workflowId(Objects.requireNonNull(workflowId, "workflowId"))
                        .runId(runId)
                        .build());
    }

    /**
     * The untyped stub behind a typed one.
     *
     * @param typedStub a stub from {@link #newWorkflowStub}
     * @return its untyped stub
     */
    public static WorkflowStub toUntyped(Object typedStub) {
        if (Stubs.handlerOf(typedStub) instanceof ClientStubHandler h) {
            return h.untyped();
        }
        throw new IllegalArgumentException("Not a workflow client stub: " + typedStub);
    }

    /**
     * Starts an execution through a stub's workflow method, without waiting for its result.
     *
     * @param workflowMethod a method reference to a client stub's {@code @WorkflowMethod}
     * @param <R> its result type
     * @return the started execution
     */
    public static <R> WorkflowExecution start(Functions.Func<R> workflowMethod) {
        return ClientStubHandler.startOnly(workflowMethod::apply);
    }

    /**
     * Starts an execution through a stub's workflow method of one argument, without waiting.
     *
     * @param workflowMethod a method reference to a client stub's {@code @WorkflowMethod}
     * @param a1 the argument
     * @param <A1> its type
     * @param <R> the result type
     * @return the started execution
     */
    public static <A1, R> WorkflowExecution start(Functions.Func1<A1, R> workflowMethod, A1 a1) {
        return ClientStubHandler.startOnly(() -> workflowMethod.apply(a1));
    }

    /**
     * Starts an execution through a stub's workflow method of two arguments, without waiting.
     *
     * @param workflowMethod a method reference to a client stub's {@code @WorkflowMethod}
     * @param a1 the first argument
     * @param a2 the second argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     * @param <R> the result type
     * @return the started execution
     */
    public static <A1, A2, R> WorkflowExecution start(Functions.Func2<A1, A2, R> workflowMethod, A1 a1, A2 a2) {
        return ClientStubHandler.startOnly(() -> workflowMethod.apply(a1, a2));
    }

    /**
     * Starts an execution through a stub's workflow method of three arguments, without waiting.
     *
     * @param workflowMethod a method reference to a client stub's {@code @WorkflowMethod}
     * @param a1 the first argument
     * @param a2 the second argument
     * @param a3 the third argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     * @param <A3> the third argument's type
     * @param <R> the result type
     * @return the started execution
     */
    public static <A1, A2, A3, R> WorkflowExecution start(
            Functions.Func3<A1, A2, A3, R> workflowMethod, A1 a1, A2 a2, A3 a3) {
        return ClientStubHandler.startOnly(() -> workflowMethod.apply(a1, a2, a3));
    }

    /**
     * Starts an execution through a stub's void workflow method, without waiting.
     *
     * @param workflowMethod a method reference to a client stub's {@code @WorkflowMethod}
     * @return the started execution
     */
    public static WorkflowExecution start(Functions.Proc workflowMethod) {
        return ClientStubHandler.startOnly(() -> {
            workflowMethod.apply();
            return null;
        });
    }

    /**
     * Starts an execution through a stub's void workflow method of one argument, without waiting.
     *
     * @param workflowMethod a method reference to a client stub's {@code @WorkflowMethod}
     * @param a1 the argument
     * @param <A1> its type
     * @return the started execution
     */
    public static <A1> WorkflowExecution start(Functions.Proc1<A1> workflowMethod, A1 a1) {
        return ClientStubHandler.startOnly(() -> {
            workflowMethod.apply(a1);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------
    // Visibility

    /**
     * Open executions, newest first, fetched a page at a time as the iteration proceeds.
     *
     * @param filter which ones (a start time range, and at most one more criterion)
     * @return the executions
     */
    public Iterable<WorkflowExecutionInfo> listOpen(ExecutionFilter filter) {
        return listOpen(filter, 1000);
    }

    /**
     * As {@link #listOpen(ExecutionFilter)}, fetching pages of at most {@code pageSize}.
     *
     * @param filter which ones
     * @param pageSize 1 to 1000
     * @return the executions
     */
    public Iterable<WorkflowExecutionInfo> listOpen(ExecutionFilter filter, int pageSize) {
        filter.checkOpen();
        int size = pageSize(pageSize);
        return pages(token -> {
            ListOpenWorkflowExecutionsRequest.Builder r = ListOpenWorkflowExecutionsRequest.builder()
                    .domain(domain)
                    .maximumPageSize(size)
                    .nextPageToken(token)
                    .startTimeFilter(f -> f.oldestDate(filter.from()).latestDate(filter.to()));
            if (filter.workflowIdFilter() != null) {
                r.executionFilter(f -> f.workflowId(filter.workflowIdFilter()));
            } else if (filter.typeName() != null) {
                r.typeFilter(f -> f.name(filter.typeName()).version(filter.typeVersion()));
            } else if (filter.tagFilter() != null) {
                r.tagFilter(f -> f.tag(filter.tagFilter()));
            }
            var page = swf.listOpenWorkflowExecutions(r.build());
            return new Page(page.executionInfos(), page.nextPageToken());
        });
    }

    /**
     * Closed executions, most recently started (or, filtered by close time, closed) first,
     * fetched a page at a time as the iteration proceeds.
     *
     * @param filter which ones
     * @return the executions
     */
    public Iterable<WorkflowExecutionInfo> listClosed(ExecutionFilter filter) {
        return listClosed(filter, 1000);
    }

    /**
     * As {@link #listClosed(ExecutionFilter)}, fetching pages of at most {@code pageSize}.
     *
     * @param filter which ones
     * @param pageSize 1 to 1000
     * @return the executions
     */
    public Iterable<WorkflowExecutionInfo> listClosed(ExecutionFilter filter, int pageSize) {
        int size = pageSize(pageSize);
        return pages(token -> {
            ListClosedWorkflowExecutionsRequest.Builder r = ListClosedWorkflowExecutionsRequest.builder()
                    .domain(domain)
                    .maximumPageSize(size)
                    .nextPageToken(token);
            if (filter.byClose()) {
                r.closeTimeFilter(f -> f.oldestDate(filter.from()).latestDate(filter.to()));
            } else {
                r.startTimeFilter(f -> f.oldestDate(filter.from()).latestDate(filter.to()));
            }
            if (filter.workflowIdFilter() != null) {
                r.executionFilter(f -> f.workflowId(filter.workflowIdFilter()));
            } else if (filter.typeName() != null) {
                r.typeFilter(f -> f.name(filter.typeName()).version(filter.typeVersion()));
            } else if (filter.tagFilter() != null) {
                r.tagFilter(f -> f.tag(filter.tagFilter()));
            } else if (filter.closeStatusFilter() != null) {
                r.closeStatusFilter(f -> f.status(filter.closeStatusFilter()));
            }
            var page = swf.listClosedWorkflowExecutions(r.build());
            return new Page(page.executionInfos(), page.nextPageToken());
        });
    }

    private static int pageSize(int n) {
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("pageSize must be 1 to 1000, as SWF allows, but was " + n);
        }
        return n;
    }

    /** A page of a listing. */
    private record Page(List<WorkflowExecutionInfo> infos, String token) {}

    private static Iterable<WorkflowExecutionInfo> pages(Function<String, Page> fetch) {
        return () -> new Iterator<>() {
            private Iterator<WorkflowExecutionInfo> page =
                    List.<WorkflowExecutionInfo>of().iterator();
            private String token;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    Page r = fetch.apply(token);
                    page = r.infos().iterator();
                    token = r.token();
                    last = token == null;
                }
                return page.hasNext();
            }

            @Override
            public WorkflowExecutionInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /**
     * A count of executions; SWF may stop counting and say so.
     *
     * @param count how many executions matched
     * @param truncated whether SWF stopped counting, so that there may be more
     */
    public record Count(long count, boolean truncated) {}

    /**
     * Counts open executions.
     *
     * @param filter which ones
     * @return the count
     */
    public Count countOpen(ExecutionFilter filter) {
        filter.checkOpen();
        CountOpenWorkflowExecutionsRequest.Builder r = CountOpenWorkflowExecutionsRequest.builder()
                .domain(domain)
                .startTimeFilter(f -> f.oldestDate(filter.from()).latestDate(filter.to()));
        if (filter.workflowIdFilter() != null) {
            r.executionFilter(f -> f.workflowId(filter.workflowIdFilter()));
        } else if (filter.typeName() != null) {
            r.typeFilter(f -> f.name(filter.typeName()).version(filter.typeVersion()));
        } else if (filter.tagFilter() != null) {
            r.tagFilter(f -> f.tag(filter.tagFilter()));
        }
        var c = swf.countOpenWorkflowExecutions(r.build());
        return new Count(c.count(), Boolean.TRUE.equals(c.truncated()));
    }

    /**
     * Counts closed executions.
     *
     * @param filter which ones
     * @return the count
     */
    public Count countClosed(ExecutionFilter filter) {
        CountClosedWorkflowExecutionsRequest.Builder r =
                CountClosedWorkflowExecutionsRequest.builder().domain(domain);
        if (filter.byClose()) {
            r.closeTimeFilter(f -> f.oldestDate(filter.from()).latestDate(filter.to()));
        } else {
            r.startTimeFilter(f -> f.oldestDate(filter.from()).latestDate(filter.to()));
        }
        if (filter.workflowIdFilter() != null) {
            r.executionFilter(f -> f.workflowId(filter.workflowIdFilter()));
        } else if (filter.typeName() != null) {
            r.typeFilter(f -> f.name(filter.typeName()).version(filter.typeVersion()));
        } else if (filter.tagFilter() != null) {
            r.tagFilter(f -> f.tag(filter.tagFilter()));
        } else if (filter.closeStatusFilter() != null) {
            r.closeStatusFilter(f -> f.status(filter.closeStatusFilter()));
        }
        var c = swf.countClosedWorkflowExecutions(r.build());
        return new Count(c.count(), Boolean.TRUE.equals(c.truncated()));
    }

    // ---------------------------------------------------------------------------------------
    // Histories

    /**
     * An execution's whole history, every page of it.
     *
     * @param execution the execution (with its run id)
     * @return the events, oldest first
     * @throws WorkflowNotFoundException if there is no such execution
     */
    public List<HistoryEvent> history(WorkflowExecution execution) {
        List<HistoryEvent> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetWorkflowExecutionHistoryResponse r;
            try {
                r = swf.getWorkflowExecutionHistory(b -> b.domain(domain)
                        .execution(execution)
                        .maximumPageSize(1000)
                        .nextPageToken(t));
            } catch (UnknownResourceException e) {
                throw new WorkflowNotFoundException(
                        "No execution " + execution.workflowId() + "/" + execution.runId() + " in domain " + domain, e);
            }
            all.addAll(r.events());
            token = r.nextPageToken();
        } while (token != null);
        return all;
    }

    /**
     * An execution's history as the JSON {@code aws swf get-workflow-execution-history} prints
     * (see {@link Histories}), for a corpus of histories to replay.
     *
     * @param execution the execution
     * @return the JSON
     */
    public String exportHistory(WorkflowExecution execution) {
        return Histories.toJson(history(execution));
    }

    /**
     * Runs an execution's state method on its workflow object rebuilt from its history: no
     * worker needs to run, there is no size limit, and events the workers have not decided on yet
     * are applied too. The implementation must be the one the workers run.
     *
     * @param implementation the workflow implementation class
     * @param execution the execution (with its run id)
     * @param stateType the state's type
     * @param <S> the state's type
     * @return the state
     * @throws IllegalArgumentException if the workflow has no {@code @GetState} method
     */
    public <S> S queryByReplay(Class<?> implementation, WorkflowExecution execution, Class<S> stateType) {
        WorkflowImplementations impls = new WorkflowImplementations().add(implementation);
        WorkflowModel m = WorkflowModel.ofImplementation(implementation);
        if (m.state() == null) {
            throw new IllegalArgumentException(m.type().getSimpleName() + " has no @GetState method to query");
        }
        List<HistoryEvent> events = history(execution);
        ReplayDecider decider =
                new ReplayDecider(impls, DeciderOptions.DEFAULT.withConverter(options.getDataConverter()), domain);
        try {
            Object state = decider.query(new ReplayDecider.DecisionTask(
                    execution,
                    events.get(0).workflowExecutionStartedEventAttributes().workflowType(),
                    -1,
                    0,
                    events));
            return stateType.cast(state);
        } finally {
            decider.close();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Steps that wait for an action

    /**
     * What a step action did: the step, the action, and the token that makes it idempotent.
     *
     * @param execution the run the action went to
     * @param stepId the step
     * @param action resume or stop
     * @param reason why, or null
     * @param clientToken the idempotency token (the caller's, or the one made for it)
     */
    public record StepActionResult(
            WorkflowExecution execution,
            String stepId,
            StepAction.ActionType action,
            String reason,
            String clientToken) {}

    /**
     * Sends an action to a step that waits for one ({@code Workflow.waitForAction}). Idempotent
     * by its client token: sent again with the same token and parameters, it returns the first
     * answer and changes nothing.
     *
     * @param execution the execution (its open run if the run id is null)
     * @param stepId the step
     * @param action resume or stop
     * @param reason why, or null
     * @param clientToken the idempotency token, or null for a new one
     * @return what was sent
     * @throws StepNotFoundException if the execution is not open, or the step is not waiting
     * @throws IdempotentParameterMismatchException if the token was used with other parameters
     */
    public StepActionResult sendStepAction(
            WorkflowExecution execution,
            String stepId,
            StepAction.ActionType action,
            String reason,
            String clientToken) {
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(action, "action");
        String token = clientToken != null ? clientToken : UUID.randomUUID().toString();
        WorkflowStub stub = new WorkflowStub(this, null, null, null, null, execution);
        WorkflowExecution run;
        List<HistoryEvent> history;
        try {
            run = stub.resolved();
            history = history(run);
        } catch (WorkflowNotFoundException e) {
            throw new StepNotFoundException(
                    "No execution " + execution.workflowId() + " in domain " + domain + " to send a step action to", e);
        }
        StepAction sent = new StepAction(stepId, action, reason, token);
        // The token first: a repeated call returns the first answer even once the step (or the
        // execution) is done with it.
        for (HistoryEvent e : history) {
            if (e.workflowExecutionSignaledEventAttributes() != null
                    && ExecutionContexts.STEP_ACTION_SIGNAL.equals(
                            e.workflowExecutionSignaledEventAttributes().signalName())) {
                StepAction earlier = ExecutionContexts.stepAction(
                        e.workflowExecutionSignaledEventAttributes().input());
                if (earlier != null && earlier.getClientToken().equals(token)) {
                    if (!earlier.equals(sent)) {
                        throw new IdempotentParameterMismatchException("Client token " + token + " was used for "
                                + describe(earlier) + " already; this call asks for " + describe(sent) + ". Use a new"
                                + " token for a new action.");
                    }
                    return new StepActionResult(run, stepId, action, reason, token);
                }
            }
        }
        var d = stub.describe();
        if (!"OPEN".equals(d.executionInfo().executionStatusAsString())) {
            throw new StepNotFoundException(
                    "Execution " + run.workflowId() + "/" + run.runId() + " is closed: it has"
                            + " no step waiting for an action",
                    null);
        }
        List<String> waiting = ExecutionContexts.waitingSteps(d.latestExecutionContext());
        if (!waiting.contains(stepId)) {
            throw new StepNotFoundException(
                    "Step '" + stepId + "' of " + run.workflowId() + " is not waiting for an" + " action"
                            + (waiting.isEmpty() ? "" : " (waiting: " + waiting + ")"),
                    null);
        }
        stub.signalRaw(ExecutionContexts.STEP_ACTION_SIGNAL, ExecutionContexts.stepAction(sent));
        return new StepActionResult(run, stepId, action, reason, token);
    }

    private static String describe(StepAction a) {
        return a.getAction() + " of step '" + a.getStepId() + "'"
                + (a.getReason() == null ? "" : " (" + a.getReason() + ")");
    }

    @Override
    public String toString() {
        return "WorkflowClient[" + domain + "]";
    }
}
