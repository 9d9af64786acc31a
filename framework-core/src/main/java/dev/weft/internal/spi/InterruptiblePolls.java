package dev.weft.internal.spi;

/**
 * Marks an {@code SwfClient} whose long polls end empty-handed when their thread is interrupted,
 * never handing out a task the poller will not see (the in-process engine). A worker may then
 * interrupt its pollers to shut down at once; over HTTP it must let their polls return, since
 * SWF may already have handed a task to an aborted request. A contract between the engine and
 * the workers that keeps either from depending on the other.
 */
public interface InterruptiblePolls {}
