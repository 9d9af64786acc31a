package dev.weft.internal.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls listener methods so that a listener's failure never stops a worker. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {}

    static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            log.warn("A WorkerListener threw; ignored", e);
        }
    }
}
