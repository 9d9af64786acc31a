package dev.weft.engine;

import static dev.weft.engine.EngineTesting.ACTIVITY;
import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.EngineTesting.cancelActivity;
import static dev.weft.engine.EngineTesting.list;
import static dev.weft.engine.EngineTesting.scheduleActivity;
import static dev.weft.engine.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionOpenCounts;

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class ActivityTaskTest {
    private static final String SCHEDULED_A = "5 ActivityTaskScheduled (ActivityType=ActivityType(Name=charge,"
            + " Version=1), ActivityId=a, Input=x, ScheduleToStartTimeout=60, ScheduleToCloseTimeout=120,"
            + " StartToCloseTimeout=60, TaskList=TaskList(Name=activities), DecisionTaskCompletedEventId=4,"
            + " HeartbeatTimeout=NONE)";
    private static final String NEXT_DECISION =
            "DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30, ScheduleToStartTimeout=NONE)";

    private final EngineTesting t;

    ActivityTaskTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @AfterEach
    void close() {
        t.close();
    }

    /** Starts "w" and schedules activity "a" (input "x") in its first decision. */
    private WorkflowExecution scheduled(Decision... more) {
        WorkflowExecution run = t.start("w");
        List<Decision> decisions = new ArrayList<>();
        decisions.add(scheduleActivity("a", "x"));
        decisions.addAll(List.of(more));
        t.decide(t.decisionTask(), decisions.toArray(new Decision[0]));
        return run;
    }

    private WorkflowExecutionOpenCounts counts(WorkflowExecution run) {
        return t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                .openCounts();
    }

    @Test
    void completedActivityIsRecordedAndWakesTheDecider() {
        WorkflowExecution run = scheduled();
        assertEquals(1, counts(run).openActivityTasks());
        PollForActivityTaskResponse task = t.activityTask();
        assertEquals("a", task.activityId());
        assertEquals(ACTIVITY, task.activityType());
        assertEquals("x", task.input());
        assertEquals(6, task.startedEventId());
        assertEquals(run, task.workflowExecution());
        t.swf.respondActivityTaskCompleted(r -> r.taskToken(task.taskToken()).result("ok"));
        assertEquals(0, counts(run).openActivityTasks());
        assertEquals(
                List.of(
                        SCHEDULED_A,
                        "6 ActivityTaskStarted (Identity=worker, ScheduledEventId=5)",
                        "7 ActivityTaskCompleted (Result=ok, ScheduledEventId=5, StartedEventId=6)",
                        "8 " + NEXT_DECISION),
                t.rendered(run).subList(4, 8));
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown activity task token: the task is closed (completed, failed, canceled or timed out), its"
                        + " execution is closed, or the token was never issued",
                () -> t.swf.respondActivityTaskCompleted(
                        r -> r.taskToken(task.taskToken()).result("twice")));
    }

    @Test
    void failedActivityCarriesReasonAndDetails() {
        WorkflowExecution run = scheduled();
        PollForActivityTaskResponse task = t.activityTask();
        t.swf.respondActivityTaskFailed(
                r -> r.taskToken(task.taskToken()).reason("Boom").details("stack"));
        assertEquals(
                "7 ActivityTaskFailed (Reason=Boom, Details=stack, ScheduledEventId=5, StartedEventId=6)",
                t.rendered(run).get(6));
        assertEquals("8 " + NEXT_DECISION, t.rendered(run).get(7));
    }

    @Test
    void explicitAttributesOverrideTypeDefaults() {
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                        .scheduleActivityTaskDecisionAttributes(a -> a.activityType(ACTIVITY)
                                .activityId("a")
                                .control("ctl")
                                .taskList(list("special"))
                                .taskPriority("9")
                                .scheduleToStartTimeout("5")
                                .scheduleToCloseTimeout("NONE")
                                .startToCloseTimeout("7")
                                .heartbeatTimeout("3"))
                        .build());
        assertEquals(
                "5 ActivityTaskScheduled (ActivityType=ActivityType(Name=charge, Version=1), ActivityId=a,"
                        + " Control=ctl, ScheduleToStartTimeout=5, ScheduleToCloseTimeout=NONE, StartToCloseTimeout=7,"
                        + " TaskList=TaskList(Name=special), TaskPriority=9, DecisionTaskCompletedEventId=4,"
                        + " HeartbeatTimeout=3)",
                t.rendered(run).get(4));
        assertTrue(t.pollActivity().taskToken().isEmpty());
        assertEquals("a", t.pollActivity("special").activityId());
    }

    @Test
    void schedulingFailsWithSwfCauses() {
        t.swf.registerActivityType(r -> r.domain(DOMAIN).name("bare").version("1"));
        t.swf.registerActivityType(r -> r.domain(DOMAIN).name("old").version("1"));
        t.swf.deprecateActivityType(
                r -> r.domain(DOMAIN).activityType(a -> a.name("old").version("1")));
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                scheduleActivity("a", "x"),
                scheduleActivity("a", "again"),
                schedule("missing", "1", "b"),
                schedule("old", "1", "c"),
                schedule("bare", "1", "d"));
        List<String> history = t.rendered(run);
        assertEquals(
                List.of(
                        SCHEDULED_A,
                        "6 ScheduleActivityTaskFailed (ActivityType=ActivityType(Name=charge, Version=1),"
                                + " ActivityId=a, Cause=ACTIVITY_ID_ALREADY_IN_USE, DecisionTaskCompletedEventId=4)",
                        "7 ScheduleActivityTaskFailed (ActivityType=ActivityType(Name=missing, Version=1),"
                                + " ActivityId=b, Cause=ACTIVITY_TYPE_DOES_NOT_EXIST, DecisionTaskCompletedEventId=4)",
                        "8 ScheduleActivityTaskFailed (ActivityType=ActivityType(Name=old, Version=1),"
                                + " ActivityId=c, Cause=ACTIVITY_TYPE_DEPRECATED, DecisionTaskCompletedEventId=4)",
                        "9 ScheduleActivityTaskFailed (ActivityType=ActivityType(Name=bare, Version=1),"
                                + " ActivityId=d, Cause=DEFAULT_TASK_LIST_UNDEFINED, DecisionTaskCompletedEventId=4)",
                        "10 " + NEXT_DECISION),
                history.subList(4, 10));
        assertEquals(10, history.size());
    }

    @Test
    void eachMissingDefaultHasItsOwnCause() {
        t.swf.registerActivityType(
                r -> r.domain(DOMAIN).name("listed").version("1").defaultTaskList(l -> l.name("q")));
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                scheduleWith("s2s", a -> {}),
                scheduleWith("s2c", a -> a.scheduleToStartTimeout("1")),
                scheduleWith("st2c", a -> a.scheduleToStartTimeout("1").scheduleToCloseTimeout("1")),
                scheduleWith(
                        "ok",
                        a -> a.scheduleToStartTimeout("1")
                                .scheduleToCloseTimeout("1")
                                .startToCloseTimeout("1")));
        List<String> history = t.rendered(run);
        assertTrue(history.get(4).contains("ActivityId=s2s, Cause=DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED"));
        assertTrue(history.get(5).contains("ActivityId=s2c, Cause=DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED"));
        assertTrue(history.get(6).contains("ActivityId=st2c, Cause=DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED"));
        assertEquals(
                "8 ActivityTaskScheduled (ActivityType=ActivityType(Name=listed, Version=1), ActivityId=ok,"
                        + " ScheduleToStartTimeout=1, ScheduleToCloseTimeout=1, StartToCloseTimeout=1,"
                        + " TaskList=TaskList(Name=q), DecisionTaskCompletedEventId=4, HeartbeatTimeout=NONE)",
                history.get(7));
    }

    private static Decision schedule(String name, String version, String activityId) {
        return Decision.builder()
                .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                .scheduleActivityTaskDecisionAttributes(a -> a.activityType(ActivityType.builder()
                                .name(name)
                                .version(version)
                                .build())
                        .activityId(activityId))
                .build();
    }

    private static Decision scheduleWith(
            String activityId,
            java.util.function.Consumer<
                            software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes.Builder>
                    more) {
        return Decision.builder()
                .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                .scheduleActivityTaskDecisionAttributes(a -> {
                    a.activityType(ActivityType.builder()
                                    .name("listed")
                                    .version("1")
                                    .build())
                            .activityId(activityId);
                    more.accept(a);
                })
                .build();
    }

    @Test
    void heartbeatsReportCancellationAndTheWorkerCancels() {
        WorkflowExecution run = scheduled();
        PollForActivityTaskResponse task = t.activityTask();
        assertFalse(t.swf.recordActivityTaskHeartbeat(
                        r -> r.taskToken(task.taskToken()).details("10%"))
                .cancelRequested());
        // The decider asks to cancel the started activity.
        t.swf.signalWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w").signalName("stop"));
        t.decide(t.decisionTask(), cancelActivity("a"));
        assertTrue(t.swf.recordActivityTaskHeartbeat(
                        r -> r.taskToken(task.taskToken()).details("20%"))
                .cancelRequested());
        t.swf.respondActivityTaskCanceled(r -> r.taskToken(task.taskToken()).details("stopped at 20%"));
        assertEquals(
                List.of(
                        "11 ActivityTaskCancelRequested (DecisionTaskCompletedEventId=10, ActivityId=a)",
                        "12 ActivityTaskCanceled (Details=stopped at 20%, ScheduledEventId=5, StartedEventId=6,"
                                + " LatestCancelRequestedEventId=11)",
                        "13 " + NEXT_DECISION),
                t.rendered(run).subList(10, 13));
    }

    @Test
    void cancellingAnActivityNoWorkerHasCancelsItAtOnce() {
        WorkflowExecution run = scheduled(cancelActivity("a"));
        assertEquals(
                List.of(
                        SCHEDULED_A,
                        "6 ActivityTaskCancelRequested (DecisionTaskCompletedEventId=4, ActivityId=a)",
                        "7 ActivityTaskCanceled (ScheduledEventId=5, StartedEventId=0,"
                                + " LatestCancelRequestedEventId=6)",
                        "8 " + NEXT_DECISION),
                t.rendered(run).subList(4, 8));
        assertTrue(t.pollActivity().taskToken().isEmpty(), "the canceled task is never handed out");
        assertEquals(
                0,
                t.swf.countPendingActivityTasks(r -> r.domain(DOMAIN).taskList(list("activities")))
                        .count());
    }

    @Test
    void scheduleToStartTimeoutWhenNoWorkerTakesTheTask() {
        WorkflowExecution run = scheduled();
        assertEquals(
                1,
                t.swf.countPendingActivityTasks(r -> r.domain(DOMAIN).taskList(list("activities")))
                        .count());
        assertEquals(T0.plusSeconds(60), t.engine.nextDeadline().orElseThrow());
        t.advance(Duration.ofSeconds(60));
        assertEquals(
                List.of(
                        "6 ActivityTaskTimedOut (TimeoutType=SCHEDULE_TO_START, ScheduledEventId=5,"
                                + " StartedEventId=0)",
                        "7 " + NEXT_DECISION),
                t.rendered(run).subList(5, 7));
        assertEquals(T0.plusSeconds(60), t.history(run).get(5).eventTimestamp());
        assertTrue(t.pollActivity().taskToken().isEmpty());
    }

    @Test
    void startToCloseTimeoutAndLateResponsesAreRefused() {
        WorkflowExecution run = scheduled();
        t.advance(Duration.ofSeconds(10));
        PollForActivityTaskResponse task = t.activityTask();
        t.advance(Duration.ofSeconds(59));
        assertEquals(6, t.rendered(run).size());
        t.advance(Duration.ofSeconds(1));
        assertEquals(
                "7 ActivityTaskTimedOut (TimeoutType=START_TO_CLOSE, ScheduledEventId=5, StartedEventId=6)",
                t.rendered(run).get(6));
        assertEquals(T0.plusSeconds(70), t.history(run).get(6).eventTimestamp());
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown activity task token: the task is closed (completed, failed, canceled or timed out), its"
                        + " execution is closed, or the token was never issued",
                () -> t.swf.respondActivityTaskCompleted(r -> r.taskToken(task.taskToken())));
    }

    @Test
    void scheduleToCloseTimeoutCoversQueueAndRunTime() {
        WorkflowExecution run = scheduled();
        t.advance(Duration.ofSeconds(59));
        PollForActivityTaskResponse task = t.activityTask();
        for (int i = 0; i < 5; i++) {
            t.advance(Duration.ofSeconds(10));
            t.swf.recordActivityTaskHeartbeat(r -> r.taskToken(task.taskToken()));
        }
        // Start-to-close (started at 59 s, 60 s) passes at 119 s, before schedule-to-close at 120 s.
        t.advance(Duration.ofSeconds(10));
        assertEquals(
                "7 ActivityTaskTimedOut (TimeoutType=START_TO_CLOSE, ScheduledEventId=5, StartedEventId=6)",
                t.rendered(run).get(6));

        t.decide(t.decisionTask(), EngineTesting.complete("gave up"));
        WorkflowExecution second = t.start("w2");
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                        .scheduleActivityTaskDecisionAttributes(
                                a -> a.activityType(ACTIVITY).activityId("b").scheduleToCloseTimeout("90"))
                        .build());
        t.advance(Duration.ofSeconds(50));
        t.activityTask();
        t.advance(Duration.ofSeconds(40));
        assertEquals(
                "7 ActivityTaskTimedOut (TimeoutType=SCHEDULE_TO_CLOSE, ScheduledEventId=5, StartedEventId=6)",
                t.rendered(second).get(6));
    }

    @Test
    void heartbeatTimeoutKeepsTheLastDetails() {
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                        .scheduleActivityTaskDecisionAttributes(
                                a -> a.activityType(ACTIVITY).activityId("a").heartbeatTimeout("10"))
                        .build());
        PollForActivityTaskResponse task = t.activityTask();
        t.advance(Duration.ofSeconds(8));
        t.swf.recordActivityTaskHeartbeat(r -> r.taskToken(task.taskToken()).details("half"));
        t.advance(Duration.ofSeconds(8));
        t.swf.recordActivityTaskHeartbeat(r -> r.taskToken(task.taskToken()).details("most"));
        t.advance(Duration.ofSeconds(9));
        assertEquals(6, t.rendered(run).size(), "heartbeats kept it alive");
        t.advance(Duration.ofSeconds(1));
        assertEquals(
                "7 ActivityTaskTimedOut (TimeoutType=HEARTBEAT, ScheduledEventId=5, StartedEventId=6,"
                        + " Details=most)",
                t.rendered(run).get(6));
        assertEquals(T0.plusSeconds(26), t.history(run).get(6).eventTimestamp());
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown activity task token: the task is closed (completed, failed, canceled or timed out), its"
                        + " execution is closed, or the token was never issued",
                () -> t.swf.recordActivityTaskHeartbeat(r -> r.taskToken(task.taskToken())));
    }

    @Test
    void higherPriorityActivitiesAreHandedOutFirst() {
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                withPriority("p0", null),
                withPriority("p5", "5"),
                withPriority("p-1", "-1"),
                withPriority("p5b", "5"));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(t.activityTask().activityId());
        }
        assertEquals(List.of("p5", "p5b", "p0", "p-1"), order);
        assertEquals(4, counts(run).openActivityTasks());
    }

    private static Decision withPriority(String activityId, String priority) {
        return Decision.builder()
                .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                .scheduleActivityTaskDecisionAttributes(
                        a -> a.activityType(ACTIVITY).activityId(activityId).taskPriority(priority))
                .build();
    }

    @Test
    void closingTheExecutionInvalidatesItsActivityTokens() {
        scheduled();
        PollForActivityTaskResponse task = t.activityTask();
        t.swf.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w"));
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown activity task token: the task is closed (completed, failed, canceled or timed out), its"
                        + " execution is closed, or the token was never issued",
                () -> t.swf.respondActivityTaskCompleted(r -> r.taskToken(task.taskToken())));
    }

    @Test
    void latestActivityTaskTimestampFollowsActivityEvents() {
        WorkflowExecution run = scheduled();
        assertEquals(
                T0,
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                        .latestActivityTaskTimestamp());
        t.advance(Duration.ofSeconds(5));
        PollForActivityTaskResponse task = t.activityTask();
        t.advance(Duration.ofSeconds(5));
        t.swf.respondActivityTaskCompleted(r -> r.taskToken(task.taskToken()));
        assertEquals(
                T0.plusSeconds(10),
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                        .latestActivityTaskTimestamp());
    }
}
