package dev.weft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.client.SwfClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * A virtual-time engine with one domain, one workflow type and one activity type, and short
 * helpers for driving it through SwfClient calls. Polls return at once when nothing is queued.
 * The calls go to the engine in-process, or through the SDK's own HTTP client and {@link
 * SwfHttpServer} to the same engine: tests that take a {@link Transport} prove both paths alike.
 */
class EngineTesting implements AutoCloseable {
    /** How test calls reach the engine. */
    enum Transport {
        /** The engine is the SwfClient. */
        IN_PROCESS,
        /** The SDK's SwfClient, over HTTP on loopback, to the engine's SwfHttpServer. */
        HTTP
    }

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String DOMAIN = "test-domain";
    static final String DECISIONS = "decisions";
    static final String ACTIVITIES = "activities";
    static final WorkflowType WORKFLOW =
            WorkflowType.builder().name("Order").version("1").build();
    static final ActivityType ACTIVITY =
            ActivityType.builder().name("charge").version("1").build();

    /** The engine itself, for time: advance, nextDeadline, now. */
    final SwfEngine engine;
    /** Where calls go: the engine, or an SDK client of its HTTP endpoint. */
    final SwfClient swf;

    private final SwfHttpServer server;
    /** Run ids replaced by readable names when histories are compared. */
    private final java.util.Map<String, String> aliases = new java.util.LinkedHashMap<>();

    EngineTesting() {
        this(Transport.IN_PROCESS);
    }

    EngineTesting(Transport transport) {
        this(SwfEngine.builder().virtualTime(T0).pollTimeout(Duration.ZERO), transport);
    }

    EngineTesting(SwfEngine.Builder builder) {
        this(builder, Transport.IN_PROCESS);
    }

    EngineTesting(SwfEngine.Builder builder, Transport transport) {
        engine = builder.build();
        if (transport == Transport.HTTP) {
            try {
                server = SwfHttpServer.start(engine, "127.0.0.1", 0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            swf = SwfClients.forEndpoint(server.endpoint());
        } else {
            server = null;
            swf = engine;
        }
        swf.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        swf.registerWorkflowType(r -> r.domain(DOMAIN)
                .name(WORKFLOW.name())
                .version(WORKFLOW.version())
                .defaultTaskList(t -> t.name(DECISIONS))
                .defaultExecutionStartToCloseTimeout("3600")
                .defaultTaskStartToCloseTimeout("30")
                .defaultChildPolicy(ChildPolicy.TERMINATE));
        swf.registerActivityType(r -> r.domain(DOMAIN)
                .name(ACTIVITY.name())
                .version(ACTIVITY.version())
                .defaultTaskList(t -> t.name(ACTIVITIES))
                .defaultTaskScheduleToStartTimeout("60")
                .defaultTaskScheduleToCloseTimeout("120")
                .defaultTaskStartToCloseTimeout("60")
                .defaultTaskHeartbeatTimeout("NONE"));
    }

    @Override
    public void close() {
        if (server != null) {
            swf.close();
            server.close();
        }
        engine.close();
    }

    static TaskList list(String name) {
        return TaskList.builder().name(name).build();
    }

    WorkflowExecution start(String workflowId) {
        return start(workflowId, "in");
    }

    WorkflowExecution start(String workflowId, String input) {
        String runId = swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId(workflowId)
                        .workflowType(WORKFLOW)
                        .input(input))
                .runId();
        return WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
    }

    PollForDecisionTaskResponse pollDecision() {
        return pollDecision(DECISIONS);
    }

    PollForDecisionTaskResponse pollDecision(String taskList) {
        return swf.pollForDecisionTask(
                r -> r.domain(DOMAIN).taskList(list(taskList)).identity("decider"));
    }

    /** Polls a decision task that must be there. */
    PollForDecisionTaskResponse decisionTask() {
        PollForDecisionTaskResponse task = pollDecision();
        assertNotNull(task.taskToken());
        assertEquals(false, task.taskToken().isEmpty(), "expected a decision task, got an empty poll");
        return task;
    }

    void decide(PollForDecisionTaskResponse task, Decision... decisions) {
        swf.respondDecisionTaskCompleted(r -> r.taskToken(task.taskToken()).decisions(Arrays.asList(decisions)));
    }

    PollForActivityTaskResponse pollActivity() {
        return pollActivity(ACTIVITIES);
    }

    PollForActivityTaskResponse pollActivity(String taskList) {
        return swf.pollForActivityTask(
                r -> r.domain(DOMAIN).taskList(list(taskList)).identity("worker"));
    }

    /** Polls an activity task that must be there. */
    PollForActivityTaskResponse activityTask() {
        PollForActivityTaskResponse task = pollActivity();
        assertEquals(false, task.taskToken().isEmpty(), "expected an activity task, got an empty poll");
        return task;
    }

    List<HistoryEvent> history(WorkflowExecution run) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetWorkflowExecutionHistoryResponse r = swf.getWorkflowExecutionHistory(
                    h -> h.domain(DOMAIN).execution(run).nextPageToken(page));
            events.addAll(r.events());
            token = r.nextPageToken();
        } while (token != null);
        return events;
    }

    List<String> rendered(WorkflowExecution run) {
        List<String> lines = new ArrayList<>();
        for (String line : Histories.render(history(run))) {
            for (var alias : aliases.entrySet()) {
                line = line.replace(alias.getKey(), alias.getValue());
            }
            lines.add(line);
        }
        return lines;
    }

    /** Names a run, so that compared histories read {@code RunId=<name>} instead of its random id. */
    WorkflowExecution alias(WorkflowExecution run, String name) {
        aliases.put(run.runId(), "<" + name + ">");
        return run;
    }

    /** Asserts the whole history, event by event, every attribute included. */
    void assertHistory(WorkflowExecution run, String... expected) {
        assertEquals(String.join("\n", expected), String.join("\n", rendered(run)));
    }

    void advance(Duration d) {
        engine.advance(d);
    }

    // Decisions

    static Decision scheduleActivity(String activityId, String input) {
        return Decision.builder()
                .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                .scheduleActivityTaskDecisionAttributes(
                        a -> a.activityType(ACTIVITY).activityId(activityId).input(input))
                .build();
    }

    static Decision complete(String result) {
        return Decision.builder()
                .decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
                .completeWorkflowExecutionDecisionAttributes(a -> a.result(result))
                .build();
    }

    static Decision fail(String reason, String details) {
        return Decision.builder()
                .decisionType(DecisionType.FAIL_WORKFLOW_EXECUTION)
                .failWorkflowExecutionDecisionAttributes(a -> a.reason(reason).details(details))
                .build();
    }

    static Decision cancel(String details) {
        return Decision.builder()
                .decisionType(DecisionType.CANCEL_WORKFLOW_EXECUTION)
                .cancelWorkflowExecutionDecisionAttributes(a -> a.details(details))
                .build();
    }

    static Decision startTimer(String timerId, String seconds) {
        return Decision.builder()
                .decisionType(DecisionType.START_TIMER)
                .startTimerDecisionAttributes(a -> a.timerId(timerId).startToFireTimeout(seconds))
                .build();
    }

    static Decision cancelTimer(String timerId) {
        return Decision.builder()
                .decisionType(DecisionType.CANCEL_TIMER)
                .cancelTimerDecisionAttributes(a -> a.timerId(timerId))
                .build();
    }

    static Decision marker(String name, String details) {
        return Decision.builder()
                .decisionType(DecisionType.RECORD_MARKER)
                .recordMarkerDecisionAttributes(a -> a.markerName(name).details(details))
                .build();
    }

    static Decision cancelActivity(String activityId) {
        return Decision.builder()
                .decisionType(DecisionType.REQUEST_CANCEL_ACTIVITY_TASK)
                .requestCancelActivityTaskDecisionAttributes(a -> a.activityId(activityId))
                .build();
    }

    static Decision startChild(String workflowId, String input) {
        return Decision.builder()
                .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                .startChildWorkflowExecutionDecisionAttributes(
                        a -> a.workflowType(WORKFLOW).workflowId(workflowId).input(input))
                .build();
    }

    static Decision signalExternal(String workflowId, String runId, String signal, String input) {
        return Decision.builder()
                .decisionType(DecisionType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION)
                .signalExternalWorkflowExecutionDecisionAttributes(a ->
                        a.workflowId(workflowId).runId(runId).signalName(signal).input(input))
                .build();
    }

    static Decision cancelExternal(String workflowId, String runId) {
        return Decision.builder()
                .decisionType(DecisionType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION)
                .requestCancelExternalWorkflowExecutionDecisionAttributes(
                        a -> a.workflowId(workflowId).runId(runId))
                .build();
    }

    static Decision continueAsNew(String input) {
        return Decision.builder()
                .decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
                .continueAsNewWorkflowExecutionDecisionAttributes(a -> a.input(input))
                .build();
    }
}
