package dev.weft.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every workload at a tiny size, so that the benchmarks never rot; no figure is checked. */
final class BenchmarksSmokeTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Benchmarks b = new Benchmarks(lines::add);

    @Test
    void threeStep() throws Exception {
        assertEquals(20, b.threeStep(20, true).workflows());
        assertTrue(lines.get(0).startsWith("W1 three-step (default settings): 20 workflows, "), lines.get(0));
        b.threeSteps(10, 3, dev.weft.worker.WorkerOptions.newBuilder().build(), "default settings");
        assertTrue(lines.get(1).startsWith("W1 three-step (default settings): 10 workflows, median of 3 runs "));
    }

    @Test
    void engineFloor() throws Exception {
        assertTrue(b.engineFloors(20, 3, false) > 0);
        assertTrue(b.engineFloors(20, 3, true) > 0);
        assertTrue(lines.get(0).startsWith("W1 floor: 20 executions of the same 7 tasks"), lines.get(0));
        assertTrue(
                lines.get(1).startsWith("W1 floor with the decider's hand-offs: 20 executions of the same 7 tasks"),
                lines.get(1));
    }

    @Test
    void chainThenReplay() {
        Benchmarks.ChainRun r = b.chain(30, true);
        assertEquals(6 * 30 + 5, r.history().size());
        b.replay(r.run(), r.history(), 2, true);
        assertTrue(lines.get(0).startsWith("W2 long chain: 30 activities (185 events) in "), lines.get(0));
        assertTrue(lines.get(1).startsWith("W3 replay: 185 events, best "), lines.get(1));
    }

    @Test
    void timers() {
        b.timers(5, 2, true);
        assertTrue(lines.get(0).startsWith("W4 timers: 5 one-hour sleeps on virtual time, median "), lines.get(0));
    }

    @Test
    void parked() throws Exception {
        assertEquals(10, b.parked(10, true).workflows());
        assertEquals(10, b.parked(10, 3, true).workflows());
        assertTrue(lines.get(0).startsWith("W5 parked (all cached): 10 executions, "), lines.get(0));
        assertTrue(lines.get(1).startsWith("W5 parked (workflowCacheSize 3): 10 executions, "), lines.get(1));
    }

    @Test
    void cache() {
        double[][] micros = b.cache(new int[] {20, 60}, true);
        assertEquals(2, micros.length);
        assertTrue(lines.get(0).startsWith("cache: decision at event "), lines.get(0));
    }

    @Test
    void handoff() throws Exception {
        assertTrue(b.handoff(1_000, true) > 0);
        assertTrue(b.handoffAmongParked(1_000, 10, true) > 0);
        assertTrue(b.threadStarts(10, true) > 0);
        boolean virtual = Runtime.version().feature() >= 21;
        assertEquals(virtual ? 4 : 3, lines.size(), lines::toString);
        assertTrue(
                lines.get(0).startsWith("hand-off: one thread waking another (park/unpark, platform threads): "),
                lines.get(0));
        if (virtual) {
            assertTrue(
                    lines.get(1).startsWith("hand-off: one thread waking another (park/unpark, virtual threads): "),
                    lines.get(1));
        }
        String amongParked = lines.get(lines.size() - 2);
        assertTrue(
                amongParked.startsWith(
                        "hand-off: one thread waking another (park/unpark, platform threads), 10 other threads parked: "),
                amongParked);
        String starts = lines.get(lines.size() - 1);
        assertTrue(starts.startsWith("thread starts: 10 platform threads "), starts);
    }
}
