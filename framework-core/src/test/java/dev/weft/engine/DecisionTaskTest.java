package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.cancel;
import static dev.weft.engine.EngineTesting.complete;
import static dev.weft.engine.EngineTesting.continueAsNew;
import static dev.weft.engine.EngineTesting.fail;
import static dev.weft.engine.EngineTesting.list;
import static dev.weft.engine.EngineTesting.marker;
import static dev.weft.engine.EngineTesting.scheduleActivity;
import static dev.weft.engine.EngineTesting.startTimer;
import static dev.weft.engine.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class DecisionTaskTest {
    private static final String SCHEDULED =
            "DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30, ScheduleToStartTimeout=NONE)";

    private final EngineTesting t;

    DecisionTaskTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        t.close();
    }

    private void signal(String workflowId, String name) {
        t.swf.signalWorkflowExecution(
                r -> r.domain(DOMAIN).workflowId(workflowId).signalName(name));
    }

    private int openDecisionTasks(WorkflowExecution run) {
        return t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                .openCounts()
                .openDecisionTasks();
    }

    @Test
    void eventsArrivingDuringADecisionAreBatchedIntoOneNextTask() {
        WorkflowExecution run = t.start("w");
        PollForDecisionTaskResponse first = t.decisionTask();
        signal("w", "s1");
        signal("w", "s2");
        assertEquals(1, openDecisionTasks(run));
        // Only one decision task is handed out at a time.
        assertTrue(t.pollDecision().taskToken().isEmpty());

        t.decide(first);
        PollForDecisionTaskResponse second = t.decisionTask();
        assertEquals(8, second.startedEventId());
        assertEquals(3, second.previousStartedEventId());
        t.assertHistory(
                run,
                "1 WorkflowExecutionStarted (Input=in, ExecutionStartToCloseTimeout=3600, TaskStartToCloseTimeout=30,"
                        + " ChildPolicy=TERMINATE, TaskList=TaskList(Name=decisions),"
                        + " WorkflowType=WorkflowType(Name=Order, Version=1), ParentInitiatedEventId=0)",
                "2 " + SCHEDULED,
                "3 DecisionTaskStarted (Identity=decider, ScheduledEventId=2)",
                "4 WorkflowExecutionSignaled (SignalName=s1, ExternalInitiatedEventId=0)",
                "5 " + SCHEDULED,
                "6 WorkflowExecutionSignaled (SignalName=s2, ExternalInitiatedEventId=0)",
                "7 DecisionTaskCompleted (ScheduledEventId=2, StartedEventId=3)",
                "8 DecisionTaskStarted (Identity=decider, ScheduledEventId=5)");
        assertEquals(t.history(run).subList(0, 8), second.events());
    }

    @Test
    void firstDecisionTaskHasNoPreviousStartedEvent() {
        t.start("w");
        PollForDecisionTaskResponse task = t.decisionTask();
        assertEquals(0, task.previousStartedEventId());
        assertEquals(3, task.startedEventId());
        assertEquals("w", task.workflowExecution().workflowId());
        assertEquals(EngineTesting.WORKFLOW, task.workflowType());
        assertEquals(3, task.events().size());
        assertNull(task.nextPageToken());
    }

    @Test
    void emptyPollReturnsAnEmptyToken() {
        PollForDecisionTaskResponse empty = t.pollDecision();
        assertEquals("", empty.taskToken());
        assertEquals(0, empty.startedEventId());
        assertEquals(0, empty.previousStartedEventId());
        assertFalse(empty.hasEvents());
        assertNull(empty.workflowExecution());
    }

    static List<Decision> closingDecisions() {
        return List.of(complete("r"), fail("why", "details"), cancel("details"), continueAsNew("again"));
    }

    @ParameterizedTest
    @MethodSource("closingDecisions")
    void closeDecisionFailsAsUnhandledWhenEventsArrivedDuringTheDecision(Decision close) {
        WorkflowExecution run = t.start("w");
        PollForDecisionTaskResponse task = t.decisionTask();
        signal("w", "late");
        t.decide(task, close);

        List<HistoryEvent> history = t.history(run);
        assertEquals(7, history.size());
        String type = close.decisionTypeAsString();
        assertEquals(
                "7 " + type + "Failed (Cause=UNHANDLED_DECISION, DecisionTaskCompletedEventId=6)",
                Histories.render(history.get(6)));
        // The decision task scheduled for the signal is handed out next.
        PollForDecisionTaskResponse next = t.decisionTask();
        assertEquals(5, next.events().get(4).eventId());
        assertEquals(3, next.previousStartedEventId());
        t.decide(next, complete("done"));
        assertEquals(
                "10 WorkflowExecutionCompleted (Result=done, DecisionTaskCompletedEventId=9)",
                Histories.render(t.history(run).get(9)));
    }

    @Test
    void decisionFailuresScheduleOneNewDecisionTask() {
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                EngineTesting.cancelTimer("no-such-timer"),
                EngineTesting.cancelActivity("no-such-activity"));
        t.assertHistory(
                run,
                t.rendered(run).get(0),
                "2 " + SCHEDULED,
                "3 DecisionTaskStarted (Identity=decider, ScheduledEventId=2)",
                "4 DecisionTaskCompleted (ScheduledEventId=2, StartedEventId=3)",
                "5 CancelTimerFailed (TimerId=no-such-timer, Cause=TIMER_ID_UNKNOWN, DecisionTaskCompletedEventId=4)",
                "6 RequestCancelActivityTaskFailed (ActivityId=no-such-activity, Cause=ACTIVITY_ID_UNKNOWN,"
                        + " DecisionTaskCompletedEventId=4)",
                "7 " + SCHEDULED);
    }

    @Test
    void decisionsThatNeedNoAnswerScheduleNoDecisionTask() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), marker("m", "d"), startTimer("t", "10"), scheduleActivity("a", "x"));
        assertEquals(
                "5 MarkerRecorded (MarkerName=m, Details=d, DecisionTaskCompletedEventId=4)",
                t.rendered(run).get(4));
        assertEquals(7, t.history(run).size());
        assertEquals(0, openDecisionTasks(run));
        assertTrue(t.pollDecision().taskToken().isEmpty());
    }

    @Test
    void startedDecisionTaskTimesOutAndIsScheduledAgain() {
        WorkflowExecution run = t.start("w");
        PollForDecisionTaskResponse task = t.decisionTask();
        t.advance(Duration.ofSeconds(29));
        assertTrue(t.pollDecision().taskToken().isEmpty());
        t.advance(Duration.ofSeconds(1));

        List<String> history = t.rendered(run);
        assertEquals(
                List.of(
                        "4 DecisionTaskTimedOut (TimeoutType=START_TO_CLOSE, ScheduledEventId=2, StartedEventId=3)",
                        "5 " + SCHEDULED),
                history.subList(3, 5));
        assertEquals(EngineTesting.T0.plusSeconds(30), t.history(run).get(3).eventTimestamp());
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                "Unknown decision task",
                () -> t.decide(task, complete("too late")));

        PollForDecisionTaskResponse retry = t.decisionTask();
        assertEquals(0, retry.previousStartedEventId(), "the timed-out task was never processed");
        assertEquals(6, retry.startedEventId());
    }

    @Test
    void overrideWithScheduleToStartTimeoutFallsBackToTheOriginalTaskList() {
        WorkflowExecution run = t.start("w");
        t.swf.respondDecisionTaskCompleted(r -> r.taskToken(t.decisionTask().taskToken())
                .taskList(list("sticky"))
                .taskListScheduleToStartTimeout("5"));
        signal("w", "s");
        assertTrue(t.pollDecision().taskToken().isEmpty(), "the next task waits on the override list");
        t.advance(Duration.ofSeconds(5));

        assertEquals(
                List.of(
                        "4 DecisionTaskCompleted (ScheduledEventId=2, StartedEventId=3,"
                                + " TaskList=TaskList(Name=sticky), TaskListScheduleToStartTimeout=5)",
                        "5 WorkflowExecutionSignaled (SignalName=s, ExternalInitiatedEventId=0)",
                        "6 DecisionTaskScheduled (TaskList=TaskList(Name=sticky), StartToCloseTimeout=30,"
                                + " ScheduleToStartTimeout=5)",
                        "7 DecisionTaskTimedOut (TimeoutType=SCHEDULE_TO_START, ScheduledEventId=6,"
                                + " StartedEventId=0)",
                        "8 " + SCHEDULED),
                t.rendered(run).subList(3, 8));
        assertTrue(t.pollDecision("sticky").taskToken().isEmpty());
        assertEquals(9, t.decisionTask().startedEventId());
    }

    @Test
    void overrideWithoutTimeoutIsPermanent() {
        WorkflowExecution run = t.start("w");
        t.swf.respondDecisionTaskCompleted(
                r -> r.taskToken(t.decisionTask().taskToken()).taskList(list("sticky")));
        for (int i = 0; i < 2; i++) {
            signal("w", "s" + i);
            t.advance(Duration.ofMinutes(10));
            assertTrue(t.pollDecision().taskToken().isEmpty());
            PollForDecisionTaskResponse task = t.pollDecision("sticky");
            assertEquals(run, task.workflowExecution());
            t.decide(task);
        }
        assertEquals(
                "6 DecisionTaskScheduled (TaskList=TaskList(Name=sticky), StartToCloseTimeout=30,"
                        + " ScheduleToStartTimeout=NONE)",
                t.rendered(run).get(5));
    }

    @Test
    void startAtPreviousStartedEventReturnsOnlyWhatIsNew() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), marker("m1", null), marker("m2", null));
        signal("w", "s");
        PollForDecisionTaskResponse task = t.swf.pollForDecisionTask(
                r -> r.domain(DOMAIN).taskList(list("decisions")).startAtPreviousStartedEvent(true));
        assertEquals(3, task.previousStartedEventId());
        assertEquals(
                List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L),
                task.events().stream().map(HistoryEvent::eventId).collect(Collectors.toList()));
        assertEquals(t.history(run).subList(2, 9), task.events());
    }

    @Test
    void longHistoryIsPagedWithinTheSameDecisionTask() {
        WorkflowExecution run = t.start("w");
        List<Decision> markers =
                IntStream.range(0, 20).mapToObj(i -> marker("m" + i, null)).collect(Collectors.toList());
        t.decide(t.decisionTask(), markers.toArray(new Decision[0]));
        signal("w", "s");
        List<HistoryEvent> all = t.history(run);
        assertEquals(26, all.size());

        for (boolean reverse : new boolean[] {false, true}) {
            if (reverse) {
                signal("w", "again");
            }
            List<HistoryEvent> paged = new ArrayList<>();
            PollForDecisionTaskResponse page = t.swf.pollForDecisionTask(r -> r.domain(DOMAIN)
                    .taskList(list("decisions"))
                    .maximumPageSize(10)
                    .reverseOrder(reverse));
            String token = page.taskToken();
            long started = page.startedEventId();
            int pages = 1;
            paged.addAll(page.events());
            while (page.nextPageToken() != null) {
                String next = page.nextPageToken();
                page = t.swf.pollForDecisionTask(r -> r.domain(DOMAIN)
                        .taskList(list("decisions"))
                        .maximumPageSize(10)
                        .reverseOrder(reverse)
                        .nextPageToken(next));
                assertEquals(token, page.taskToken(), "paging does not hand out a new task");
                assertEquals(started, page.startedEventId());
                paged.addAll(page.events());
                pages++;
            }
            List<HistoryEvent> expected = new ArrayList<>(t.history(run).subList(0, (int) started));
            if (reverse) {
                java.util.Collections.reverse(expected);
            }
            assertEquals(expected, paged);
            assertEquals((started + 9) / 10, pages);
            String done = token;
            t.swf.respondDecisionTaskCompleted(r -> r.taskToken(done));
        }
    }

    @Test
    void executionContextIsTheLatestOneGiven() {
        WorkflowExecution run = t.start("w");
        t.swf.respondDecisionTaskCompleted(
                r -> r.taskToken(t.decisionTask().taskToken()).executionContext("step-1"));
        signal("w", "s");
        t.decide(t.decisionTask());
        assertEquals(
                "step-1",
                t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                        .latestExecutionContext());
        assertEquals(
                "4 DecisionTaskCompleted (ExecutionContext=step-1, ScheduledEventId=2, StartedEventId=3)",
                t.rendered(run).get(3));
    }

    @Test
    void higherPriorityDecisionTasksAreHandedOutFirst() {
        t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                .workflowId("low")
                .workflowType(EngineTesting.WORKFLOW)
                .taskPriority("-3"));
        t.swf.startWorkflowExecution(r -> r.domain(DOMAIN).workflowId("plain").workflowType(EngineTesting.WORKFLOW));
        t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                .workflowId("high")
                .workflowType(EngineTesting.WORKFLOW)
                .taskPriority("7"));
        t.swf.startWorkflowExecution(r -> r.domain(DOMAIN).workflowId("plain2").workflowType(EngineTesting.WORKFLOW));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(t.decisionTask().workflowExecution().workflowId());
        }
        assertEquals(List.of("high", "plain", "plain2", "low"), order);
    }

    @Test
    void malformedDecisionListIsRejectedWholeAndTheTaskStaysUsable() {
        WorkflowExecution run = t.start("w");
        PollForDecisionTaskResponse task = t.decisionTask();
        List<HistoryEvent> before = t.history(run);
        SwfException fault = assertFault(
                SwfException.class,
                "ValidationException",
                "Close must be last decision in list (decision 2 of 3 is CompleteWorkflowExecution)",
                () -> t.decide(task, scheduleActivity("a", "x"), complete("r"), startTimer("t", "1")));
        assertEquals(SwfException.class, fault.getClass());
        assertEquals(before, t.history(run));
        assertFault(
                SwfException.class,
                "ValidationException",
                "2 validation errors detected: Value 'x:y' at"
                        + " 'decisions.1.member.startTimerDecisionAttributes.timerId' failed to satisfy constraint:"
                        + " Member must not contain ':', '/' or '|'; Value 'soon' at"
                        + " 'decisions.2.member.startTimerDecisionAttributes.startToFireTimeout' failed to satisfy"
                        + " constraint: Member must be a whole number of seconds (at most 8 digits)",
                () -> t.decide(task, startTimer("x:y", "1"), startTimer("t", "soon")));
        assertEquals(before, t.history(run));
        t.decide(task, complete("r"));
        assertEquals(
                "5 WorkflowExecutionCompleted (Result=r, DecisionTaskCompletedEventId=4)",
                Histories.render(t.history(run).get(4)));
    }
}
