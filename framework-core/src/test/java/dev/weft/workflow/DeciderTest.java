package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.ReplayDecider.DecisionResult;
import dev.weft.internal.replay.ReplayDecider.DecisionTask;
import dev.weft.internal.replay.WorkflowImplementations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/** The decider driven without polling: history in, decisions out. */
final class DeciderTest {
    @Activities(version = "2", startToCloseTimeout = "5m", taskList = "greetings")
    public interface Greeter {
        String greet(String name);
    }

    @dev.weft.annotations.Workflow(version = "1")
    public interface Hello {
        @WorkflowMethod
        String hello(String name);
    }

    public static final class HelloImpl implements Hello {
        @Override
        public String hello(String name) {
            return Workflow.newActivityStub(Greeter.class).greet(name) + "!";
        }
    }

    private static final WorkflowExecution RUN =
            WorkflowExecution.builder().workflowId("w").runId("r1").build();
    private static final WorkflowType TYPE =
            WorkflowType.builder().name("Hello").version("1").build();
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** A history written by hand, as SWF would record it. */
    private static final class History {
        final List<HistoryEvent> events = new ArrayList<>();

        History add(EventType type, java.util.function.Consumer<HistoryEvent.Builder> attributes) {
            HistoryEvent.Builder b = HistoryEvent.builder()
                    .eventId((long) events.size() + 1)
                    .eventType(type)
                    .eventTimestamp(T.plusSeconds(events.size()));
            attributes.accept(b);
            events.add(b.build());
            return this;
        }

        long last() {
            return events.size();
        }

        History started(String input) {
            return add(
                    EventType.WORKFLOW_EXECUTION_STARTED,
                    b -> b.workflowExecutionStartedEventAttributes(a -> a.input(input)
                            .workflowType(TYPE)
                            .taskList(t -> t.name("decisions"))
                            .childPolicy("TERMINATE")
                            .executionStartToCloseTimeout("3600")
                            .taskStartToCloseTimeout("30")));
        }

        History decisionTask() {
            long scheduled = last() + 1;
            add(
                    EventType.DECISION_TASK_SCHEDULED,
                    b -> b.decisionTaskScheduledEventAttributes(
                            a -> a.taskList(t -> t.name("decisions")).startToCloseTimeout("30")));
            return add(
                    EventType.DECISION_TASK_STARTED,
                    b -> b.decisionTaskStartedEventAttributes(a -> a.scheduledEventId(scheduled)));
        }

        History completed() {
            long started = last();
            return add(
                    EventType.DECISION_TASK_COMPLETED,
                    b -> b.decisionTaskCompletedEventAttributes(
                            a -> a.scheduledEventId(started - 1).startedEventId(started)));
        }
    }

    private ReplayDecider decider() {
        ReplayDecider d =
                new ReplayDecider(new WorkflowImplementations().add(HelloImpl.class), DeciderOptions.DEFAULT, "d");
        deciders.add(d);
        return d;
    }

    private final List<ReplayDecider> deciders = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeDeciders() {
        deciders.forEach(ReplayDecider::close);
    }

    @Test
    void theFirstDecisionSchedulesTheActivityWithItsAnnotatedDefaults() {
        History h = new History().started("[\"Ada\"]").decisionTask();
        DecisionResult r = decider().decide(new DecisionTask(RUN, TYPE, h.last(), 0, h.events));
        assertEquals(
                List.of(Decision.builder()
                        .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                        .scheduleActivityTaskDecisionAttributes(
                                a -> a.activityType(t -> t.name("Greeter.greet").version("2"))
                                        .activityId("1")
                                        .input("[\"Ada\"]")
                                        .taskList(t -> t.name("greetings"))
                                        .scheduleToStartTimeout("NONE")
                                        .startToCloseTimeout("300")
                                        .scheduleToCloseTimeout("NONE")
                                        .heartbeatTimeout("NONE"))
                        .build()),
                r.decisions());
        assertEquals(false, r.closing());
    }

    private static History throughActivity() {
        History h = new History().started("[\"Ada\"]").decisionTask().completed();
        long completed = h.last();
        h.add(
                EventType.ACTIVITY_TASK_SCHEDULED,
                b -> b.activityTaskScheduledEventAttributes(
                        a -> a.activityType(t -> t.name("Greeter.greet").version("2"))
                                .activityId("1")
                                .input("[\"Ada\"]")
                                .taskList(t -> t.name("greetings"))
                                .decisionTaskCompletedEventId(completed)));
        h.add(EventType.ACTIVITY_TASK_STARTED, b -> b.activityTaskStartedEventAttributes(a -> a.scheduledEventId(5L)));
        h.add(
                EventType.ACTIVITY_TASK_COMPLETED,
                b -> b.activityTaskCompletedEventAttributes(
                        a -> a.scheduledEventId(5L).startedEventId(6L).result("\"Hello, Ada\"")));
        return h.decisionTask();
    }

    @Test
    void aFreshDeciderReplaysTheHistoryAndCompletesWithTheResult() {
        History h = throughActivity();
        DecisionResult r = decider().decide(new DecisionTask(RUN, TYPE, h.last(), 3, h.events));
        assertEquals(
                List.of(Decision.builder()
                        .decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
                        .completeWorkflowExecutionDecisionAttributes(a -> a.result("\"Hello, Ada!\""))
                        .build()),
                r.decisions());
        assertTrue(r.closing());
    }

    @Test
    void aCachedDeciderTakesOnlyTheNewEvents() {
        History first = new History().started("[\"Ada\"]").decisionTask();
        ReplayDecider d = decider();
        d.decide(new DecisionTask(RUN, TYPE, first.last(), 0, first.events));
        assertEquals(3, d.eventsApplied());
        History h = throughActivity();
        List<HistoryEvent> fromPrevious = h.events.subList(2, h.events.size());
        DecisionResult r = d.decide(new DecisionTask(RUN, TYPE, h.last(), 3, fromPrevious));
        assertEquals(
                DecisionType.COMPLETE_WORKFLOW_EXECUTION, r.decisions().get(0).decisionType());
        assertEquals(3 + 6, d.eventsApplied(), "the six events after event 3, not the whole history again");
    }

    @Test
    void aTaskThatDoesNotContinueTheCachedRunIsRefused() {
        History first = new History().started("[\"Ada\"]").decisionTask();
        ReplayDecider d = decider();
        d.decide(new DecisionTask(RUN, TYPE, first.last(), 0, first.events));
        History h = throughActivity();
        ReplayDecider.StaleCacheException e = assertThrows(
                ReplayDecider.StaleCacheException.class,
                () -> d.decide(new DecisionTask(RUN, TYPE, h.last(), 0, h.events)));
        assertEquals("The decider of w/r1 decided at event 3, but the task continues from event 0", e.getMessage());
    }

    @Test
    void aNewDeciderNeedsTheFullHistory() {
        History h = throughActivity();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> decider().decide(new DecisionTask(RUN, TYPE, h.last(), 3, h.events.subList(2, 9))));
        assertEquals(
                "A new decider needs the run's full history, from its WorkflowExecutionStarted event, but this task's"
                        + " events start at event 3",
                e.getMessage());
    }

    @Test
    void anUnregisteredTypeIsNamed() {
        History h = new History().started("[\"Ada\"]").decisionTask();
        ReplayDecider d = new ReplayDecider(new WorkflowImplementations(), DeciderOptions.DEFAULT, "d");
        deciders.add(d);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> d.decide(new DecisionTask(RUN, TYPE, h.last(), 0, h.events)));
        assertEquals(
                "[SWF-1001] No implementation of workflow type Hello/1 is registered (run w/r1). Register a class"
                        + " implementing its @Workflow interface.",
                e.getMessage());
    }

    @Test
    void withTheCacheEachDecisionCostsWhatIsNewNotTheHistory() {
        try (WorkflowTesting t =
                new WorkflowTesting().workflows(ChainImpl.class).activities(new ChainActivitiesImpl())) {
            t.checkReplay = false;
            WorkflowExecution run = t.start(Chain.class, "chain", 60);
            t.run();
            assertEquals(60, (int) t.result(run, Integer.class));
            assertEquals(60, t.cacheHits, "every decision after the first came from the cache");
            assertEquals(
                    t.history(run).size() - 3 - 2,
                    t.cachedEventsApplied,
                    "each event was applied once: the first three by the fresh decider, the last two (the close"
                            + " decision's) by none, and the rest by cached ones");
        }
    }

    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface ChainActivities {
        int next(int i);
    }

    public static final class ChainActivitiesImpl implements ChainActivities {
        @Override
        public int next(int i) {
            return i + 1;
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1h")
    public interface Chain {
        @WorkflowMethod
        int run(int n);
    }

    public static final class ChainImpl implements Chain {
        private final ChainActivities a = Workflow.newActivityStub(ChainActivities.class);

        @Override
        public int run(int n) {
            int x = 0;
            for (int i = 0; i < n; i++) {
                x = a.next(x);
            }
            return x;
        }
    }
}
