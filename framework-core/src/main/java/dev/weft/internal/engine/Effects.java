package dev.weft.internal.engine;

import java.util.ArrayList;

/**
 * Work on other executions that an operation queues while it holds one execution's monitor, to be
 * run after the monitor is released: no thread ever holds two execution monitors, so no lock order
 * is needed. Effects run in the order they were added; an effect may add more.
 */
final class Effects {
    private ArrayList<Runnable> pending;

    void add(Runnable effect) {
        if (pending == null) {
            pending = new ArrayList<>(4);
        }
        pending.add(effect);
    }

    /** Runs every effect, including those added while running. Call with no monitor held. */
    void run() {
        if (pending == null) {
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).run();
        }
        pending = null;
    }
}
