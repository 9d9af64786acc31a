package dev.weft.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.SwfEngine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ChildPolicy;

/** When virtual time may jump: only while nothing happens, and nothing happened since the caller looked. */
final class AdvanceIfIdleTest {
    private static final String DOMAIN = "d";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Nobody polls: scheduled decisions wait for time, so the engine is idle with runs open. */
    private static final Engine.Served NOBODY = new Engine.Served() {
        @Override
        public boolean decisions(String domain, String taskList) {
            return false;
        }

        @Override
        public boolean activities(String domain, String taskList) {
            return false;
        }
    };

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = (Engine) SwfEngine.builder()
                .virtualTime(START)
                .pollTimeout(Duration.ZERO)
                .build();
        engine.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        engine.registerWorkflowType(r -> r.domain(DOMAIN)
                .name("W")
                .version("1")
                .defaultTaskList(t -> t.name("decisions"))
                .defaultExecutionStartToCloseTimeout(
                        Long.toString(Duration.ofDays(7).toSeconds()))
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

    @Test
    void aChangeSinceTheCallersMarkKeepsTimeWhereItIs() {
        start("waiting");
        String closing = start("closing");
        long mark = engine.changeMark();
        assertTrue(engine.isOpen(DOMAIN, "closing", closing), "the caller looks: the run is open");
        // The run closes after the look; the engine is idle again at once.
        engine.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId("closing"));
        assertTrue(engine.isIdle(NOBODY));

        assertFalse(engine.advanceIfIdle(NOBODY, Long.MAX_VALUE, mark), "the caller has news to see first");
        assertEquals(START, engine.now(), "time did not jump to the other run's timeout, 7 days on");
        assertNotNull(engine.lastEvent(DOMAIN, "closing", closing), "the closed run is still kept");
    }

    @Test
    void withNoChangeSinceTheMarkTimeJumpsToTheNextDeadline() {
        String waiting = start("waiting");
        long mark = engine.changeMark();

        assertTrue(engine.advanceIfIdle(NOBODY, Long.MAX_VALUE, mark));
        assertEquals(START.plus(Duration.ofDays(7)), engine.now(), "the run's start-to-close timeout");
        assertFalse(engine.isOpen(DOMAIN, "waiting", waiting), "it timed out");
    }

    @Test
    void workInFlightKeepsTimeWhereItIsWhateverTheMark() {
        start("waiting");
        long mark = engine.changeMark();

        assertFalse(engine.advanceIfIdle(Engine.Served.ALL, Long.MAX_VALUE, mark), "a polled decision is scheduled");
        assertEquals(START, engine.now());
    }
}
