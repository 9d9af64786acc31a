package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.EngineTesting.cancelTimer;
import static dev.weft.engine.EngineTesting.startTimer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class TimerTest {
    private static final String NEXT_DECISION =
            "DecisionTaskScheduled (TaskList=TaskList(Name=decisions), StartToCloseTimeout=30, ScheduleToStartTimeout=NONE)";

    private final EngineTesting t;

    TimerTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private int openTimers(WorkflowExecution run) {
        return t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                .openCounts()
                .openTimers();
    }

    @Test
    void timerFiresAtItsInstantAndNotBefore() {
        WorkflowExecution run = t.start("w");
        t.decide(
                t.decisionTask(),
                Decision.builder()
                        .decisionType(DecisionType.START_TIMER)
                        .startTimerDecisionAttributes(
                                a -> a.timerId("t1").startToFireTimeout("1800").control("wake up"))
                        .build());
        assertEquals(1, openTimers(run));
        assertEquals(Optional.of(T0.plusSeconds(1800)), t.engine.nextDeadline());
        t.advance(Duration.ofSeconds(1799));
        assertEquals(5, t.history(run).size());
        t.advance(Duration.ofSeconds(1));
        assertEquals(
                List.of(
                        "5 TimerStarted (TimerId=t1, Control=wake up, StartToFireTimeout=1800,"
                                + " DecisionTaskCompletedEventId=4)",
                        "6 TimerFired (TimerId=t1, StartedEventId=5)",
                        "7 " + NEXT_DECISION),
                t.rendered(run).subList(4, 7));
        assertEquals(T0.plusSeconds(1800), t.history(run).get(5).eventTimestamp());
        assertEquals(0, openTimers(run));
    }

    @Test
    void timersFireInOrderEachAtItsOwnInstant() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), startTimer("late", "20"), startTimer("early", "10"));
        t.advance(Duration.ofHours(1));
        List<String> history = t.rendered(run);
        assertEquals("7 TimerFired (TimerId=early, StartedEventId=6)", history.get(6));
        assertEquals("8 " + NEXT_DECISION, history.get(7));
        assertEquals("9 TimerFired (TimerId=late, StartedEventId=5)", history.get(8));
        assertEquals(T0.plusSeconds(10), t.history(run).get(6).eventTimestamp());
        assertEquals(T0.plusSeconds(20), t.history(run).get(8).eventTimestamp());
    }

    @Test
    void zeroSecondTimerFiresWithoutTimeMoving() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), startTimer("now", "0"));
        t.advance(Duration.ZERO);
        assertEquals(
                "6 TimerFired (TimerId=now, StartedEventId=5)", t.rendered(run).get(5));
        assertEquals(T0, t.history(run).get(5).eventTimestamp());
    }

    @Test
    void canceledTimerNeverFires() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), startTimer("t1", "60"));
        t.swf.signalWorkflowExecution(r -> r.domain(DOMAIN).workflowId("w").signalName("hurry"));
        t.decide(t.decisionTask(), cancelTimer("t1"));
        t.advance(Duration.ofMinutes(30));
        List<String> history = t.rendered(run);
        assertEquals("10 TimerCanceled (TimerId=t1, StartedEventId=5, DecisionTaskCompletedEventId=9)", history.get(9));
        assertEquals(10, history.size(), "no TimerFired and no decision task after a cancel");
        assertTrue(t.pollDecision().taskToken().isEmpty());
        assertEquals(0, openTimers(run));
    }

    @Test
    void timerIdsMustBeUniqueAmongOpenTimersAndMayBeReusedAfterwards() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), startTimer("t1", "10"), startTimer("t1", "20"));
        assertEquals(
                List.of(
                        "5 TimerStarted (TimerId=t1, StartToFireTimeout=10, DecisionTaskCompletedEventId=4)",
                        "6 StartTimerFailed (TimerId=t1, Cause=TIMER_ID_ALREADY_IN_USE,"
                                + " DecisionTaskCompletedEventId=4)",
                        "7 " + NEXT_DECISION),
                t.rendered(run).subList(4, 7));
        t.advance(Duration.ofSeconds(10));
        t.decide(t.decisionTask(), startTimer("t1", "5"));
        assertEquals(
                List.of(
                        "8 TimerFired (TimerId=t1, StartedEventId=5)",
                        "9 DecisionTaskStarted (Identity=decider, ScheduledEventId=7)",
                        "10 DecisionTaskCompleted (ScheduledEventId=7, StartedEventId=9)",
                        "11 TimerStarted (TimerId=t1, StartToFireTimeout=5, DecisionTaskCompletedEventId=10)"),
                t.rendered(run).subList(7, 11));
    }

    @Test
    void cancellingAnUnknownTimerFails() {
        WorkflowExecution run = t.start("w");
        t.decide(t.decisionTask(), cancelTimer("nope"));
        assertEquals(
                List.of(
                        "5 CancelTimerFailed (TimerId=nope, Cause=TIMER_ID_UNKNOWN, DecisionTaskCompletedEventId=4)",
                        "6 " + NEXT_DECISION),
                t.rendered(run).subList(4, 6));
    }

    @Test
    void openTimersAreLimitedToAThousand() {
        WorkflowExecution run = t.start("w");
        Decision[] timers = new Decision[1001];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = startTimer("t" + i, "100");
        }
        t.decide(t.decisionTask(), timers);
        List<String> history = t.rendered(run);
        assertEquals(
                "1005 StartTimerFailed (TimerId=t1000, Cause=OPEN_TIMERS_LIMIT_EXCEEDED,"
                        + " DecisionTaskCompletedEventId=4)",
                history.get(1004));
        assertEquals(1000, openTimers(run));
    }

    @Test
    void nextDeadlineReportsOnlyWhatChangesHistories() {
        assertEquals(Optional.empty(), t.engine.nextDeadline());
        t.start("w");
        // Only the execution's own timeout is pending until its decision task starts.
        assertEquals(Optional.of(T0.plusSeconds(3600)), t.engine.nextDeadline());
        var task = t.decisionTask();
        assertEquals(Optional.of(T0.plusSeconds(30)), t.engine.nextDeadline());
        t.decide(task, startTimer("t", "7"));
        assertEquals(Optional.of(T0.plusSeconds(7)), t.engine.nextDeadline());
    }
}
