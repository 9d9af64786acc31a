package dev.weft.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.swf.model.ActivityTaskCancelRequestedEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityTaskCanceledEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityTaskCompletedEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityTaskFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityTaskStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimedOutEventAttributes;
import software.amazon.awssdk.services.swf.model.ActivityTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.ChildWorkflowExecutionStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.ChildWorkflowExecutionTerminatedEventAttributes;
import software.amazon.awssdk.services.swf.model.ChildWorkflowExecutionTimedOutEventAttributes;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.DecisionTaskScheduledEventAttributes;
import software.amazon.awssdk.services.swf.model.DecisionTaskStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.DecisionTaskTimedOutEventAttributes;
import software.amazon.awssdk.services.swf.model.DecisionTaskTimeoutType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.ExternalWorkflowExecutionCancelRequestedEventAttributes;
import software.amazon.awssdk.services.swf.model.ExternalWorkflowExecutionSignaledEventAttributes;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.LambdaFunctionCompletedEventAttributes;
import software.amazon.awssdk.services.swf.model.LambdaFunctionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.LambdaFunctionStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.LambdaFunctionTimedOutEventAttributes;
import software.amazon.awssdk.services.swf.model.LambdaFunctionTimeoutType;
import software.amazon.awssdk.services.swf.model.RequestCancelExternalWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.RequestCancelExternalWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes;
import software.amazon.awssdk.services.swf.model.SignalExternalWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.SignalExternalWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.SignalExternalWorkflowExecutionInitiatedEventAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionFailedCause;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionInitiatedEventAttributes;
import software.amazon.awssdk.services.swf.model.StartLambdaFunctionFailedCause;
import software.amazon.awssdk.services.swf.model.StartLambdaFunctionFailedEventAttributes;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.TimerFiredEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionCancelRequestedCause;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionCancelRequestedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionConfiguration;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionOpenCounts;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionSignaledEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionStartedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTerminatedCause;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTerminatedEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTimedOutEventAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionTimeoutType;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * One run of a workflow: its history and everything open in it (decision task, activities,
 * timers, children, Lambda functions). Every method that reads or changes state is called with
 * the execution's monitor held, except where noted; see the package documentation for how work on
 * other executions is deferred through {@link Effects}.
 */
final class Execution {
    /** SWF's hard limit on history length. */
    static final int MAX_EVENTS = 25_000;

    /** The engine's limit: {@link #MAX_EVENTS} unless the engine was built with another. */
    private int maxEvents() {
        return engine.historyEventLimit();
    }

    static final int MAX_OPEN_ACTIVITIES = 1000;
    static final int MAX_OPEN_TIMERS = 1000;
    static final int MAX_OPEN_CHILDREN = 1000;
    static final int MAX_OPEN_LAMBDAS = 50;
    /** SWF's hard limit on how long an execution may run, whatever its timeout says. */
    static final long MAX_RUN_SECONDS = 365L * 24 * 3600;
    /** What a role SWF can assume for Lambda tasks looks like. */
    private static final java.util.regex.Pattern ROLE_ARN =
            java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/\\S+");

    /** Everything needed to start a run. */
    record Spec(
            Domain domain,
            WorkflowType type,
            String workflowId,
            String input,
            String executionStartToCloseTimeout,
            String taskStartToCloseTimeout,
            String taskList,
            String taskPriority,
            ChildPolicy childPolicy,
            List<String> tags,
            String lambdaRole,
            WorkflowExecution parent,
            long parentInitiatedEventId,
            String continuedExecutionRunId) {}

    /** A decision task waiting in a queue; stale once the execution moved on. */
    static final class DecisionTaskRef implements TaskQueue.Task {
        final Execution execution;
        final long scheduledEventId;
        private final int priority;

        DecisionTaskRef(Execution execution, long scheduledEventId, int priority) {
            this.execution = execution;
            this.scheduledEventId = scheduledEventId;
            this.priority = priority;
        }

        @Override
        public boolean live() {
            return execution.dtQueued && execution.dtScheduledId == scheduledEventId;
        }

        @Override
        public int priority() {
            return priority;
        }
    }

    /** What a decision task token stands for. */
    record DecisionLease(Execution execution, long startedEventId) {}

    static final class UserTimer {
        final String timerId;
        final long startedEventId;
        Scheduler.Timer timer;

        UserTimer(String timerId, long startedEventId) {
            this.timerId = timerId;
            this.startedEventId = startedEventId;
        }
    }

    static final class Child {
        final long initiatedEventId;
        final String workflowId;
        final WorkflowType type;
        long startedEventId;
        WorkflowExecution run;

        Child(long initiatedEventId, String workflowId, WorkflowType type) {
            this.initiatedEventId = initiatedEventId;
            this.workflowId = workflowId;
            this.type = type;
        }
    }

    static final class LambdaTask {
        final String id;
        final String name;
        final String input;
        final long scheduledEventId;
        final long timeoutSeconds;
        long startedEventId;
        Scheduler.Timer timer;

        LambdaTask(String id, String name, String input, long scheduledEventId, long timeoutSeconds) {
            this.id = id;
            this.name = name;
            this.input = input;
            this.scheduledEventId = scheduledEventId;
            this.timeoutSeconds = timeoutSeconds;
        }
    }

    /** Thrown by {@link #append} when the history is full; the operation ends in termination. */
    static final class HistoryFull extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HistoryFull() {
            super("history is full", null, false, false);
        }
    }

    final Engine engine;
    final Domain domain;
    final WorkflowType type;
    final String workflowId;
    final String runId;
    final WorkflowExecution ref;
    final long startMillis;
    final List<String> tags;
    final WorkflowExecution parent;
    final long parentInitiatedEventId;
    final String executionStartToCloseTimeout;
    final String taskStartToCloseTimeout;
    final String taskList;
    final String taskPriority;
    final int priority;
    final ChildPolicy childPolicy;
    final String lambdaRole;

    // The history, one event per index (event id = index + 1), kept compact: see Events.
    private long[] eventTimes = new long[8];
    private EventType[] eventTypes = new EventType[8];
    private Object[] eventAttributes = new Object[8];
    private int eventCount;
    private volatile boolean open = true;
    private boolean active;
    private CloseStatus closeStatus;
    private volatile long closeMillis;
    private boolean cancelRequested;
    private String latestExecutionContext;
    private long latestActivityTaskMillis;
    private WorkflowExecutionOpenCounts countsAtClose;
    /** The child policy applied when this run closed, or null if its children were left alone. */
    private ChildPolicy appliedChildPolicy;

    /** The scheduled (not yet started) decision task's event id, or 0. */
    volatile long dtScheduledId;
    /** True while the scheduled decision task sits in a queue, ready to be handed out. */
    volatile boolean dtQueued;

    private String dtScheduledList;
    private long dtScheduledTimeout;
    private Scheduler.Timer dtScheduleTimer;
    /** The started decision task's event id, or 0. */
    private long dtStartedId;

    private long dtStartedScheduledId;
    private String dtToken;
    private Scheduler.Timer dtStartTimer;
    private String overrideList;
    private long overrideTimeout = Durations.NONE;
    private long previousStartedEventId;
    /** True while decisions are being applied; decision-triggering events then wait for the end. */
    private boolean deciding;

    private boolean decisionNeeded;

    private Map<String, ActivityTask> activities;
    private Map<String, UserTimer> timers;
    private Map<Long, Child> children;
    private Map<String, LambdaTask> lambdas;
    private Scheduler.Timer executionTimer;

    Execution(Engine engine, Spec spec, String runId) {
        this.engine = engine;
        this.domain = spec.domain();
        this.type = spec.type();
        this.workflowId = spec.workflowId();
        this.runId = runId;
        this.ref =
                WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
        this.startMillis = engine.nowMillis();
        this.tags = spec.tags() == null ? List.of() : List.copyOf(spec.tags());
        this.parent = spec.parent();
        this.parentInitiatedEventId = spec.parentInitiatedEventId();
        this.executionStartToCloseTimeout = spec.executionStartToCloseTimeout();
        this.taskStartToCloseTimeout = spec.taskStartToCloseTimeout();
        this.taskList = spec.taskList();
        this.taskPriority = spec.taskPriority();
        this.priority = taskPriority == null ? 0 : Integer.parseInt(taskPriority);
        this.childPolicy = spec.childPolicy();
        this.lambdaRole = spec.lambdaRole();
        synchronized (this) {
            append(
                    EventType.WORKFLOW_EXECUTION_STARTED,
                    WorkflowExecutionStartedEventAttributes.builder()
                            .input(spec.input())
                            .executionStartToCloseTimeout(executionStartToCloseTimeout)
                            .taskStartToCloseTimeout(taskStartToCloseTimeout)
                            .childPolicy(childPolicy)
                            .taskList(taskList(taskList))
                            .taskPriority(taskPriority)
                            .workflowType(type)
                            .tagList(spec.tags() == null || spec.tags().isEmpty() ? null : tags)
                            .continuedExecutionRunId(spec.continuedExecutionRunId())
                            .parentWorkflowExecution(parent)
                            .parentInitiatedEventId(parentInitiatedEventId)
                            .lambdaRole(lambdaRole)
                            .build());
            scheduleDecisionTask();
        }
    }

    static TaskList taskList(String name) {
        return TaskList.builder().name(name).build();
    }

    // ---------------------------------------------------------------------------------------
    // Basics

    boolean isOpen() {
        return open;
    }

    long closeMillis() {
        return closeMillis;
    }

    synchronized CloseStatus closeStatus() {
        return closeStatus;
    }

    /** Events {@code [from, to)} (0-based indexes) as the SDK's HistoryEvents. */
    synchronized List<HistoryEvent> events(int from, int to) {
        if (from < 0 || to > eventCount || from > to) {
            throw new IndexOutOfBoundsException("[BUG] events " + from + ".." + to + " of " + eventCount);
        }
        List<HistoryEvent> events = new ArrayList<>(to - from);
        Events.Maker maker = new Events.Maker();
        for (int i = from; i < to; i++) {
            events.add(maker.event(i + 1L, eventTimes[i], eventTypes[i], eventAttributes[i]));
        }
        return events;
    }

    /** The history's last event. */
    synchronized HistoryEvent lastEvent() {
        int i = eventCount - 1;
        return Events.event(i + 1L, eventTimes[i], eventTypes[i], eventAttributes[i]);
    }

    synchronized int historyLength() {
        return eventCount;
    }

    /** Appends an event stamped now and returns its id. */
    long append(EventType type, Object attributes) {
        if (eventCount >= maxEvents() - 1 && type != EventType.WORKFLOW_EXECUTION_TERMINATED) {
            throw new HistoryFull();
        }
        if (eventCount == eventTimes.length) {
            int capacity = Math.min(eventCount * 2, maxEvents());
            eventTimes = Arrays.copyOf(eventTimes, capacity);
            eventTypes = Arrays.copyOf(eventTypes, capacity);
            eventAttributes = Arrays.copyOf(eventAttributes, capacity);
        }
        eventTimes[eventCount] = engine.nowMillis();
        eventTypes[eventCount] = type;
        eventAttributes[eventCount] = attributes;
        eventCount++;
        engine.changed();
        return eventCount;
    }

    /**
     * Whether this run has work in flight: a decision or activity task started, or one scheduled on
     * a list that is polled.
     */
    synchronized boolean hasWork(Engine.Served served) {
        if (!open) {
            return false;
        }
        if (dtStartedId != 0) {
            return true;
        }
        if (dtScheduledId != 0 && served.decisions(domain.name, dtScheduledList)) {
            return true;
        }
        if (activities != null) {
            for (ActivityTask t : activities.values()) {
                if (t.state == ActivityTask.STARTED
                        || (t.state == ActivityTask.SCHEDULED && served.activities(domain.name, t.taskList))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The attributes of the event with this id. */
    Object attributes(long eventId) {
        return eventAttributes[(int) eventId - 1];
    }

    /**
     * Made live after the run is registered everywhere: its first decision task becomes available
     * and its timeout starts to run. Called without the monitor held.
     */
    void activate() {
        synchronized (this) {
            active = true;
            if (!open) {
                return;
            }
            long timeout = Durations.seconds(executionStartToCloseTimeout);
            long seconds = timeout == Durations.NONE ? MAX_RUN_SECONDS : Math.min(timeout, MAX_RUN_SECONDS);
            executionTimer = engine.scheduler.at(startMillis + seconds * 1000, true, this::executionTimedOut);
            if (dtScheduledId != 0 && dtStartedId == 0) {
                enqueueDecisionTask();
            }
        }
    }

    /**
     * Runs one operation's changes to this execution, ending it with termination if the history
     * fills up on the way. Called with the monitor held.
     */
    void guarded(Effects fx, Runnable body) {
        try {
            body.run();
        } catch (HistoryFull full) {
            terminate(
                    null,
                    "The history reached " + maxEvents() + " events",
                    childPolicy,
                    WorkflowExecutionTerminatedCause.EVENT_LIMIT_EXCEEDED,
                    fx);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Decision tasks

    /**
     * Records that an event which needs a decision arrived. SWF keeps at most one decision task
     * scheduled: later events ride along with it. While a decision task is started, the next one
     * is scheduled at once but handed out only when the started one ends.
     */
    void needsDecision() {
        if (deciding) {
            decisionNeeded = true;
        } else if (dtScheduledId == 0) {
            scheduleDecisionTask();
        }
    }

    private void scheduleDecisionTask() {
        String list = overrideList != null ? overrideList : taskList;
        long scheduleToStart = overrideList != null ? overrideTimeout : Durations.NONE;
        long id = append(
                EventType.DECISION_TASK_SCHEDULED,
                DecisionTaskScheduledEventAttributes.builder()
                        .taskList(taskList(list))
                        .taskPriority(taskPriority)
                        .startToCloseTimeout(taskStartToCloseTimeout)
                        .scheduleToStartTimeout(
                                scheduleToStart == Durations.NONE ? "NONE" : Long.toString(scheduleToStart))
                        .build());
        dtScheduledId = id;
        dtScheduledList = list;
        dtScheduledTimeout = scheduleToStart;
        if (dtStartedId == 0 && active) {
            enqueueDecisionTask();
        }
    }

    private void enqueueDecisionTask() {
        long id = dtScheduledId;
        dtQueued = true;
        if (dtScheduledTimeout != Durations.NONE) {
            dtScheduleTimer = engine.scheduler.at(
                    engine.nowMillis() + dtScheduledTimeout * 1000, true, () -> decisionScheduleToStartTimedOut(id));
        }
        domain.decisionQueue(dtScheduledList).offer(new DecisionTaskRef(this, id, priority));
    }

    /** Starts the queued decision task for a poller; null if it went stale. Monitor not held. */
    synchronized Engine.StartedDecision startDecisionTask(DecisionTaskRef task, String identity) {
        if (!open || !dtQueued || dtScheduledId != task.scheduledEventId) {
            return null;
        }
        Effects fx = new Effects();
        long[] started = new long[1];
        guarded(fx, () -> {
            long startedId = append(
                    EventType.DECISION_TASK_STARTED,
                    DecisionTaskStartedEventAttributes.builder()
                            .identity(identity)
                            .scheduledEventId(task.scheduledEventId)
                            .build());
            dtQueued = false;
            engine.scheduler.cancel(dtScheduleTimer);
            dtScheduleTimer = null;
            dtStartedId = startedId;
            dtStartedScheduledId = task.scheduledEventId;
            dtScheduledId = 0;
            dtToken = engine.newToken();
            engine.tokens.put(dtToken, new DecisionLease(this, startedId));
            long timeout = Durations.seconds(taskStartToCloseTimeout);
            if (timeout != Durations.NONE) {
                dtStartTimer = engine.scheduler.at(
                        engine.nowMillis() + timeout * 1000, true, () -> decisionStartToCloseTimedOut(startedId));
            }
            started[0] = startedId;
        });
        if (started[0] == 0) {
            engine.afterLock(fx);
            return null;
        }
        return new Engine.StartedDecision(this, dtToken, started[0], previousStartedEventId, fx);
    }

    /** Whether this lease still holds the started decision task. */
    boolean holds(DecisionLease lease) {
        return open && dtStartedId == lease.startedEventId();
    }

    long startedDecisionScheduledId() {
        return dtStartedScheduledId;
    }

    /** True if an event that needs a decision arrived while the started decision task ran. */
    boolean decisionPendingBehindStarted() {
        return dtScheduledId != 0;
    }

    /**
     * Ends the started decision task (the caller appends DecisionTaskCompleted) and enters the
     * phase in which its decisions are applied.
     */
    void beginDecisions(String executionContext, TaskList override, String overrideScheduleToStart) {
        engine.tokens.remove(dtToken);
        dtToken = null;
        engine.scheduler.cancel(dtStartTimer);
        dtStartTimer = null;
        previousStartedEventId = dtStartedId;
        dtStartedId = 0;
        if (executionContext != null) {
            latestExecutionContext = executionContext;
        }
        if (override != null) {
            overrideList = override.name();
            overrideTimeout =
                    overrideScheduleToStart == null ? Durations.NONE : Durations.seconds(overrideScheduleToStart);
        }
        deciding = true;
        decisionNeeded = false;
    }

    /** Ends the decision phase: hands out a decision task that waited, or schedules one. */
    void endDecisions() {
        deciding = false;
        if (!open) {
            return;
        }
        if (dtScheduledId != 0) {
            enqueueDecisionTask();
        } else if (decisionNeeded) {
            scheduleDecisionTask();
        }
        decisionNeeded = false;
    }

    private void decisionScheduleToStartTimedOut(long scheduledId) {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open || !dtQueued || dtScheduledId != scheduledId) {
                return;
            }
            guarded(fx, () -> {
                dtQueued = false;
                dtScheduleTimer = null;
                dtScheduledId = 0;
                append(
                        EventType.DECISION_TASK_TIMED_OUT,
                        DecisionTaskTimedOutEventAttributes.builder()
                                .timeoutType(DecisionTaskTimeoutType.SCHEDULE_TO_START)
                                .scheduledEventId(scheduledId)
                                .startedEventId(0L)
                                .build());
                // The override's fallback: back to the execution's own task list.
                overrideList = null;
                overrideTimeout = Durations.NONE;
                scheduleDecisionTask();
            });
        }
        engine.afterLock(fx);
    }

    private void decisionStartToCloseTimedOut(long startedId) {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open || dtStartedId != startedId) {
                return;
            }
            guarded(fx, () -> {
                engine.tokens.remove(dtToken);
                dtToken = null;
                dtStartTimer = null;
                dtStartedId = 0;
                append(
                        EventType.DECISION_TASK_TIMED_OUT,
                        DecisionTaskTimedOutEventAttributes.builder()
                                .timeoutType(DecisionTaskTimeoutType.START_TO_CLOSE)
                                .scheduledEventId(dtStartedScheduledId)
                                .startedEventId(startedId)
                                .build());
                if (overrideList != null && overrideTimeout != Durations.NONE) {
                    overrideList = null;
                    overrideTimeout = Durations.NONE;
                }
                if (dtScheduledId != 0) {
                    enqueueDecisionTask();
                } else {
                    scheduleDecisionTask();
                }
            });
        }
        engine.afterLock(fx);
    }

    // ---------------------------------------------------------------------------------------
    // Activities

    Map<String, ActivityTask> activities() {
        if (activities == null) {
            activities = new LinkedHashMap<>();
        }
        return activities;
    }

    int openActivities() {
        return activities == null ? 0 : activities.size();
    }

    /** Registers a scheduled activity and queues its task. */
    void addActivity(ActivityTask task) {
        activities().put(task.activityId, task);
        latestActivityTaskMillis = task.scheduledAt;
        armActivityTimer(task);
        domain.activityQueue(task.taskList).offer(task);
    }

    /**
     * Makes sure the task's one timer fires no later than its next deadline. A timer already set
     * for an earlier instant is kept: when it fires it finds nothing expired and re-arms, which
     * spares the scheduler a cancel and an insert on every start and heartbeat.
     */
    private void armActivityTimer(ActivityTask task) {
        long deadline = task.nextDeadline();
        if (task.timer != null) {
            if (task.timer.deadline <= deadline) {
                return;
            }
            engine.scheduler.cancel(task.timer);
            task.timer = null;
        }
        if (deadline != Long.MAX_VALUE) {
            task.timer = engine.scheduler.at(deadline, true, () -> activityDeadline(task));
        }
    }

    /** Starts a queued activity task for a poller; false if it went stale. Monitor not held. */
    synchronized boolean startActivity(ActivityTask task, String identity, Effects fx) {
        if (!open || task.state != ActivityTask.SCHEDULED) {
            return false;
        }
        boolean[] ok = new boolean[1];
        guarded(fx, () -> {
            long startedId = append(
                    EventType.ACTIVITY_TASK_STARTED,
                    ActivityTaskStartedEventAttributes.builder()
                            .identity(identity)
                            .scheduledEventId(task.scheduledEventId)
                            .build());
            task.state = ActivityTask.STARTED;
            task.startedEventId = startedId;
            task.startedAt = engine.nowMillis();
            task.lastHeartbeat = task.startedAt;
            latestActivityTaskMillis = task.startedAt;
            task.token = engine.newToken();
            engine.tokens.put(task.token, task);
            armActivityTimer(task);
            ok[0] = true;
        });
        return ok[0];
    }

    /** Closes an activity: it leaves the open set and its token stops working. */
    private void closeActivity(ActivityTask task) {
        task.state = ActivityTask.CLOSED;
        engine.scheduler.cancel(task.timer);
        task.timer = null;
        if (task.token != null) {
            engine.tokens.remove(task.token);
        }
        activities.remove(task.activityId);
        latestActivityTaskMillis = engine.nowMillis();
    }

    private void activityDeadline(ActivityTask task) {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open || task.state == ActivityTask.CLOSED || activities == null) {
                return;
            }
            task.timer = null; // This is it, firing.
            ActivityTaskTimeoutType expired = task.expired(engine.nowMillis());
            if (expired == null) {
                armActivityTimer(task); // A heartbeat moved the deadline on.
                return;
            }
            guarded(fx, () -> {
                closeActivity(task);
                append(
                        EventType.ACTIVITY_TASK_TIMED_OUT,
                        ActivityTaskTimedOutEventAttributes.builder()
                                .timeoutType(expired)
                                .scheduledEventId(task.scheduledEventId)
                                .startedEventId(task.startedEventId)
                                .details(task.heartbeatDetails)
                                .build());
                needsDecision();
            });
        }
        engine.afterLock(fx);
    }

    /** Whether this started task may still report: the run is open and the task not closed. */
    boolean reportable(ActivityTask task) {
        return open && task.state == ActivityTask.STARTED;
    }

    /** Records a heartbeat; returns whether cancellation was requested. */
    boolean heartbeat(ActivityTask task, String details) {
        task.lastHeartbeat = engine.nowMillis();
        task.heartbeatDetails = details;
        // The armed timer finds the moved deadline when it fires; nothing to re-arm here.
        return task.cancelRequested;
    }

    void activityCompleted(ActivityTask task, String result, Effects fx) {
        guarded(fx, () -> {
            closeActivity(task);
            append(
                    EventType.ACTIVITY_TASK_COMPLETED,
                    ActivityTaskCompletedEventAttributes.builder()
                            .result(result)
                            .scheduledEventId(task.scheduledEventId)
                            .startedEventId(task.startedEventId)
                            .build());
            needsDecision();
        });
    }

    void activityFailed(ActivityTask task, String reason, String details, Effects fx) {
        guarded(fx, () -> {
            closeActivity(task);
            append(
                    EventType.ACTIVITY_TASK_FAILED,
                    ActivityTaskFailedEventAttributes.builder()
                            .reason(reason)
                            .details(details)
                            .scheduledEventId(task.scheduledEventId)
                            .startedEventId(task.startedEventId)
                            .build());
            needsDecision();
        });
    }

    void activityCanceled(ActivityTask task, String details, Effects fx) {
        guarded(fx, () -> {
            closeActivity(task);
            appendActivityCanceled(task, details);
            needsDecision();
        });
    }

    private void appendActivityCanceled(ActivityTask task, String details) {
        append(
                EventType.ACTIVITY_TASK_CANCELED,
                ActivityTaskCanceledEventAttributes.builder()
                        .details(details)
                        .scheduledEventId(task.scheduledEventId)
                        .startedEventId(task.startedEventId)
                        .latestCancelRequestedEventId(
                                task.latestCancelRequestedEventId == 0 ? null : task.latestCancelRequestedEventId)
                        .build());
    }

    /**
     * Applies a RequestCancelActivityTask decision to an open activity: a task no worker has yet
     * is canceled at once; a started one learns of it from its next heartbeat.
     */
    void requestActivityCancel(ActivityTask task, long decisionTaskCompletedEventId) {
        long id = append(
                EventType.ACTIVITY_TASK_CANCEL_REQUESTED,
                ActivityTaskCancelRequestedEventAttributes.builder()
                        .decisionTaskCompletedEventId(decisionTaskCompletedEventId)
                        .activityId(task.activityId)
                        .build());
        task.latestCancelRequestedEventId = id;
        if (task.state == ActivityTask.SCHEDULED) {
            closeActivity(task);
            appendActivityCanceled(task, null);
            needsDecision();
        } else {
            task.cancelRequested = true;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Timers

    Map<String, UserTimer> timers() {
        if (timers == null) {
            timers = new HashMap<>();
        }
        return timers;
    }

    int openTimers() {
        return timers == null ? 0 : timers.size();
    }

    void addTimer(UserTimer timer, long seconds) {
        timers().put(timer.timerId, timer);
        timer.timer = engine.scheduler.at(engine.nowMillis() + seconds * 1000, true, () -> timerFired(timer));
    }

    void removeTimer(UserTimer timer) {
        engine.scheduler.cancel(timer.timer);
        timers.remove(timer.timerId);
    }

    private void timerFired(UserTimer timer) {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open || timers == null || timers.get(timer.timerId) != timer) {
                return;
            }
            guarded(fx, () -> {
                timers.remove(timer.timerId);
                append(
                        EventType.TIMER_FIRED,
                        TimerFiredEventAttributes.builder()
                                .timerId(timer.timerId)
                                .startedEventId(timer.startedEventId)
                                .build());
                needsDecision();
            });
        }
        engine.afterLock(fx);
    }

    // ---------------------------------------------------------------------------------------
    // Lambda functions

    Map<String, LambdaTask> lambdas() {
        if (lambdas == null) {
            lambdas = new HashMap<>();
        }
        return lambdas;
    }

    int openLambdas() {
        return lambdas == null ? 0 : lambdas.size();
    }

    /** Starts a scheduled Lambda function (called as an effect, after the decision). */
    void startLambda(LambdaTask task) {
        Effects fx = new Effects();
        boolean run;
        synchronized (this) {
            if (!open || lambdas == null || lambdas.get(task.id) != task) {
                return;
            }
            boolean[] started = new boolean[1];
            guarded(fx, () -> {
                if (!ROLE_ARN.matcher(lambdaRole).matches()) {
                    // There is no IAM here: a role that is not an IAM role ARN is one SWF could not assume.
                    lambdas.remove(task.id);
                    append(
                            EventType.START_LAMBDA_FUNCTION_FAILED,
                            StartLambdaFunctionFailedEventAttributes.builder()
                                    .scheduledEventId(task.scheduledEventId)
                                    .cause(StartLambdaFunctionFailedCause.ASSUME_ROLE_FAILED)
                                    .message("Unable to assume role " + lambdaRole
                                            + ": it is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)")
                                    .build());
                    needsDecision();
                    return;
                }
                task.startedEventId = append(
                        EventType.LAMBDA_FUNCTION_STARTED,
                        LambdaFunctionStartedEventAttributes.builder()
                                .scheduledEventId(task.scheduledEventId)
                                .build());
                task.timer = engine.scheduler.at(
                        engine.nowMillis() + task.timeoutSeconds * 1000, true, () -> lambdaTimedOut(task));
                started[0] = true;
            });
            run = started[0];
        }
        engine.afterLock(fx);
        if (run) {
            engine.runLambda(this, task);
        }
    }

    /** Records a Lambda function's outcome; ignored if it timed out or the run closed. */
    void lambdaFinished(LambdaTask task, String result, String failureReason, String failureDetails) {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open || lambdas == null || lambdas.get(task.id) != task) {
                return;
            }
            guarded(fx, () -> {
                lambdas.remove(task.id);
                engine.scheduler.cancel(task.timer);
                if (failureReason == null) {
                    append(
                            EventType.LAMBDA_FUNCTION_COMPLETED,
                            LambdaFunctionCompletedEventAttributes.builder()
                                    .scheduledEventId(task.scheduledEventId)
                                    .startedEventId(task.startedEventId)
                                    .result(result)
                                    .build());
                } else {
                    append(
                            EventType.LAMBDA_FUNCTION_FAILED,
                            LambdaFunctionFailedEventAttributes.builder()
                                    .scheduledEventId(task.scheduledEventId)
                                    .startedEventId(task.startedEventId)
                                    .reason(failureReason)
                                    .details(failureDetails)
                                    .build());
                }
                needsDecision();
            });
        }
        engine.afterLock(fx);
    }

    private void lambdaTimedOut(LambdaTask task) {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open || lambdas == null || lambdas.get(task.id) != task) {
                return;
            }
            guarded(fx, () -> {
                lambdas.remove(task.id);
                append(
                        EventType.LAMBDA_FUNCTION_TIMED_OUT,
                        LambdaFunctionTimedOutEventAttributes.builder()
                                .scheduledEventId(task.scheduledEventId)
                                .startedEventId(task.startedEventId)
                                .timeoutType(LambdaFunctionTimeoutType.START_TO_CLOSE)
                                .build());
                needsDecision();
            });
        }
        engine.afterLock(fx);
    }

    // ---------------------------------------------------------------------------------------
    // Children

    Map<Long, Child> children() {
        if (children == null) {
            children = new HashMap<>();
        }
        return children;
    }

    int openChildren() {
        return children == null ? 0 : children.size();
    }

    /** The child started: record it, unless it already closed or this run closed. */
    synchronized boolean childStarted(long initiatedEventId, Execution child, Effects fx) {
        if (!open || children == null) {
            return false;
        }
        Child record = children.get(initiatedEventId);
        if (record == null || record.startedEventId != 0) {
            return record != null;
        }
        guarded(fx, () -> appendChildStarted(record, child.ref));
        return open;
    }

    private void appendChildStarted(Child record, WorkflowExecution run) {
        record.run = run;
        record.startedEventId = append(
                EventType.CHILD_WORKFLOW_EXECUTION_STARTED,
                ChildWorkflowExecutionStartedEventAttributes.builder()
                        .workflowExecution(run)
                        .workflowType(record.type)
                        .initiatedEventId(record.initiatedEventId)
                        .build());
        needsDecision();
    }

    /** The child could not start because its workflow id is taken. */
    synchronized void childStartFailed(long initiatedEventId, String control, Effects fx) {
        if (!open || children == null) {
            return;
        }
        Child record = children.remove(initiatedEventId);
        if (record == null) {
            return;
        }
        guarded(fx, () -> {
            var initiated = (StartChildWorkflowExecutionInitiatedEventAttributes) attributes(initiatedEventId);
            append(
                    EventType.START_CHILD_WORKFLOW_EXECUTION_FAILED,
                    StartChildWorkflowExecutionFailedEventAttributes.builder()
                            .workflowType(record.type)
                            .cause(StartChildWorkflowExecutionFailedCause.WORKFLOW_ALREADY_RUNNING)
                            .workflowId(record.workflowId)
                            .initiatedEventId(initiatedEventId)
                            .decisionTaskCompletedEventId(initiated.decisionTaskCompletedEventId())
                            .control(control)
                            .build());
            needsDecision();
        });
    }

    /** A child of this run closed; {@code closing} builds the matching ChildWorkflowExecution* event. */
    synchronized void childClosed(long initiatedEventId, WorkflowExecution run, ChildCloser closing, Effects fx) {
        if (!open || children == null) {
            return;
        }
        Child record = children.get(initiatedEventId);
        if (record == null) {
            return;
        }
        guarded(fx, () -> {
            if (record.startedEventId == 0) {
                // The child closed before its start was recorded here (an operator terminated it at once).
                appendChildStarted(record, run);
            }
            children.remove(initiatedEventId);
            Appended event = closing.build(run, record.type, initiatedEventId, record.startedEventId);
            append(event.type(), event.attributes());
            needsDecision();
        });
    }

    /** An event to append: its type and attributes. */
    record Appended(EventType type, Object attributes) {}

    /** Builds the event a parent records when its child closes. */
    @FunctionalInterface
    interface ChildCloser {
        Appended build(WorkflowExecution child, WorkflowType type, long initiatedEventId, long startedEventId);
    }

    /** The child policy this run applied when it closed (null: none), for children still starting. */
    synchronized ChildPolicy appliedChildPolicy() {
        return appliedChildPolicy;
    }

    // ---------------------------------------------------------------------------------------
    // Signals and cancellation

    void signaled(String signalName, String input, WorkflowExecution from, long fromInitiatedEventId) {
        append(
                EventType.WORKFLOW_EXECUTION_SIGNALED,
                WorkflowExecutionSignaledEventAttributes.builder()
                        .signalName(signalName)
                        .input(input)
                        .externalWorkflowExecution(from)
                        .externalInitiatedEventId(fromInitiatedEventId)
                        .build());
        needsDecision();
    }

    void cancelRequested(
            WorkflowExecution from, long fromInitiatedEventId, WorkflowExecutionCancelRequestedCause cause) {
        cancelRequested = true;
        append(
                EventType.WORKFLOW_EXECUTION_CANCEL_REQUESTED,
                WorkflowExecutionCancelRequestedEventAttributes.builder()
                        .externalWorkflowExecution(from)
                        .externalInitiatedEventId(fromInitiatedEventId)
                        .cause(cause)
                        .build());
        needsDecision();
    }

    /** The outcome of a SignalExternalWorkflowExecution this run initiated. */
    synchronized void externalSignalResult(long initiatedEventId, WorkflowExecution target, Effects fx) {
        if (!open) {
            return;
        }
        guarded(fx, () -> {
            var initiated = (SignalExternalWorkflowExecutionInitiatedEventAttributes) attributes(initiatedEventId);
            if (target != null) {
                append(
                        EventType.EXTERNAL_WORKFLOW_EXECUTION_SIGNALED,
                        ExternalWorkflowExecutionSignaledEventAttributes.builder()
                                .workflowExecution(target)
                                .initiatedEventId(initiatedEventId)
                                .build());
            } else {
                append(
                        EventType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED,
                        SignalExternalWorkflowExecutionFailedEventAttributes.builder()
                                .workflowId(initiated.workflowId())
                                .runId(initiated.runId())
                                .cause(SignalExternalWorkflowExecutionFailedCause.UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION)
                                .initiatedEventId(initiatedEventId)
                                .decisionTaskCompletedEventId(initiated.decisionTaskCompletedEventId())
                                .control(initiated.control())
                                .build());
            }
            needsDecision();
        });
    }

    /** The outcome of a RequestCancelExternalWorkflowExecution this run initiated. */
    synchronized void externalCancelResult(long initiatedEventId, WorkflowExecution target, Effects fx) {
        if (!open) {
            return;
        }
        guarded(fx, () -> {
            var initiated =
                    (RequestCancelExternalWorkflowExecutionInitiatedEventAttributes) attributes(initiatedEventId);
            if (target != null) {
                append(
                        EventType.EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED,
                        ExternalWorkflowExecutionCancelRequestedEventAttributes.builder()
                                .workflowExecution(target)
                                .initiatedEventId(initiatedEventId)
                                .build());
            } else {
                append(
                        EventType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED,
                        RequestCancelExternalWorkflowExecutionFailedEventAttributes.builder()
                                .workflowId(initiated.workflowId())
                                .runId(initiated.runId())
                                .cause(
                                        RequestCancelExternalWorkflowExecutionFailedCause
                                                .UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION)
                                .initiatedEventId(initiatedEventId)
                                .decisionTaskCompletedEventId(initiated.decisionTaskCompletedEventId())
                                .control(initiated.control())
                                .build());
            }
            needsDecision();
        });
    }

    // ---------------------------------------------------------------------------------------
    // Closing

    /**
     * Closes the run: everything open in it is dropped (tokens stop working), the workflow id is
     * freed (unless {@code successor} takes it over), the run moves to the closed indexes, the
     * child policy (if any) is applied to open children, and the parent hears of it.
     */
    void close(CloseStatus status, ChildPolicy policy, ChildCloser forParent, Execution successor, Effects fx) {
        long now = engine.nowMillis();
        countsAtClose = WorkflowExecutionOpenCounts.builder()
                .openActivityTasks(openActivities())
                .openDecisionTasks(0)
                .openTimers(openTimers())
                .openChildWorkflowExecutions(openChildren())
                .openLambdaFunctions(openLambdas())
                .build();
        open = false;
        deciding = false;
        closeStatus = status;
        closeMillis = now;
        engine.runClosed(runId);
        appliedChildPolicy = policy == ChildPolicy.ABANDON ? null : policy;

        Scheduler scheduler = engine.scheduler;
        scheduler.cancel(executionTimer);
        scheduler.cancel(dtScheduleTimer);
        scheduler.cancel(dtStartTimer);
        if (dtToken != null) {
            engine.tokens.remove(dtToken);
        }
        dtQueued = false;
        dtScheduledId = 0;
        dtStartedId = 0;
        if (activities != null) {
            for (ActivityTask task : activities.values()) {
                task.state = ActivityTask.CLOSED;
                scheduler.cancel(task.timer);
                if (task.token != null) {
                    engine.tokens.remove(task.token);
                }
            }
            activities = null;
        }
        if (timers != null) {
            timers.values().forEach(t -> scheduler.cancel(t.timer));
            timers = null;
        }
        if (lambdas != null) {
            lambdas.values().forEach(t -> scheduler.cancel(t.timer));
            lambdas = null;
        }
        if (children != null) {
            if (appliedChildPolicy != null) {
                for (Child child : children.values()) {
                    if (child.run != null) {
                        WorkflowExecution run = child.run;
                        ChildPolicy applied = appliedChildPolicy;
                        fx.add(() -> engine.applyChildPolicy(domain, run.workflowId(), workflowId, applied));
                    }
                }
            }
            children = null;
        }

        if (successor != null) {
            domain.open.replace(workflowId, this, successor);
        } else {
            domain.open.remove(workflowId, this);
        }
        domain.openByStart.remove(new Domain.VisKey(startMillis, runId));
        if (domain.retentionMillis == 0) {
            // No retention: SWF deletes the record as the execution closes.
            domain.runs.remove(runId, this);
        } else {
            domain.closedByStart.put(new Domain.VisKey(startMillis, runId), this);
            domain.closedByClose.put(new Domain.VisKey(now, runId), this);
            scheduler.at(now + domain.retentionMillis, false, this::purge);
        }

        if (parent != null && forParent != null) {
            Execution parentRun = domain.runs.get(parent.runId());
            if (parentRun != null) {
                WorkflowExecution me = ref;
                fx.add(() -> {
                    Effects more = new Effects();
                    parentRun.childClosed(parentInitiatedEventId, me, forParent, more);
                    more.run();
                });
            }
        }
    }

    /** Drops the closed run once the domain's retention period has passed. */
    private void purge() {
        domain.runs.remove(runId, this);
        domain.closedByStart.remove(new Domain.VisKey(startMillis, runId));
        domain.closedByClose.remove(new Domain.VisKey(closeMillis, runId));
    }

    /** Terminates the run (operator request, child policy, or full history). */
    void terminate(
            String reason, String details, ChildPolicy policy, WorkflowExecutionTerminatedCause cause, Effects fx) {
        append(
                EventType.WORKFLOW_EXECUTION_TERMINATED,
                WorkflowExecutionTerminatedEventAttributes.builder()
                        .reason(reason)
                        .details(details)
                        .childPolicy(policy)
                        .cause(cause)
                        .build());
        close(
                CloseStatus.TERMINATED,
                policy,
                (child, childType, initiated, started) -> new Appended(
                        EventType.CHILD_WORKFLOW_EXECUTION_TERMINATED,
                        ChildWorkflowExecutionTerminatedEventAttributes.builder()
                                .workflowExecution(child)
                                .workflowType(childType)
                                .initiatedEventId(initiated)
                                .startedEventId(started)
                                .build()),
                null,
                fx);
    }

    private void executionTimedOut() {
        Effects fx = new Effects();
        synchronized (this) {
            if (!open) {
                return;
            }
            try {
                append(
                        EventType.WORKFLOW_EXECUTION_TIMED_OUT,
                        WorkflowExecutionTimedOutEventAttributes.builder()
                                .timeoutType(WorkflowExecutionTimeoutType.START_TO_CLOSE)
                                .childPolicy(childPolicy)
                                .build());
            } catch (HistoryFull full) {
                terminate(
                        null,
                        "The history reached " + maxEvents() + " events",
                        childPolicy,
                        WorkflowExecutionTerminatedCause.EVENT_LIMIT_EXCEEDED,
                        fx);
                engine.afterLock(fx);
                return;
            }
            close(
                    CloseStatus.TIMED_OUT,
                    childPolicy,
                    (child, childType, initiated, started) -> new Appended(
                            EventType.CHILD_WORKFLOW_EXECUTION_TIMED_OUT,
                            ChildWorkflowExecutionTimedOutEventAttributes.builder()
                                    .workflowExecution(child)
                                    .workflowType(childType)
                                    .timeoutType(WorkflowExecutionTimeoutType.START_TO_CLOSE)
                                    .initiatedEventId(initiated)
                                    .startedEventId(started)
                                    .build()),
                    null,
                    fx);
        }
        engine.afterLock(fx);
    }

    // ---------------------------------------------------------------------------------------
    // Visibility

    synchronized WorkflowExecutionInfo info() {
        return WorkflowExecutionInfo.builder()
                .execution(ref)
                .workflowType(type)
                .startTimestamp(Instant.ofEpochMilli(startMillis))
                .closeTimestamp(open ? null : Instant.ofEpochMilli(closeMillis))
                .executionStatus(open ? ExecutionStatus.OPEN : ExecutionStatus.CLOSED)
                .closeStatus(closeStatus)
                .parent(parent)
                .tagList(tags.isEmpty() ? null : tags)
                // SWF reports a closed run as not cancel-requested, whatever happened before.
                .cancelRequested(open && cancelRequested)
                .build();
    }

    synchronized WorkflowExecutionConfiguration configuration() {
        return WorkflowExecutionConfiguration.builder()
                .taskStartToCloseTimeout(taskStartToCloseTimeout)
                .executionStartToCloseTimeout(executionStartToCloseTimeout)
                .taskList(taskList(taskList))
                .taskPriority(taskPriority)
                .childPolicy(childPolicy)
                .lambdaRole(lambdaRole)
                .build();
    }

    synchronized WorkflowExecutionOpenCounts openCounts() {
        if (!open) {
            return countsAtClose;
        }
        return WorkflowExecutionOpenCounts.builder()
                .openActivityTasks(openActivities())
                .openDecisionTasks(dtScheduledId != 0 || dtStartedId != 0 ? 1 : 0)
                .openTimers(openTimers())
                .openChildWorkflowExecutions(openChildren())
                .openLambdaFunctions(openLambdas())
                .build();
    }

    synchronized Instant latestActivityTaskTimestamp() {
        return latestActivityTaskMillis == 0 ? null : Instant.ofEpochMilli(latestActivityTaskMillis);
    }

    synchronized String latestExecutionContext() {
        return latestExecutionContext;
    }

    synchronized boolean isCancelRequested() {
        return cancelRequested;
    }

    long previousStartedEventId() {
        return previousStartedEventId;
    }

    @Override
    public String toString() {
        return "WorkflowExecution=[workflowId=" + workflowId + ", runId=" + runId + "]";
    }
}
