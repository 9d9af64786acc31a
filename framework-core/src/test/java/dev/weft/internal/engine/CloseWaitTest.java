package dev.weft.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.SwfEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ChildPolicy;

/** How a client waits for one run to close: woken by that run's close, and leaving nothing behind. */
final class CloseWaitTest {
    private static final String DOMAIN = "d";
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(10); // Fails a lost wake-up instead of hanging.

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = (Engine) SwfEngine.builder()
                .virtualTime(Instant.parse("2026-01-01T00:00:00Z"))
                .pollTimeout(Duration.ZERO)
                .build();
        engine.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        engine.registerWorkflowType(r -> r.domain(DOMAIN)
                .name("W")
                .version("1")
                .defaultTaskList(t -> t.name("decisions"))
                .defaultExecutionStartToCloseTimeout("3600")
                .defaultTaskStartToCloseTimeout("30")
                .defaultChildPolicy(ChildPolicy.TERMINATE));
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private String start(String workflowId) {
        return engine.startWorkflowExecution(r -> r.domain(DOMAIN)
                        .workflowId(workflowId)
                        .workflowType(t -> t.name("W").version("1")))
                .runId();
    }

    private void terminate(String workflowId) {
        engine.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId(workflowId));
    }

    /** Waits on another thread until the waiter for the run is registered and parked. */
    private CompletableFuture<Boolean> waiter(String workflowId, String runId) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(engine.awaitClosed(DOMAIN, workflowId, runId, GUARD_NANOS));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.start();
        while (t.getState() != Thread.State.TIMED_WAITING && !result.isDone()) {
            Thread.onSpinWait();
        }
        return result;
    }

    @Test
    void aWaiterReturnsWhenItsRunClosesAndNotWhenAnotherDoes() throws Exception {
        String a = start("a");
        String b = start("b");
        CompletableFuture<Boolean> waitingForA = waiter("a", a);
        assertEquals(1, engine.closeWaiterRuns());

        terminate("b");
        assertFalse(engine.isOpen(DOMAIN, "b", b));
        assertFalse(waitingForA.isDone(), "the waiter for a still waits after b closed");

        terminate("a");
        assertTrue(waitingForA.get(10, TimeUnit.SECONDS), "a closed");
        assertEquals(0, engine.closeWaiterRuns(), "the waiter left nothing behind");
    }

    @Test
    void twoWaitersForOneRunAreBothWokenAndTheRunIsForgottenAfterTheLast() throws Exception {
        String a = start("a");
        CompletableFuture<Boolean> first = waiter("a", a);
        CompletableFuture<Boolean> second = waiter("a", a);
        assertEquals(1, engine.closeWaiterRuns());

        terminate("a");
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertTrue(second.get(10, TimeUnit.SECONDS));
        assertEquals(0, engine.closeWaiterRuns());
    }

    @Test
    void aWaitThatTimesOutSaysTheRunIsOpenAndLeavesNothingBehind() throws Exception {
        String a = start("a");
        assertFalse(engine.awaitClosed(DOMAIN, "a", a, TimeUnit.MILLISECONDS.toNanos(1)));
        assertFalse(engine.awaitClosed(DOMAIN, "a", a, 0));
        assertEquals(0, engine.closeWaiterRuns());
    }

    @Test
    void aClosedOrUnknownRunReturnsAtOnce() throws Exception {
        String a = start("a");
        terminate("a");
        assertTrue(engine.awaitClosed(DOMAIN, "a", a, GUARD_NANOS));
        assertTrue(engine.awaitClosed(DOMAIN, "a", "no-such-run", GUARD_NANOS));
        assertEquals(0, engine.closeWaiterRuns());
    }

    @Test
    void closingTheEngineFailsTheWaiterNamingTheRun() throws Exception {
        String a = start("a");
        CompletableFuture<Boolean> waiting = waiter("a", a);

        engine.close();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertEquals(
                "The engine was closed while a client waited for a (run " + a + ") to close",
                e.getCause().getMessage());
        assertEquals(0, engine.closeWaiterRuns());
    }
}
