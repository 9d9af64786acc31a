package dev.weft.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.Async;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Workers through transport errors, throttling and lost answers; registration that finds drifted types. */
final class ResilienceTest {
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Squares {
        int square(int x);
    }

    public static final class MathImpl implements Squares {
        final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

        @Override
        public int square(int x) {
            String key = dev.weft.activity.Activity.getExecutionContext()
                            .getWorkflowExecution()
                            .workflowId() + "/"
                    + dev.weft.activity.Activity.getExecutionContext().getActivityId();
            runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return x * x;
        }
    }

    /** Registered with SWF, implemented by no worker here. */
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Nobody {
        int nothing(int x);
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d")
    public interface Sums {
        @WorkflowMethod
        int sumOfSquares(int n);
    }

    public static final class SumsImpl implements Sums {
        private final Squares math = Workflow.newActivityStub(Squares.class);

        @Override
        public int sumOfSquares(int n) {
            if (n < 0) {
                try {
                    return Workflow.newActivityStub(Nobody.class).nothing(1);
                } catch (ActivityFailure e) {
                    throw dev.weft.workflow.ApplicationFailure.newFailure(
                            e.getCause().getMessage(), "Unserved");
                }
            }
            List<Promise<Integer>> parts = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                parts.add(Async.function(math::square, i));
            }
            int sum = 0;
            for (Promise<Integer> p : parts) {
                sum += p.get();
            }
            return sum + math.square(0);
        }
    }

    /**
     * An SwfClient that fails a share of calls, chosen by a seeded random: transport errors,
     * throttling and service errors before a call reaches SWF, and, for answers, after it did (the
     * answer is taken, but the caller hears a failure).
     */
    static SwfClient faulty(SwfClient swf, double share, long seed, AtomicInteger injected) {
        Random random = new Random(seed);
        return (SwfClient) Proxy.newProxyInstance(
                SwfClient.class.getClassLoader(),
                // Its polls are the engine's, on the caller's thread: interrupting them is as safe.
                new Class<?>[] {SwfClient.class, dev.weft.internal.spi.InterruptiblePolls.class},
                (proxy, m, args) -> {
                    String name = m.getName();
                    boolean call = name.startsWith("poll")
                            || name.startsWith("respond")
                            || name.startsWith("record")
                            || name.equals("getWorkflowExecutionHistory");
                    double draw;
                    int kind;
                    synchronized (random) {
                        draw = random.nextDouble();
                        kind = random.nextInt(4);
                    }
                    boolean fail = call && draw < share;
                    if (fail && (kind < 3 || name.startsWith("poll"))) {
                        injected.incrementAndGet();
                        throw switch (kind) {
                            case 0 -> SdkClientException.create("injected: connection reset");
                            case 1 ->
                                SwfException.builder()
                                        .statusCode(400)
                                        .awsErrorDetails(AwsErrorDetails.builder()
                                                .errorCode("ThrottlingException")
                                                .errorMessage("injected: rate exceeded")
                                                .build())
                                        .build();
                            default ->
                                SwfException.builder()
                                        .statusCode(500)
                                        .awsErrorDetails(AwsErrorDetails.builder()
                                                .errorCode("InternalFailure")
                                                .errorMessage("injected: internal failure")
                                                .build())
                                        .build();
                        };
                    }
                    Object result;
                    try {
                        result = m.invoke(swf, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (fail) {
                        injected.incrementAndGet();
                        throw SdkClientException.create("injected: the answer was taken, but its reply was lost");
                    }
                    return result;
                });
    }

    @Test
    void manyWorkflowsCompleteThroughInjectedFaultsWithNoActivityRunTwice() {
        MathImpl math = new MathImpl();
        AtomicInteger injected = new AtomicInteger();
        try (WorkerTesting t = new WorkerTesting()) {
            SwfClient swf = faulty(t.engine, 0.2, 42, injected);
            t.worker(swf, t.options().build(), List.of(SumsImpl.class), List.of(math))
                    .start();
            t.worker(swf, t.options().build(), List.of(SumsImpl.class), List.of(math))
                    .start();
            List<WorkflowExecution> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                runs.add(t.startWorkflow(Sums.class, "sums-" + i, 4));
            }
            for (WorkflowExecution run : runs) {
                assertEquals(30, (int) t.result(run, Integer.class));
                List<HistoryEvent> scheduled = t.events(run, EventType.ACTIVITY_TASK_SCHEDULED);
                List<HistoryEvent> completed = t.events(run, EventType.ACTIVITY_TASK_COMPLETED);
                assertEquals(5, scheduled.size(), run.workflowId());
                assertEquals(5, completed.size(), run.workflowId());
            }
            assertEquals(200, math.runs.size());
            assertTrue(math.runs.values().stream().allMatch(c -> c.get() == 1), "no activity ran twice");
            assertTrue(injected.get() > 100, "faults were injected: " + injected.get());
        }
    }

    @Test
    void anActivityTypeNoWorkerImplementsFailsWithItsName() {
        try (WorkerTesting t = new WorkerTesting()) {
            t.engine.registerActivityType(r -> r.domain(WorkerTesting.DOMAIN)
                    .name("Nobody.nothing")
                    .version("1")
                    .defaultTaskList(l -> l.name(WorkerTesting.TASKS)));
            Worker w = t.start(List.of(SumsImpl.class), List.of(new MathImpl()));
            WorkflowExecution run = t.startWorkflow(Sums.class, "unserved", -1);
            t.events.await(
                    () -> t.events(run, EventType.WORKFLOW_EXECUTION_FAILED).size() == 1, "the workflow to fail");
            HistoryEvent failed =
                    t.events(run, EventType.WORKFLOW_EXECUTION_FAILED).get(0);
            assertEquals(
                    "Unserved", failed.workflowExecutionFailedEventAttributes().reason());
            assertTrue(
                    failed.workflowExecutionFailedEventAttributes()
                            .details()
                            .contains("No implementation of activity type Nobody.nothing/1 is registered with worker "
                                    + w.getOptions().getIdentity()),
                    failed.workflowExecutionFailedEventAttributes().details());
        }
    }

    @Test
    void registeredDefaultsThatDifferFromTheAnnotationsAreReported() {
        try (WorkerTesting t = new WorkerTesting()) {
            t.engine.registerWorkflowType(r -> r.domain(WorkerTesting.DOMAIN)
                    .name("Sums")
                    .version("1")
                    .defaultTaskList(l -> l.name("elsewhere"))
                    .defaultTaskStartToCloseTimeout("60")
                    .defaultExecutionStartToCloseTimeout("86400")
                    .defaultChildPolicy("TERMINATE"));
            Worker strict =
                    t.worker(t.engine, t.options().failOnTypeDrift(true).build(), List.of(SumsImpl.class), List.of());
            IllegalStateException e = assertThrows(IllegalStateException.class, strict::start);
            assertEquals(
                    "Registered types differ from their annotations (failOnTypeDrift):\n"
                            + "    Workflow type Sums/1 is registered with defaults its annotations no longer give:"
                            + " defaultTaskList is elsewhere, the annotations say tasks; defaultTaskStartToCloseTimeout"
                            + " is 60, the annotations say 30. SWF types cannot change: register a new version to"
                            + " change its defaults (the calls Weft makes send the annotations' values anyway).",
                    e.getMessage());
            Worker lenient = t.worker(t.engine, t.options().build(), List.of(SumsImpl.class), List.of());
            lenient.start(); // The drift is logged as a warning.
        }
    }
}
