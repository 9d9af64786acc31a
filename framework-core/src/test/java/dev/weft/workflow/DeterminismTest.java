package dev.weft.workflow;

import static dev.weft.workflow.WorkflowTesting.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.weft.annotations.Activities;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * What workflow code uses instead of clocks, randomness and I/O: each gives the same answer on
 * every replay (the harness checks each decision against a fresh replay).
 */
final class DeterminismTest {
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Rates {
        double rate(String currency);
    }

    public static final class RatesImpl implements Rates {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public double rate(String currency) {
            calls.incrementAndGet();
            if (currency.equals("XXX")) {
                throw new IllegalArgumentException("unknown currency XXX");
            }
            return currency.equals("EUR") ? 1.25 : 0.5;
        }
    }

    @dev.weft.annotations.Workflow(
            version = "1",
            executionStartToCloseTimeout = "1d",
            lambdaRole = "arn:aws:iam::123456789012:role/lambda")
    public interface Quote {
        @WorkflowMethod
        String quote(String mode);
    }

    static final AtomicInteger SIDE_EFFECTS = new AtomicInteger();

    public static final class QuoteImpl implements Quote {
        private final Rates local = Workflow.newLocalActivityStub(Rates.class);

        @Override
        public String quote(String mode) {
            switch (mode) {
                case "random" -> {
                    String id = Workflow.randomUUID().toString();
                    int dice = Workflow.newRandom().nextInt(1000);
                    long now = Workflow.currentTimeMillis();
                    int effect = Workflow.sideEffect(Integer.class, SIDE_EFFECTS::incrementAndGet);
                    Workflow.sleep(Duration.ofSeconds(5));
                    return id + " " + dice + " " + (Workflow.currentTimeMillis() - now) + " " + effect;
                }
                case "local" -> {
                    double eur = local.rate("EUR");
                    Promise<Double> gbp = Async.function(local::rate, "GBP");
                    Workflow.sleep(Duration.ofSeconds(1));
                    try {
                        local.rate("XXX");
                        return "unexpected";
                    } catch (ActivityFailure e) {
                        return eur + " " + gbp.get() + " " + e.getCause().getMessage();
                    }
                }
                case "lambda" -> {
                    return Workflow.callLambda("shout", "quiet", String.class);
                }
                default -> {
                    throw new IllegalArgumentException(mode);
                }
            }
        }
    }

    @Test
    void uuidsRandomNumbersTimeAndSideEffectsReplayAsTheyWere() {
        SIDE_EFFECTS.set(0);
        try (WorkflowTesting t = new WorkflowTesting().workflows(QuoteImpl.class)) {
            t.checkReplay = false; // A fresh decider deciding live would run the side effect again.
            WorkflowExecution a = t.start(Quote.class, "q1", "random");
            WorkflowExecution b = t.start(Quote.class, "q2", "random");
            t.run();
            String ra = t.result(a, String.class);
            String rb = t.result(b, String.class);
            assertNotEquals(ra.substring(0, 36), rb.substring(0, 36), "each run draws its own UUIDs");
            assertEquals("5000", ra.split(" ", -1)[2]);
            assertEquals(2, SIDE_EFFECTS.get(), "each side effect ran once, although each run was replayed");
            assertEquals(
                    List.of("MarkerRecorded weft-side-effect " + ra.split(" ", -1)[3]),
                    t.events(a, EventType.MARKER_RECORDED).stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ ", ""))
                            .toList());
        }
    }

    @Test
    void localActivitiesRunOnceInTheDeciderAndReplayFromTheirMarkers() {
        RatesImpl rates = new RatesImpl();
        try (WorkflowTesting t =
                new WorkflowTesting().workflows(QuoteImpl.class).activities(rates)) {
            t.checkReplay = false; // A fresh decider deciding live would run the local activity again.
            WorkflowExecution run = t.start(Quote.class, "q3", "local");
            t.run();
            assertEquals("1.25 0.5 unknown currency XXX", t.result(run, String.class));
            assertEquals(3, rates.calls.get(), "replays and the harness's fresh deciders never ran them again");
            assertEquals(0, t.events(run, EventType.ACTIVITY_TASK_SCHEDULED).size());
            List<String> markers = t.events(run, EventType.MARKER_RECORDED).stream()
                    .map(e -> e.markerRecordedEventAttributes().details())
                    .toList();
            assertEquals(3, markers.size());
            assertEquals("{\"id\":\"local-1\",\"activity\":\"Rates.rate/1\",\"result\":\"1.25\"}", markers.get(0));
            assertEquals("{\"id\":\"local-2\",\"activity\":\"Rates.rate/1\",\"result\":\"0.5\"}", markers.get(1));
        }
    }

    @Test
    void aLambdaFunctionIsCalledThroughSwf() {
        try (WorkflowTesting t = new WorkflowTesting(
                        b -> b.lambdaFunction("shout", in -> in.toUpperCase(java.util.Locale.ROOT)))
                .workflows(QuoteImpl.class)) {
            WorkflowExecution run = t.start(Quote.class, "q4", "lambda");
            t.run();
            assertEquals("QUIET", t.result(run, String.class));
            assertEquals(
                    List.of(
                            "LambdaFunctionScheduled shout input=\"quiet\"",
                            "LambdaFunctionCompleted result=\"QUIET\""),
                    t
                            .events(
                                    run,
                                    e -> e.eventType().toString().startsWith("LambdaFunction")
                                            && e.eventType() != EventType.LAMBDA_FUNCTION_STARTED)
                            .stream()
                            .map(e -> compact(e).replaceFirst("^\\d+ ", ""))
                            .toList());
        }
    }
}
