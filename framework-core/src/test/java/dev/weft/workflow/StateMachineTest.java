package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Activity;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.StateMachines;
import dev.weft.internal.replay.WorkflowImplementations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * Drives every transition of the decider's state machines, each through the history SWF records
 * for it (the engine's, with races set up between a decision and its response), and fails if one
 * is left unexercised. It also keeps the machines' diagrams in {@code docs/diagrams} up to date.
 */
final class StateMachineTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Work {
        String ok(String x);

        String fail(String x);

        @Activity(startToCloseTimeout = "5s")
        String hold(String x);

        @Activity(scheduleToStartTimeout = "10s")
        String queued(String x);
    }

    public static final class WorkImpl implements Work {
        @Override
        public String ok(String x) {
            return x;
        }

        @Override
        public String fail(String x) {
            throw new IllegalStateException("no " + x);
        }

        @Override
        public String hold(String x) {
            throw new WorkflowTesting.ManualCompletion();
        }

        @Override
        public String queued(String x) {
            return x;
        }
    }

    /** Never registered with SWF: scheduling it fails. */
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Missing {
        String nothing(String x);
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Kid {
        @WorkflowMethod
        String run(String mode);

        @SignalMethod
        void poke();
    }

    public static final class KidImpl implements Kid {
        @Override
        public String run(String mode) {
            switch (mode) {
                case "fail" -> throw ApplicationFailure.newFailure("kid failed", "KidFailed");
                case "sleep" -> Workflow.sleep(Duration.ofHours(1));
                case "lambda" -> {
                    try {
                        Workflow.callLambda("upper", "x", String.class);
                    } catch (ApplicationFailure e) {
                        return e.getType();
                    }
                }
                default -> {}
            }
            return mode;
        }

        @Override
        public void poke() {}
    }

    /** Not registered with SWF: starting it as a child fails. */
    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Unregistered {
        @WorkflowMethod
        void run();
    }

    @dev.weft.annotations.Workflow(
            version = "1",
            executionStartToCloseTimeout = "1d",
            lambdaRole = "arn:aws:iam::123456789012:role/lambda")
    public interface Machines {
        @WorkflowMethod
        String run(String mode);

        @SignalMethod
        void finish();
    }

    public static final class MachinesImpl implements Machines {
        private final Work work = Workflow.newActivityStub(Work.class);
        private final Missing missing = Workflow.newActivityStub(Missing.class);
        private boolean finished;

        @Override
        public void finish() {
            finished = true;
        }

        private void awaitFinish() {
            Workflow.await(() -> finished);
        }

        /** Runs {@code start} in a scope and returns the scope, to be canceled. */
        private static CancellationScope scope(Runnable start) {
            CancellationScope s = Workflow.newCancellationScope(start);
            s.run();
            return s;
        }

        private static String outcome(Promise<?> p) {
            try {
                p.get();
                return "ok";
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName();
            }
        }

        @Override
        public String run(String mode) {
            switch (mode) {
                case "activities" -> {
                    List<String> out = new ArrayList<>();
                    out.add(work.ok("a"));
                    out.add(outcome(Async.function(work::fail, "b")));
                    out.add(outcome(Async.function(work::hold, "c")));
                    out.add(outcome(Async.function(missing::nothing, "d")));
                    return String.join(",", out);
                }
                case "queued" -> {
                    return outcome(Async.function(work::queued, "q"));
                }
                case "cancelInBatch" -> {
                    scope(() -> Async.function(work::ok, "x")).cancel();
                    scope(() -> Async.function(missing::nothing, "y")).cancel();
                    Workflow.sleep(Duration.ofSeconds(1));
                    return "done";
                }
                case "cancelLater" -> {
                    // runActivities off: the activity waits; the held one is started by the harness.
                    CancellationScope s = scope(() -> Async.function(work::ok, "x"));
                    Workflow.sleep(Duration.ofSeconds(1));
                    s.cancel();
                    awaitFinish();
                    return "done";
                }
                case "cancelHeld" -> {
                    CancellationScope s = scope(() -> Async.function(work::hold, "x"));
                    Workflow.sleep(Duration.ofSeconds(1));
                    s.cancel();
                    awaitFinish();
                    return "done";
                }
                case "held" -> {
                    Promise<String> p = Async.function(work::hold, "x");
                    awaitFinish();
                    return outcome(p);
                }
                case "timers" -> {
                    CancellationScope later = scope(() -> Workflow.newTimer(Duration.ofHours(1)));
                    scope(() -> Workflow.newTimer(Duration.ofHours(1))).cancel();
                    Workflow.sleep(Duration.ofSeconds(1));
                    later.cancel();
                    Workflow.sleep(Duration.ofSeconds(1));
                    return "done";
                }
                case "timerRace" -> {
                    CancellationScope s = scope(() -> Workflow.newTimer(Duration.ofSeconds(2)));
                    Workflow.sleep(Duration.ofSeconds(1));
                    s.cancel();
                    awaitFinish();
                    return "done";
                }
                case "timerLimit" -> {
                    for (int i = 0; i < 1000; i++) {
                        Workflow.newTimer(Duration.ofHours(1));
                    }
                    Promise<Void> refused = Workflow.newTimer(Duration.ofHours(1));
                    scope(() -> Workflow.newTimer(Duration.ofHours(1))).cancel();
                    work.ok("a next decision, to see the refusals"); // No timer: there is no room for one.
                    return outcome(refused);
                }
                case "children" -> {
                    List<String> out = new ArrayList<>();
                    out.add(Workflow.newChildWorkflowStub(Kid.class).run("ok"));
                    out.add(outcome(Async.function(Workflow.newChildWorkflowStub(Kid.class)::run, "fail")));
                    Kid slow = Workflow.newChildWorkflowStub(
                            Kid.class,
                            ChildWorkflowOptions.newBuilder()
                                    .executionStartToCloseTimeout(Duration.ofSeconds(1))
                                    .build());
                    out.add(outcome(Async.function(slow::run, "sleep")));
                    out.add(outcome(Async.procedure(Workflow.newChildWorkflowStub(Unregistered.class)::run)));
                    Kid dup = Workflow.newChildWorkflowStub(
                            Kid.class,
                            ChildWorkflowOptions.newBuilder().workflowId("dup").build());
                    out.add(outcome(Async.function(dup::run, "ok")));
                    return String.join(",", out);
                }
                case "cancelChild" -> {
                    Kid kid = Workflow.newChildWorkflowStub(Kid.class);
                    List<Promise<String>> result = new ArrayList<>();
                    CancellationScope s = scope(() -> result.add(Async.function(kid::run, "sleep")));
                    Workflow.getWorkflowExecution(kid).get();
                    s.cancel();
                    Workflow.sleep(Duration.ofSeconds(10));
                    return outcome(result.get(0));
                }
                case "terminatedChild" -> {
                    Kid kid = Workflow.newChildWorkflowStub(
                            Kid.class,
                            ChildWorkflowOptions.newBuilder()
                                    .workflowId("kid-term")
                                    .build());
                    return outcome(Async.function(kid::run, "sleep"));
                }
                case "external" -> {
                    List<String> out = new ArrayList<>();
                    out.add(outcome(Async.procedure(Workflow.newExternalWorkflowStub(Kid.class, "dup")::poke)));
                    out.add(outcome(Async.procedure(Workflow.newExternalWorkflowStub(Kid.class, "nobody")::poke)));
                    out.add(outcome(Workflow.requestCancelWorkflow("nobody", null)));
                    return String.join(",", out);
                }
                case "lambdas" -> {
                    List<String> out = new ArrayList<>();
                    out.add(Workflow.callLambda("upper", "x", String.class));
                    out.add(outcome(Workflow.callLambdaAsync("boom", "x", String.class, null)));
                    List<Promise<String>> many = new ArrayList<>();
                    for (int i = 0; i < 51; i++) {
                        many.add(Workflow.callLambdaAsync("upper", "x" + i, String.class, null));
                    }
                    out.add(outcome(many.get(50)));
                    Kid noRole = Workflow.newChildWorkflowStub(
                            Kid.class,
                            ChildWorkflowOptions.newBuilder()
                                    .lambdaRole("not-a-role")
                                    .build());
                    out.add(noRole.run("lambda"));
                    Workflow.sideEffect(String.class, () -> "recorded");
                    Workflow.sleep(Duration.ofSeconds(1));
                    return String.join(",", out);
                }
                case "lambdaTimeout" -> {
                    return outcome(Workflow.callLambdaAsync("block", "x", String.class, Duration.ofSeconds(1)));
                }
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    private static final CountDownLatch BLOCKED_LAMBDA = new CountDownLatch(1);

    private static WorkflowTesting testing() {
        return new WorkflowTesting(b -> b.lambdaFunction("upper", in -> in.toUpperCase(java.util.Locale.ROOT))
                        .lambdaFunction("boom", in -> {
                            throw new IllegalArgumentException("boom");
                        })
                        .lambdaFunction("block", in -> {
                            BLOCKED_LAMBDA.await(10, TimeUnit.SECONDS);
                            return in;
                        }))
                .workflows(MachinesImpl.class, KidImpl.class)
                .activities(new WorkImpl());
    }

    private static void finish(WorkflowTesting t, WorkflowExecution run) {
        t.signal(run, "finish");
        t.run();
    }

    @BeforeAll
    static void forgetEarlierTests() {
        StateMachines.reset();
    }

    @Test
    void activitiesComplete_fail_timeOut_andFailToBeScheduled() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "activities");
            t.run();
            assertEquals("a,ActivityFailure,ActivityFailure,ActivityFailure", t.result(run, String.class));
        }
    }

    @Test
    void anActivityNoWorkerTakesTimesOutBeforeItStarts() {
        try (WorkflowTesting t = testing()) {
            t.runActivities = false;
            WorkflowExecution run = t.start(Machines.class, "m", "queued");
            t.run();
            assertEquals("ActivityFailure", t.result(run, String.class));
        }
    }

    @Test
    void activitiesCanceledInTheDecisionThatScheduledThem() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "cancelInBatch");
            t.run();
            assertEquals("done", t.result(run, String.class));
            assertEquals(1, t.events(run, EventType.ACTIVITY_TASK_CANCELED).size());
            assertEquals(
                    1,
                    t.events(run, EventType.REQUEST_CANCEL_ACTIVITY_TASK_FAILED).size());
        }
    }

    @Test
    void anActivityCanceledBeforeAWorkerTookIt() {
        try (WorkflowTesting t = testing()) {
            t.runActivities = false;
            WorkflowExecution run = t.start(Machines.class, "m", "cancelLater");
            t.run(Duration.ofSeconds(5));
            finish(t, run);
            assertEquals("done", t.result(run, String.class));
        }
    }

    /** The held activity's task token, once the harness has started it. */
    private static String held(WorkflowTesting t) {
        return t.heldTasks.values().iterator().next();
    }

    private static void cancelHeldThen(Consumer<WorkflowTesting> end) {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "cancelHeld");
            t.run(Duration.ofSeconds(2));
            assertEquals(
                    1, t.events(run, EventType.ACTIVITY_TASK_CANCEL_REQUESTED).size());
            end.accept(t);
            t.run(Duration.ofSeconds(10));
            finish(t, run);
            assertEquals("done", t.result(run, String.class));
        }
    }

    @Test
    void aStartedActivityAskedToCancelCompletesFailsIsCanceledOrTimesOut() {
        cancelHeldThen(t ->
                t.engine.respondActivityTaskCompleted(r -> r.taskToken(held(t)).result("\"late\"")));
        cancelHeldThen(t ->
                t.engine.respondActivityTaskFailed(r -> r.taskToken(held(t)).reason("late")));
        cancelHeldThen(t -> t.engine.respondActivityTaskCanceled(r -> r.taskToken(held(t))));
        cancelHeldThen(t -> {});
    }

    @Test
    void aWorkerCancelsAnActivityNobodyAskedToCancel() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "held");
            t.run(Duration.ZERO);
            t.engine.respondActivityTaskCanceled(r -> r.taskToken(held(t)));
            finish(t, run);
            assertEquals("ActivityFailure", t.result(run, String.class));
        }
    }

    /** The activity ends while the decision to cancel it is being made: the cancel fails first. */
    private static void cancelRace(String mode, boolean runActivities, Consumer<WorkflowTesting> race) {
        try (WorkflowTesting t = testing()) {
            t.runActivities = runActivities;
            WorkflowExecution run = t.start(Machines.class, "m", mode);
            t.run(Duration.ZERO);
            t.beforeRespond = () -> race.accept(t);
            t.run(Duration.ofSeconds(1));
            finish(t, run);
            assertEquals("done", t.result(run, String.class));
        }
    }

    @Test
    void anActivityThatEndsWhileItsCancelIsDecided() {
        cancelRace("cancelHeld", true, t -> t.engine.respondActivityTaskCompleted(r -> r.taskToken(held(t))));
        cancelRace("cancelHeld", true, t -> t.engine.respondActivityTaskFailed(r -> r.taskToken(held(t))));
        cancelRace("cancelHeld", true, t -> t.engine.respondActivityTaskCanceled(r -> r.taskToken(held(t))));
        cancelRace("cancelHeld", true, t -> t.engine.advance(Duration.ofSeconds(5)));
        cancelRace("cancelLater", false, WorkflowTesting::workOnce);
    }

    @Test
    void anActivityStartedWhileItsCancelIsDecided() {
        try (WorkflowTesting t = testing()) {
            t.runActivities = false;
            WorkflowExecution run = t.start(Machines.class, "m", "cancelHeld");
            t.run(Duration.ZERO);
            t.beforeRespond = t::workOnce;
            t.run(Duration.ofSeconds(10));
            finish(t, run);
            assertEquals("done", t.result(run, String.class));
        }
    }

    @Test
    void timersFireAndAreCanceledLaterOrAtOnce() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "timers");
            t.run();
            assertEquals("done", t.result(run, String.class));
            assertEquals(2, t.events(run, EventType.TIMER_CANCELED).size());
        }
    }

    @Test
    void aTimerThatFiresWhileItsCancelIsDecided() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "timerRace");
            t.run(Duration.ZERO);
            t.beforeRespond = () -> t.engine.advance(Duration.ofSeconds(1));
            t.run(Duration.ofSeconds(1));
            finish(t, run);
            assertEquals("done", t.result(run, String.class));
            assertEquals(
                    "TIMER_ID_UNKNOWN",
                    t.events(run, EventType.CANCEL_TIMER_FAILED)
                            .get(0)
                            .cancelTimerFailedEventAttributes()
                            .causeAsString());
        }
    }

    @Test
    void timersOverSwfsLimitFailToStart() {
        try (WorkflowTesting t = testing()) {
            t.checkReplay = false; // 11 decisions over histories of thousands of events: the final replay suffices.
            WorkflowExecution run = t.start(Machines.class, "m", "timerLimit");
            t.run(Duration.ofMinutes(1));
            assertEquals("ApplicationFailure", t.result(run, String.class));
            assertEquals(2, t.events(run, EventType.START_TIMER_FAILED).size());
        }
    }

    @Test
    void childrenCompleteFailTimeOutAndFailToStart() {
        try (WorkflowTesting t = testing()) {
            t.start(Kid.class, "dup", "sleep");
            WorkflowExecution run = t.start(Machines.class, "m", "children");
            t.run(Duration.ofMinutes(1));
            assertEquals(
                    "ok,ChildWorkflowFailure,ChildWorkflowFailure,ChildWorkflowFailure,ChildWorkflowFailure",
                    t.result(run, String.class));
        }
    }

    @Test
    void aChildIsCanceledOrTerminated() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "cancelChild");
            t.run();
            assertEquals("ChildWorkflowFailure", t.result(run, String.class));
            assertEquals(
                    1,
                    t.events(run, EventType.CHILD_WORKFLOW_EXECUTION_CANCELED).size());
        }
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "terminatedChild");
            t.run(Duration.ZERO);
            t.engine.terminateWorkflowExecution(
                    r -> r.domain(WorkflowTesting.DOMAIN).workflowId("kid-term"));
            t.run();
            assertEquals("ChildWorkflowFailure", t.result(run, String.class));
        }
    }

    @Test
    void signalsAndCancelRequestsToOtherExecutionsAreDeliveredOrFail() {
        try (WorkflowTesting t = testing()) {
            t.start(Kid.class, "dup", "sleep");
            WorkflowExecution run = t.start(Machines.class, "m", "external");
            t.run(Duration.ofMinutes(1));
            assertEquals("ok,ApplicationFailure,ApplicationFailure", t.result(run, String.class));
        }
    }

    @Test
    void lambdaFunctionsCompleteFailAndFailToBeScheduledOrStarted() {
        try (WorkflowTesting t = testing()) {
            WorkflowExecution run = t.start(Machines.class, "m", "lambdas");
            t.run();
            assertEquals("X,ApplicationFailure,ApplicationFailure,ASSUME_ROLE_FAILED", t.result(run, String.class));
        }
    }

    @Test
    void aLambdaFunctionTimesOut() {
        try (WorkflowTesting t = testing()) {
            t.waitForLambdas = false;
            WorkflowExecution run = t.start(Machines.class, "m", "lambdaTimeout");
            t.run(Duration.ZERO);
            t.engine.advance(Duration.ofSeconds(1));
            BLOCKED_LAMBDA.countDown();
            t.run();
            assertEquals("TimeoutFailure", t.result(run, String.class));
        }
    }

    /** SWF records RecordMarkerFailed only for IAM reasons the engine does not have: a history written by hand. */
    @Test
    void aMarkerSwfRefusedReplays() {
        WorkflowType type = WorkflowType.builder().name("Machines").version("1").build();
        List<HistoryEvent> h = new ArrayList<>();
        Instant at = WorkflowTesting.T0;
        h.add(HistoryEvent.builder()
                .eventId(1L)
                .eventTimestamp(at)
                .eventType(EventType.WORKFLOW_EXECUTION_STARTED)
                .workflowExecutionStartedEventAttributes(a -> a.workflowType(type)
                        .input("[\"lambdas\"]")
                        .taskList(l -> l.name("decisions"))
                        .childPolicy("TERMINATE"))
                .build());
        h.add(HistoryEvent.builder()
                .eventId(2L)
                .eventTimestamp(at)
                .eventType(EventType.DECISION_TASK_SCHEDULED)
                .decisionTaskScheduledEventAttributes(a -> a.taskList(l -> l.name("decisions")))
                .build());
        h.add(HistoryEvent.builder()
                .eventId(3L)
                .eventTimestamp(at)
                .eventType(EventType.DECISION_TASK_STARTED)
                .decisionTaskStartedEventAttributes(a -> a.scheduledEventId(2L))
                .build());
        h.add(HistoryEvent.builder()
                .eventId(4L)
                .eventTimestamp(at)
                .eventType(EventType.DECISION_TASK_COMPLETED)
                .decisionTaskCompletedEventAttributes(
                        a -> a.scheduledEventId(2L).startedEventId(3L))
                .build());
        h.add(HistoryEvent.builder()
                .eventId(5L)
                .eventTimestamp(at)
                .eventType(EventType.RECORD_MARKER_FAILED)
                .recordMarkerFailedEventAttributes(a -> a.markerName("weft-side-effect")
                        .cause("OPERATION_NOT_PERMITTED")
                        .decisionTaskCompletedEventId(4L))
                .build());
        h.add(HistoryEvent.builder()
                .eventId(6L)
                .eventTimestamp(at)
                .eventType(EventType.DECISION_TASK_SCHEDULED)
                .decisionTaskScheduledEventAttributes(a -> a.taskList(l -> l.name("decisions")))
                .build());
        h.add(HistoryEvent.builder()
                .eventId(7L)
                .eventTimestamp(at)
                .eventType(EventType.DECISION_TASK_STARTED)
                .decisionTaskStartedEventAttributes(a -> a.scheduledEventId(6L))
                .build());
        WorkflowImplementations impls = new WorkflowImplementations().add(SideEffectOnly.class);
        ReplayDecider d = new ReplayDecider(impls, DeciderOptions.DEFAULT, "d");
        try {
            d.decide(new ReplayDecider.DecisionTask(
                    WorkflowExecution.builder().workflowId("w").runId("r").build(), type, 7, 3, h));
        } finally {
            d.close();
        }
        assertTrue(StateMachines.exercised().contains("MarkerMachine: CREATED --FAILED--> FAILED"));
    }

    public static final class SideEffectOnly implements Machines {
        @Override
        public String run(String mode) {
            Workflow.sideEffect(String.class, () -> "never recorded");
            Workflow.await(() -> false);
            return mode;
        }

        @Override
        public void finish() {}
    }

    /** Regenerate with {@code -Dweft.diagrams.update=true}. */
    @Test
    void theDiagramsInTheDocsAreCurrent() throws IOException {
        Path dir = docs().resolve("diagrams");
        boolean update = Boolean.getBoolean("weft.diagrams.update");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> d : StateMachines.diagrams().entrySet()) {
            Path file = dir.resolve(d.getKey() + ".puml");
            String current = Files.exists(file) ? Files.readString(file) : null;
            if (!d.getValue().equals(current)) {
                if (update) {
                    Files.createDirectories(dir);
                    Files.writeString(file, d.getValue());
                } else {
                    stale.add(file.toString());
                }
            }
        }
        assertEquals(
                List.of(),
                stale,
                "diagrams out of date with the transition tables: run ./mvnw test -pl framework-annotations,framework-core"
                        + " -Dtest=StateMachineTest -Dweft.diagrams.update=true");
    }

    @AfterAll
    static void everyTransitionWasExercised() {
        Set<String> missed = new TreeSet<>(StateMachines.all());
        missed.removeAll(StateMachines.exercised());
        assertEquals(Set.of(), missed, "transitions no scenario exercised");
    }

    /** The repository's docs folder: the test runs in framework-core. */
    private static Path docs() {
        return Path.of("").toAbsolutePath().getParent().resolve("docs");
    }
}
