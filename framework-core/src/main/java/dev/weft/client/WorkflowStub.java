package dev.weft.client;

import dev.weft.annotations.ChildPolicy;
import dev.weft.internal.model.DurationText;
import dev.weft.internal.model.WorkflowModel;
import dev.weft.internal.replay.ExecutionContexts;
import dev.weft.internal.replay.FailureCodec;
import dev.weft.internal.spi.ClientWaits;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.swf.model.DescribeWorkflowExecutionResponse;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionAlreadyStartedException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;

/**
 * One workflow execution, without a typed interface: to start it, signal it, read its state,
 * wait for its result, cancel or terminate it. Made by {@link WorkflowClient#newUntypedStub}, or
 * from a typed stub with {@link WorkflowClient#toUntyped}. Safe for use by several threads.
 *
 * <pre>{@code
 * WorkflowStub order = client.newUntypedStub("OrderWorkflow", "1", WorkflowStartOptions.DEFAULT);
 * order.start(orderId);
 * Receipt r = order.getResult(Receipt.class);
 * }</pre>
 */
public final class WorkflowStub {
    private final WorkflowClient client;
    private final String typeName;
    private final String typeVersion;
    private final WorkflowModel model;
    private final WorkflowStartOptions options;
    private volatile WorkflowExecution execution;

    WorkflowStub(
            WorkflowClient client,
            String typeName,
            String typeVersion,
            WorkflowModel model,
            WorkflowStartOptions options,
            WorkflowExecution execution) {
        this.client = client;
        this.typeName = typeName;
        this.typeVersion = typeVersion;
        this.model = model;
        this.options = options;
        this.execution = execution;
    }

    /**
     * Starts the execution.
     *
     * @param args the workflow method's arguments
     * @return the started execution
     * @throws IllegalStateException if the stub was started already or is bound to an existing
     *     execution
     * @throws WorkflowAlreadyStartedException if the workflow id has an open execution
     */
    public WorkflowExecution start(Object... args) {
        Type[] types;
        if (model != null) {
            types = model.entry().getGenericParameterTypes();
            if (args.length != types.length) {
                throw new IllegalArgumentException(
                        model.type().getSimpleName() + "." + model.entry().getName() + " takes " + types.length
                                + " arguments, but was given " + args.length);
            }
        } else {
            types = new Type[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i] == null ? Object.class : args[i].getClass();
            }
        }
        return startWithInput(client.options().getDataConverter().toArguments(args, types));
    }

    synchronized WorkflowExecution startWithInput(String input) {
        if (execution != null) {
            throw new IllegalStateException("This stub is bound to execution " + execution.workflowId() + " already;"
                    + " make a new stub for each start");
        }
        if (typeName == null) {
            throw new IllegalStateException("A stub of an existing execution cannot start one");
        }
        if (input != null && input.length() > 32768) {
            throw new IllegalArgumentException("The input of workflow " + typeName + "/" + typeVersion + " is "
                    + input.length() + " characters, over SWF's limit of 32768");
        }
        String workflowId = options.getWorkflowId() != null
                ? options.getWorkflowId()
                : UUID.randomUUID().toString();
        StartWorkflowExecutionRequest.Builder r = StartWorkflowExecutionRequest.builder()
                .domain(client.domain())
                .workflowId(workflowId)
                .workflowType(t -> t.name(typeName).version(typeVersion))
                .input(input);
        String taskList =
                options.getTaskList() != null ? options.getTaskList() : model == null ? null : model.taskList();
        if (taskList != null) {
            r.taskList(t -> t.name(taskList));
        }
        if (options.getExecutionStartToCloseTimeout() != null) {
            r.executionStartToCloseTimeout(
                    Long.toString(DurationText.seconds(options.getExecutionStartToCloseTimeout())));
        } else if (model != null) {
            r.executionStartToCloseTimeout(DurationText.swf(model.executionStartToCloseTimeout()));
        }
        if (options.getTaskStartToCloseTimeout() != null) {
            r.taskStartToCloseTimeout(Long.toString(DurationText.seconds(options.getTaskStartToCloseTimeout())));
        } else if (model != null) {
            r.taskStartToCloseTimeout(DurationText.swf(model.taskStartToCloseTimeout()));
        }
        ChildPolicy policy = options.getChildPolicy() != null
                ? options.getChildPolicy()
                : model == null ? null : model.childPolicy();
        if (policy != null) {
            r.childPolicy(policy.name());
        }
        if (!options.getTags().isEmpty()) {
            r.tagList(options.getTags());
        }
        Integer priority = options.getTaskPriority() != null
                ? options.getTaskPriority()
                : model == null ? null : model.taskPriority();
        if (priority != null) {
            r.taskPriority(priority.toString());
        }
        String role =
                options.getLambdaRole() != null ? options.getLambdaRole() : model == null ? null : model.lambdaRole();
        if (role != null) {
            r.lambdaRole(role);
        }
        String runId;
        try {
            runId = client.swf().startWorkflowExecution(r.build()).runId();
        } catch (WorkflowExecutionAlreadyStartedException e) {
            throw new WorkflowAlreadyStartedException(workflowId, client.domain(), e);
        }
        execution =
                WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
        return execution;
    }

    /**
     * The execution: the one started, or the one the stub was made for (its run id filled in
     * once known).
     *
     * @return the execution, or null before {@link #start}
     */
    public WorkflowExecution getExecution() {
        return execution;
    }

    /** The execution with its run id: the given one, else the open run, else the latest closed. */
    WorkflowExecution resolved() {
        WorkflowExecution e = execution;
        if (e == null) {
            throw new IllegalStateException("This stub has no execution yet: start it first");
        }
        if (e.runId() != null) {
            return e;
        }
        Instant now = Instant.now().plusSeconds(86400);
        for (WorkflowExecutionInfo i : client.listOpen(
                ExecutionFilter.startedBetween(Instant.EPOCH, now).workflowId(e.workflowId()))) {
            return i.execution();
        }
        for (WorkflowExecutionInfo i : client.listClosed(
                ExecutionFilter.startedBetween(Instant.EPOCH, now).workflowId(e.workflowId()))) {
            return i.execution();
        }
        throw new WorkflowNotFoundException(
                "No execution of workflow id " + e.workflowId() + " in domain " + client.domain(), null);
    }

    /**
     * Waits for the result, following runs that continued as new.
     *
     * @param type the result's type
     * @param <R> the result's type
     * @return the result
     * @throws WorkflowException if the execution did not complete (the subclass says how it closed)
     */
    public <R> R getResult(Class<R> type) {
        @SuppressWarnings("unchecked")
        R r = (R) await((Type) type, Long.MAX_VALUE);
        return r;
    }

    /**
     * Waits for the result at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @param type the result's type
     * @param <R> the result's type
     * @return the result
     * @throws TimeoutException if the execution is still open after {@code timeout}
     * @throws WorkflowException if the execution did not complete
     */
    public <R> R getResult(Duration timeout, Class<R> type) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object r = await(type, deadline);
        if (r == TIMED_OUT) {
            throw new TimeoutException("Workflow " + execution.workflowId() + " is still open after " + timeout);
        }
        @SuppressWarnings("unchecked")
        R result = (R) r;
        return result;
    }

    private static final Object TIMED_OUT = new Object();

    /** Waits for the close; the decoded result, or TIMED_OUT if the deadline passed. */
    Object await(Type type, long deadlineNanos) {
        WorkflowExecution run = resolved();
        long wait = 10_000_000L;
        long maxWait = client.options().getMaxResultPollInterval().toNanos();
        while (true) {
            long mark = mark();
            if (client.swf() instanceof ClientWaits w && !awaitClosed(w, run, deadlineNanos)) {
                return TIMED_OUT;
            }
            HistoryEvent last = lastEvent(run);
            switch (last.eventType()) {
                case WORKFLOW_EXECUTION_COMPLETED -> {
                    execution = run;
                    String result =
                            last.workflowExecutionCompletedEventAttributes().result();
                    return client.options().getDataConverter().fromData(result, type);
                }
                case WORKFLOW_EXECUTION_FAILED -> {
                    var a = last.workflowExecutionFailedEventAttributes();
                    throw new WorkflowFailedException(
                            run, a.reason(), a.details(), FailureCodec.decode(a.reason(), a.details()));
                }
                case WORKFLOW_EXECUTION_TIMED_OUT ->
                    throw new WorkflowTimedOutException(
                            run, last.workflowExecutionTimedOutEventAttributes().timeoutTypeAsString());
                case WORKFLOW_EXECUTION_CANCELED ->
                    throw new WorkflowCanceledException(
                            run, last.workflowExecutionCanceledEventAttributes().details());
                case WORKFLOW_EXECUTION_TERMINATED -> {
                    var a = last.workflowExecutionTerminatedEventAttributes();
                    throw new WorkflowTerminatedException(run, a.reason(), a.details(), a.causeAsString());
                }
                case WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> {
                    run = WorkflowExecution.builder()
                            .workflowId(run.workflowId())
                            .runId(last.workflowExecutionContinuedAsNewEventAttributes()
                                    .newExecutionRunId())
                            .build();
                    wait = 10_000_000L;
                    continue;
                }
                default -> {}
            }
            if (!pause(mark, wait, deadlineNanos, run)) {
                return TIMED_OUT;
            }
            wait = Math.min(maxWait, wait * 2);
        }
    }

    /**
     * Waits on a client that reports changes until the run is closed, without reading its history;
     * false if the deadline passed first.
     */
    private boolean awaitClosed(ClientWaits w, WorkflowExecution run, long deadlineNanos) {
        try {
            while (true) {
                long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return !w.isOpen(client.domain(), run.workflowId(), run.runId());
                }
                if (w.awaitClosed(client.domain(), run.workflowId(), run.runId(), left)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for workflow " + run.workflowId(), e);
        }
    }

    /** Where a wait starts from, on a client that reports changes; 0 on others. */
    private long mark() {
        return client.swf() instanceof ClientWaits w ? w.changeMark() : 0;
    }

    /**
     * Waits up to {@code wait} (not past the deadline), ending early on a client that reports
     * changes once something changed after {@code mark}; false if the deadline has passed.
     */
    private boolean pause(long mark, long wait, long deadlineNanos, WorkflowExecution run) {
        long now = System.nanoTime();
        if (deadlineNanos != Long.MAX_VALUE && now - deadlineNanos >= 0) {
            return false;
        }
        long pause = deadlineNanos == Long.MAX_VALUE ? wait : Math.min(wait, deadlineNanos - now);
        try {
            if (client.swf() instanceof ClientWaits w) {
                w.awaitChange(mark, pause);
            } else {
                LockSupport.parkNanos(this, pause);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for workflow " + run.workflowId(), e);
        }
        return true;
    }

    /**
     * Waits until the execution's last decision lists {@code stepId} as waiting for an action, so
     * that {@link WorkflowClient#sendStepAction} will find it: what an approval screen does before
     * it offers the buttons. Polls {@code DescribeWorkflowExecution}, backing off to the client's
     * {@link WorkflowClientOptions#getMaxResultPollInterval() maxResultPollInterval}.
     *
     * <pre>{@code
     * stub.awaitWaitingStep("approve-distribution", Duration.ofMinutes(10));
     * client.sendStepAction(stub.getExecution(), "approve-distribution", ActionType.RESUME, "ok", null);
     * }</pre>
     *
     * @param stepId the step's id
     * @param timeout the longest wait
     * @throws TimeoutException if the step is not waiting after {@code timeout}
     * @throws StepNotFoundException if the execution closes first
     * @throws WorkflowNotFoundException if there is no such execution
     */
    public void awaitWaitingStep(String stepId, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 10_000_000L;
        long maxWait = client.options().getMaxResultPollInterval().toNanos();
        while (true) {
            long mark = mark();
            DescribeWorkflowExecutionResponse d = describe();
            if (ExecutionContexts.waitingSteps(d.latestExecutionContext()).contains(stepId)) {
                return;
            }
            if (d.executionInfo().executionStatus() == ExecutionStatus.CLOSED) {
                WorkflowExecution run = d.executionInfo().execution();
                throw new StepNotFoundException(
                        "Execution " + run.workflowId() + "/" + run.runId() + " closed ("
                                + d.executionInfo().closeStatusAsString() + ") without step '" + stepId
                                + "' waiting for an action",
                        null);
            }
            if (!pause(mark, wait, deadline, d.executionInfo().execution())) {
                throw new TimeoutException("Step '" + stepId + "' of workflow "
                        + d.executionInfo().execution().workflowId() + " is not waiting for an action after "
                        + timeout);
            }
            wait = Math.min(maxWait, wait * 2);
        }
    }

    private HistoryEvent lastEvent(WorkflowExecution run) {
        if (client.swf() instanceof ClientWaits w) {
            HistoryEvent last = w.lastEvent(client.domain(), run.workflowId(), run.runId());
            if (last != null) {
                return last;
            }
        }
        try {
            GetWorkflowExecutionHistoryResponse r = client.swf()
                    .getWorkflowExecutionHistory(b -> b.domain(client.domain())
                            .execution(run)
                            .reverseOrder(true)
                            .maximumPageSize(1));
            return r.events().get(0);
        } catch (UnknownResourceException e) {
            throw new WorkflowNotFoundException(
                    "No execution " + run.workflowId() + "/" + run.runId() + " in domain " + client.domain(), e);
        }
    }

    /**
     * Signals the execution (its open run, if the stub has no run id).
     *
     * @param signalName the signal's name
     * @param args its arguments
     * @throws WorkflowNotFoundException if there is no such open execution
     */
    public void signal(String signalName, Object... args) {
        Type[] types = null;
        if (model != null && model.signals().get(signalName) != null) {
            types = model.signals().get(signalName).getGenericParameterTypes();
        }
        if (types == null || types.length != args.length) {
            types = new Type[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i] == null ? Object.class : args[i].getClass();
            }
        }
        signalRaw(signalName, client.options().getDataConverter().toArguments(args, types));
    }

    void signalRaw(String signalName, String input) {
        WorkflowExecution e = execution;
        if (e == null) {
            throw new IllegalStateException("Start the workflow first (call its @WorkflowMethod), or make the stub for"
                    + " a running execution with newWorkflowStub(type, workflowId)");
        }
        try {
            client.swf()
                    .signalWorkflowExecution(r -> r.domain(client.domain())
                            .workflowId(e.workflowId())
                            .runId(e.runId())
                            .signalName(signalName)
                            .input(input));
        } catch (UnknownResourceException ex) {
            throw new WorkflowNotFoundException(
                    "No open execution " + e.workflowId() + (e.runId() == null ? "" : "/" + e.runId()) + " in domain "
                            + client.domain(),
                    ex);
        }
    }

    /**
     * The execution's state, as its last decision published it (SWF keeps it in {@code
     * latestExecutionContext}); works with no worker running.
     *
     * @param type the state's type
     * @param <S> the state's type
     * @return the state, or null if none was published yet
     */
    public <S> S getState(Class<S> type) {
        @SuppressWarnings("unchecked")
        S s = (S) state(type);
        return s;
    }

    Object state(Type type) {
        String json = ExecutionContexts.state(describe().latestExecutionContext());
        return json == null ? null : client.options().getDataConverter().fromData(json, type);
    }

    /**
     * The steps waiting for an action, as the last decision published them.
     *
     * @return the step ids
     */
    public List<String> getWaitingSteps() {
        return new ArrayList<>(ExecutionContexts.waitingSteps(describe().latestExecutionContext()));
    }

    /**
     * Describes the execution.
     *
     * @return SWF's description
     * @throws WorkflowNotFoundException if there is no such execution
     */
    public DescribeWorkflowExecutionResponse describe() {
        WorkflowExecution run = resolved();
        try {
            return client.swf()
                    .describeWorkflowExecution(r -> r.domain(client.domain()).execution(run));
        } catch (UnknownResourceException e) {
            throw new WorkflowNotFoundException(
                    "No execution " + run.workflowId() + "/" + run.runId() + " in domain " + client.domain(), e);
        }
    }

    /**
     * Asks the execution to cancel: its workflow's root cancellation scope is canceled.
     *
     * @throws WorkflowNotFoundException if there is no such open execution
     */
    public void cancel() {
        WorkflowExecution e = resolved();
        try {
            client.swf()
                    .requestCancelWorkflowExecution(r ->
                            r.domain(client.domain()).workflowId(e.workflowId()).runId(e.runId()));
        } catch (UnknownResourceException ex) {
            throw new WorkflowNotFoundException("No open execution " + e.workflowId() + "/" + e.runId(), ex);
        }
    }

    /**
     * Terminates the execution at once.
     *
     * @param reason why, or null
     * @param details details, or null
     * @param childPolicy what happens to its children, or null for its own policy
     * @throws WorkflowNotFoundException if there is no such open execution
     */
    public void terminate(String reason, String details, ChildPolicy childPolicy) {
        WorkflowExecution e = resolved();
        try {
            client.swf().terminateWorkflowExecution(r -> {
                r.domain(client.domain())
                        .workflowId(e.workflowId())
                        .runId(e.runId())
                        .reason(reason)
                        .details(details);
                if (childPolicy != null && childPolicy != ChildPolicy.UNSET) {
                    r.childPolicy(childPolicy.name());
                }
            });
        } catch (UnknownResourceException ex) {
            throw new WorkflowNotFoundException("No open execution " + e.workflowId() + "/" + e.runId(), ex);
        }
    }

    /**
     * The execution's whole history.
     *
     * @return the events
     */
    public List<HistoryEvent> history() {
        return client.history(resolved());
    }

    @Override
    public String toString() {
        WorkflowExecution e = execution;
        return "WorkflowStub[" + (typeName == null ? "" : typeName + "/" + typeVersion + " ")
                + (e == null ? "not started" : e.workflowId() + (e.runId() == null ? "" : "/" + e.runId())) + "]";
    }
}
