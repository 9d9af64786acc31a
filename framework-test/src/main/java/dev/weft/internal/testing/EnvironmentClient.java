package dev.weft.internal.testing;

import dev.weft.internal.engine.Engine;
import dev.weft.internal.spi.ClientWaits;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * The test environment's view of its engine for clients: every SWF call goes to the engine, and
 * a client's waits move virtual time while nothing is in flight (with auto-skip on).
 */
public final class EnvironmentClient implements ClientWaits {
    /** How long a sleep waits for a change before it looks again, in case it missed a wake-up. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Engine engine;
    private final Engine.Served served;
    private final BooleanSupplier autoSkip;
    private final WorkerFailures failures;
    private final SwfClient client;
    private final AtomicInteger refusals = new AtomicInteger();

    /**
     * An environment client.
     *
     * @param engine the engine
     * @param served which task lists hosted workers poll
     * @param autoSkip whether waits move time now
     * @param failures what hosted workers reported
     */
    public EnvironmentClient(Engine engine, Engine.Served served, BooleanSupplier autoSkip, WorkerFailures failures) {
        this.engine = engine;
        this.served = served;
        this.autoSkip = autoSkip;
        this.failures = failures;
        this.client = (SwfClient) Proxy.newProxyInstance(
                EnvironmentClient.class.getClassLoader(),
                new Class<?>[] {SwfClient.class, ClientWaits.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "SwfClient[" + engine + ", time-skipping waits]";
                        };
                    }
                    try {
                        return method.invoke(method.getDeclaringClass() == ClientWaits.class ? this : engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * The SWF client to hand to a {@code WorkflowClient}.
     *
     * @return the client
     */
    public SwfClient client() {
        return client;
    }

    @Override
    public long changeMark() {
        return engine.changeMark();
    }

    @Override
    public HistoryEvent lastEvent(String domain, String workflowId, String runId) {
        return engine.lastEvent(domain, workflowId, runId);
    }

    @Override
    public boolean isOpen(String domain, String workflowId, String runId) {
        return engine.isOpen(domain, workflowId, runId);
    }

    @Override
    public void awaitChange(long mark, long maxNanos) throws InterruptedException {
        failures.throwIfDecisionFailed();
        if (autoSkip.getAsBoolean() && engine.changeMark() == mark) {
            // The mark again, inside the check: a change after the line above (the awaited run
            // closing) must stop time from jumping past it.
            if (engine.advanceIfIdle(served, Long.MAX_VALUE, mark)) {
                return;
            }
            refusals.incrementAndGet();
        }
        engine.awaitChange(mark, maxNanos);
        failures.throwIfDecisionFailed();
    }

    /**
     * How many times a wait found work in flight and left time where it was: for tests that
     * prove time stands still.
     *
     * @return the count
     */
    public int refusals() {
        return refusals.get();
    }

    /**
     * Moves virtual time to {@code targetMillis}, deadline by deadline, letting the work each
     * starts finish; returns once time is there and nothing is in flight.
     *
     * @param targetMillis the instant to reach, in epoch millis
     */
    public void sleepUntil(long targetMillis) {
        try {
            while (true) {
                failures.throwIfDecisionFailed();
                long mark = engine.changeMark();
                if (engine.advanceIfIdle(served, targetMillis)) {
                    continue;
                }
                if (engine.now().toEpochMilli() >= targetMillis && engine.isIdle(served)) {
                    return;
                }
                engine.awaitChange(mark, RECHECK_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sleeping on virtual time", e);
        }
    }
}
