package dev.weft.internal.spi;

import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * Implemented by an {@code SwfClient} that can tell a waiting client when something changed (the
 * in-process engine, and test environments built on it), so that a client waiting for a result or
 * a state wakes at the change instead of at its next poll; a test environment also moves virtual
 * time while a client waits and nothing else happens. Clients take a mark, look, and wait from the
 * mark: a change between the look and the wait ends the wait at once.
 */
public interface ClientWaits {
    /**
     * A mark to wait from: take it before looking at the state being waited for.
     *
     * @return the mark
     */
    long changeMark();

    /**
     * Waits until something changed after {@code mark}, or {@code maxNanos} passed.
     *
     * @param mark a mark taken before the caller last looked
     * @param maxNanos the longest wait, in nanoseconds of real time
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitChange(long mark, long maxNanos) throws InterruptedException;

    /**
     * Whether a run is still open, answered without reading its history (a client waiting for a
     * close looks after every change, and a history read costs far more).
     *
     * @param domain the domain
     * @param workflowId the workflow id
     * @param runId the run id
     * @return true if the run is open, false if it closed or is unknown (read the history to know
     *     which)
     */
    boolean isOpen(String domain, String workflowId, String runId);

    /**
     * Waits until a run is closed (or unknown), or {@code maxNanos} passed. The default looks again
     * after every change, and every 10 ms; an engine can wake the waiter at closes only.
     *
     * @param domain the domain
     * @param workflowId the workflow id
     * @param runId the run id
     * @param maxNanos the longest wait, in nanoseconds of real time
     * @return whether the run is closed (or unknown: read the history to know which)
     * @throws InterruptedException if interrupted while waiting
     */
    default boolean awaitClosed(String domain, String workflowId, String runId, long maxNanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        while (true) {
            long mark = changeMark();
            if (!isOpen(domain, workflowId, runId)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            awaitChange(mark, Math.min(left, 10_000_000L));
        }
    }

    /**
     * The last event of a run's history, read without paging (a client reads it once a run has
     * closed); null if the run is unknown, or if this client has no such shortcut.
     *
     * @param domain the domain
     * @param workflowId the workflow id
     * @param runId the run id
     * @return the last event, or null
     */
    default HistoryEvent lastEvent(String domain, String workflowId, String runId) {
        return null;
    }
}
