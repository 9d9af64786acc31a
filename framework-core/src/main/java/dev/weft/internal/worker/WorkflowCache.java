package dev.weft.internal.worker;

import dev.weft.internal.replay.ReplayDecider;
import dev.weft.worker.WorkerListener;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Executions kept in memory between their decision tasks, least recently used first out. A
 * decision task takes its execution's decider out of the cache while it decides (SWF hands out
 * one decision task per execution at a time), so an execution in use is never evicted.
 */
final class WorkflowCache {
    private record Entry(WorkflowExecution run, ReplayDecider decider) {}

    private final int capacity;
    private final WorkerListener listener;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    WorkflowCache(int capacity, WorkerListener listener) {
        this.capacity = capacity;
        this.listener = listener;
    }

    /** Takes the execution's decider out of the cache, or null if it is not there. */
    ReplayDecider take(String runId) {
        synchronized (entries) {
            Entry e = entries.remove(runId);
            return e == null ? null : e.decider;
        }
    }

    /**
     * Puts a decider back after its decision; the least recently used ones leave if it is full,
     * and one the run had there before (stale) is closed.
     */
    void put(WorkflowExecution run, ReplayDecider decider) {
        List<Entry> evicted = new ArrayList<>();
        synchronized (entries) {
            Entry old = entries.put(run.runId(), new Entry(run, decider));
            if (old != null && old.decider != decider) {
                old.decider.close();
            }
            Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
            while (entries.size() > capacity && it.hasNext()) {
                evicted.add(it.next().getValue());
                it.remove();
            }
        }
        for (Entry e : evicted) {
            e.decider.close();
            Listeners.call(() -> listener.cacheEvicted(e.run));
        }
    }

    /**
     * Takes {@code decider} out if it is still the run's entry (nobody took it meanwhile).
     *
     * @return whether it was there; if not, another decision task has it
     */
    boolean remove(String runId, ReplayDecider decider) {
        synchronized (entries) {
            Entry e = entries.get(runId);
            if (e == null || e.decider != decider) {
                return false;
            }
            entries.remove(runId);
            return true;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Drops every execution: their workflow threads end. */
    void clear() {
        List<Entry> all;
        synchronized (entries) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        for (Entry e : all) {
            e.decider.close();
        }
    }
}
