package dev.weft.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.WorkflowImplementations;
import dev.weft.worker.WorkerListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** The workflow cache never loses a decider without closing it (its threads would park forever). */
final class WorkflowCacheTest {
    private static final WorkflowExecution RUN =
            WorkflowExecution.builder().workflowId("w").runId("r1").build();

    private static ReplayDecider decider() {
        return new ReplayDecider(new WorkflowImplementations(), DeciderOptions.DEFAULT, "d");
    }

    @Test
    void aDeciderReplacedByAnotherOfTheSameRunIsClosed() {
        WorkflowCache cache = new WorkflowCache(10, WorkerListener.NONE);
        ReplayDecider stale = decider();
        ReplayDecider fresh = decider();
        cache.put(RUN, stale);
        cache.put(RUN, fresh); // A decision task that missed the cache replayed the run anew.
        assertTrue(stale.isBroken());
        assertFalse(fresh.isBroken());
        assertEquals(1, cache.size());
        assertSame(fresh, cache.take("r1"));
    }

    @Test
    void removeTakesOnlyTheDeciderItNames() {
        WorkflowCache cache = new WorkflowCache(10, WorkerListener.NONE);
        ReplayDecider d = decider();
        cache.put(RUN, d);
        assertFalse(cache.remove("r1", decider()));
        assertTrue(cache.remove("r1", d));
        assertNull(cache.take("r1"));
        cache.put(RUN, d);
        assertSame(d, cache.take("r1")); // Another decision task took it: a late remove leaves it be.
        assertFalse(cache.remove("r1", d));
    }

    @Test
    void evictedAndClearedDecidersAreClosed() {
        WorkflowCache cache = new WorkflowCache(1, WorkerListener.NONE);
        ReplayDecider first = decider();
        ReplayDecider second = decider();
        cache.put(RUN, first);
        cache.put(WorkflowExecution.builder().workflowId("w2").runId("r2").build(), second);
        assertTrue(first.isBroken());
        cache.clear();
        assertTrue(second.isBroken());
        assertEquals(0, cache.size());
    }
}
