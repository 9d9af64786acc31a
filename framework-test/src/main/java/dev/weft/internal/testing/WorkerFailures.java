package dev.weft.internal.testing;

import dev.weft.worker.WorkerListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/** What went wrong in a test environment's workers: the failures, and a listener that hears them. */
public final class WorkerFailures {
    private final List<Throwable> all = new CopyOnWriteArrayList<>();
    private volatile IllegalStateException decisionFailure;
    private volatile Runnable onFailure = () -> {};

    /**
     * Runs {@code r} after each failure (to wake waiters).
     *
     * @param r what to run
     */
    public void onFailure(Runnable r) {
        this.onFailure = r;
    }

    /**
     * Every failure so far.
     *
     * @return the failures, in order
     */
    public List<Throwable> all() {
        return List.copyOf(all);
    }

    /** Throws the first failed decision, if any: the execution cannot progress until its timeout. */
    public void throwIfDecisionFailed() {
        IllegalStateException f = decisionFailure;
        if (f != null) {
            throw new IllegalStateException(f.getMessage(), f.getCause());
        }
    }

    /**
     * A listener that records failures and passes every report on to {@code next}.
     *
     * @param next the worker's own listener
     * @return the listener
     */
    public WorkerListener listening(WorkerListener next) {
        return new WorkerListener() {
            @Override
            public void polled(WorkerListener.TaskKind kind, String taskList, Duration latency, boolean empty) {
                next.polled(kind, taskList, latency, empty);
            }

            @Override
            public void pollFailed(WorkerListener.TaskKind kind, String taskList, Throwable failure) {
                all.add(failure);
                next.pollFailed(kind, taskList, failure);
                onFailure.run();
            }

            @Override
            public void decided(
                    WorkflowExecution run, WorkflowType type, Duration latency, int decisions, boolean closing) {
                next.decided(run, type, latency, decisions, closing);
            }

            @Override
            public void decisionFailed(WorkflowExecution run, WorkflowType type, Throwable failure) {
                all.add(failure);
                if (decisionFailure == null) {
                    decisionFailure = new IllegalStateException(
                            "The decision task of " + type.name() + "/" + type.version() + " (" + run.workflowId()
                                    + "/" + run.runId() + ") failed in a test worker, so the execution cannot"
                                    + " progress: " + failure.getMessage(),
                            failure);
                }
                next.decisionFailed(run, type, failure);
                onFailure.run();
            }

            @Override
            public void activityDone(
                    ActivityType type, String activityId, Duration latency, WorkerListener.ActivityOutcome outcome) {
                next.activityDone(type, activityId, latency, outcome);
            }

            @Override
            public void cacheHit(WorkflowExecution run, long events) {
                next.cacheHit(run, events);
            }

            @Override
            public void cacheMiss(WorkflowExecution run, long events) {
                next.cacheMiss(run, events);
            }

            @Override
            public void cacheEvicted(WorkflowExecution run) {
                next.cacheEvicted(run);
            }

            @Override
            public void slotsInUse(WorkerListener.TaskKind kind, int inUse, int max) {
                next.slotsInUse(kind, inUse, max);
            }

            @Override
            public void responseFailed(WorkerListener.TaskKind kind, String id, Throwable failure) {
                all.add(failure);
                next.responseFailed(kind, id, failure);
                onFailure.run();
            }
        };
    }
}
