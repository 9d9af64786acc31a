package dev.weft.internal.worker;

import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.ReplayDecider.DecisionResult;
import dev.weft.internal.replay.ReplayDecider.DecisionTask;
import dev.weft.internal.replay.VirtualThreads;
import dev.weft.internal.replay.WorkflowImplementations;
import dev.weft.worker.WorkerListener;
import dev.weft.worker.WorkerListener.TaskKind;
import dev.weft.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.RespondDecisionTaskCompletedRequest;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Polls decision tasks and decides them, keeping executions in a cache between their decisions.
 *
 * <p>Stickiness: after each decision the worker points the execution's next decision task at its
 * own task list ({@code RespondDecisionTaskCompleted.taskList}, with a short {@code
 * taskListScheduleToStartTimeout} so that SWF falls back to the shared list if this worker is
 * gone), and polls that list with {@code startAtPreviousStartedEvent}: a cached execution then
 * applies only the events that are new. A cache miss (a new worker, an eviction, a decision that
 * came through the shared list) replays the full history. While shutting down, decisions point
 * executions back at the shared list.
 */
final class DecisionWorker {
    private static final Logger log = LoggerFactory.getLogger(DecisionWorker.class);

    private final SwfClient swf;
    private final String domain;
    private final List<String> taskLists;
    private final String stickyList;
    private final WorkflowImplementations implementations;
    private final DeciderOptions deciderOptions;
    private final WorkerOptions options;
    private final SwfCalls calls;
    private final WorkerListener listener;
    private final WorkflowCache cache;
    private final Pool pool;
    private volatile boolean stickyOpen = true;

    DecisionWorker(
            SwfClient swf,
            String domain,
            List<String> taskLists,
            String stickyList,
            WorkflowImplementations implementations,
            DeciderOptions deciderOptions,
            WorkerOptions options,
            SwfCalls calls,
            boolean interruptiblePolls) {
        this.swf = swf;
        this.domain = domain;
        this.taskLists = taskLists;
        this.stickyList = stickyList;
        this.implementations = implementations;
        this.deciderOptions = deciderOptions;
        this.options = options;
        this.calls = calls;
        this.listener = options.getListener();
        this.cache = stickyList == null ? null : new WorkflowCache(options.getWorkflowCacheSize(), listener);
        // A thread is a slot, whether it polls or decides what it polled. Free threads take the
        // sticky roles first, so that threads waiting on the shared lists cannot starve the
        // decisions of the executions already running; there are never fewer threads than roles.
        int roles = options.getDecisionPollers() * (taskLists.size() + (stickyList == null ? 0 : 1));
        // Virtual from JDK 24, which no longer pins a virtual thread waiting in a synchronized block.
        this.pool = new Pool(
                "weft-decision",
                Math.max(options.getMaxConcurrentDecisionTasks(), roles),
                interruptiblePolls,
                VirtualThreads.since(24));
    }

    Pool pool() {
        return pool;
    }

    void start() {
        if (stickyList != null) { // First: a free thread polls it before the shared lists.
            for (int i = 0; i < options.getDecisionPollers(); i++) {
                pool.role(stickyList, () -> stickyOpen, role -> pollOnce(role, stickyList));
            }
        }
        for (String list : taskLists) {
            for (int i = 0; i < options.getDecisionPollers(); i++) {
                pool.role(list, role -> pollOnce(role, list));
            }
        }
        pool.start();
    }

    int cached() {
        return cache == null ? 0 : cache.size();
    }

    void clearCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    /**
     * Closes the worker's own task list once nothing more can arrive on it from this worker's
     * work (its activities have drained): until then, a decision task that lands there during a
     * shutdown is still taken, and pointed back at the shared list.
     */
    void closeSticky() {
        stickyOpen = false;
    }

    private boolean polling(String taskList) {
        return taskList.equals(stickyList) ? stickyOpen : pool.polling();
    }

    /** One poll; the task it brought, or null. */
    private Runnable pollOnce(Pool.Role role, String taskList) {
        long start = System.nanoTime();
        PollForDecisionTaskResponse task;
        try {
            task = swf.pollForDecisionTask(r -> r.domain(domain)
                    .taskList(t -> t.name(taskList))
                    .identity(options.getIdentity())
                    .startAtPreviousStartedEvent(true));
            role.failures = 0;
        } catch (RuntimeException e) {
            if (polling(taskList)) {
                calls.pollFailed(pool, role, TaskKind.DECISION, listener, e);
            }
            return null;
        }
        boolean empty = task.taskToken() == null || task.taskToken().isEmpty();
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        Listeners.call(() -> listener.polled(TaskKind.DECISION, taskList, latency, empty));
        if (empty) {
            return null;
        }
        return () -> {
            int inUse = pool.running();
            Listeners.call(
                    () -> listener.slotsInUse(TaskKind.DECISION, inUse, options.getMaxConcurrentDecisionTasks()));
            decide(task, taskList, start);
        };
    }

    private void decide(PollForDecisionTaskResponse task, String taskList, long start) {
        WorkflowExecution run = task.workflowExecution();
        MDC.put("domain", domain);
        MDC.put("taskList", taskList);
        MDC.put("workflowId", run.workflowId());
        MDC.put("runId", run.runId());
        try {
            decideTask(task, taskList, start);
        } finally {
            MDC.remove("domain");
            MDC.remove("taskList");
            MDC.remove("workflowId");
            MDC.remove("runId");
        }
    }

    private void decideTask(PollForDecisionTaskResponse task, String taskList, long start) {
        WorkflowExecution run = task.workflowExecution();
        List<HistoryEvent> events;
        try {
            events = pages(task, taskList);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the history of {}/{}; the decision task will time out and be retried",
                    run.workflowId(),
                    run.runId(),
                    e);
            return;
        }
        ReplayDecider decider = cache == null ? null : cache.take(run.runId());
        DecisionResult result = null;
        if (decider != null && decider.lastStartedEventId() == task.previousStartedEventId()) {
            long before = decider.eventsApplied();
            try {
                result = decider.decide(new DecisionTask(
                        run, task.workflowType(), task.startedEventId(), task.previousStartedEventId(), events));
                long applied = decider.eventsApplied() - before;
                Listeners.call(() -> listener.cacheHit(run, applied));
            } catch (ReplayDecider.StaleCacheException stale) {
                decider.close();
                decider = null;
            } catch (RuntimeException e) {
                failed(task, decider, e);
                return;
            }
        } else if (decider != null) {
            decider.close();
            decider = null;
        }
        if (result == null) {
            List<HistoryEvent> full;
            try {
                full = events.isEmpty() || events.get(0).eventId() != 1 ? history(run, task.startedEventId()) : events;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not read the history of {}/{}; the decision task will time out and be retried",
                        run.workflowId(),
                        run.runId(),
                        e);
                return;
            }
            decider = new ReplayDecider(implementations, deciderOptions, domain);
            try {
                result = decider.decide(new DecisionTask(
                        run, task.workflowType(), task.startedEventId(), task.previousStartedEventId(), full));
            } catch (RuntimeException e) {
                failed(task, decider, e);
                return;
            }
            long size = full.size();
            Listeners.call(() -> listener.cacheMiss(run, size));
        }
        boolean stick = cache != null && pool.polling() && !result.closing();
        RespondDecisionTaskCompletedRequest.Builder r = RespondDecisionTaskCompletedRequest.builder()
                .taskToken(task.taskToken())
                .decisions(result.decisions())
                .executionContext(result.executionContext());
        if (stick) {
            r.taskList(t -> t.name(stickyList))
                    .taskListScheduleToStartTimeout(Long.toString(Math.max(
                            1, options.getStickyScheduleToStartTimeout().toSeconds())));
        } else if (cache != null && taskList.equals(stickyList)) {
            // Shutting down: the next decisions go to the shared list at once.
            r.taskList(t -> t.name(taskLists.get(0)));
        }
        RespondDecisionTaskCompletedRequest request = r.build();
        if (stick) {
            // Cached before the answer: the next decision task can come before this call returns.
            cache.put(run, decider);
        }
        try {
            calls.respond(() -> swf.respondDecisionTaskCompleted(request));
        } catch (UnknownResourceException e) {
            log.warn(
                    "The decision task of {}/{} timed out (or its execution closed) before its answer; it will be"
                            + " decided again",
                    run.workflowId(),
                    run.runId());
            drop(run, decider, stick);
            return;
        } catch (RuntimeException e) {
            log.error(
                    "Could not answer the decision task of {}/{} after {} attempts; SWF will time it out",
                    run.workflowId(),
                    run.runId(),
                    options.getResponseAttempts(),
                    e);
            Listeners.call(() -> listener.responseFailed(TaskKind.DECISION, run.workflowId(), e));
            drop(run, decider, stick);
            return;
        }
        if (!stick) {
            decider.close();
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        int n = result.decisions().size();
        boolean closing = result.closing();
        Listeners.call(() -> listener.decided(run, task.workflowType(), latency, n, closing));
    }

    /**
     * Drops a decider whose answer failed, unless a later decision task of the run has taken it
     * from the cache (the answer reached SWF after all, and that task owns it now).
     */
    private void drop(WorkflowExecution run, ReplayDecider decider, boolean cached) {
        if (!cached || cache.remove(run.runId(), decider)) {
            decider.close();
        }
    }

    private void failed(PollForDecisionTaskResponse task, ReplayDecider decider, RuntimeException e) {
        decider.close();
        WorkflowExecution run = task.workflowExecution();
        log.error(
                "The decision task of {} ({}/{}) failed; it is left to time out and will be retried: {}",
                task.workflowType().name() + "/" + task.workflowType().version(),
                run.workflowId(),
                run.runId(),
                e.getMessage(),
                e);
        Listeners.call(() -> listener.decisionFailed(run, task.workflowType(), e));
    }

    /** The task's events, every page of them. */
    private List<HistoryEvent> pages(PollForDecisionTaskResponse task, String taskList) {
        if (task.nextPageToken() == null) {
            return task.events();
        }
        List<HistoryEvent> all = new ArrayList<>(task.events());
        String token = task.nextPageToken();
        while (token != null) {
            String t = token;
            PollForDecisionTaskResponse page = calls.respond(() -> swf.pollForDecisionTask(r -> r.domain(domain)
                    .taskList(l -> l.name(taskList))
                    .identity(options.getIdentity())
                    .startAtPreviousStartedEvent(true)
                    .nextPageToken(t)));
            all.addAll(page.events());
            token = page.nextPageToken();
        }
        return all;
    }

    /** The execution's full history up to the task's start, for a replay from scratch. */
    private List<HistoryEvent> history(WorkflowExecution run, long startedEventId) {
        List<HistoryEvent> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetWorkflowExecutionHistoryResponse page = calls.respond(() -> swf.getWorkflowExecutionHistory(
                    r -> r.domain(domain).execution(run).maximumPageSize(1000).nextPageToken(t)));
            for (HistoryEvent e : page.events()) {
                if (e.eventId() <= startedEventId) {
                    all.add(e);
                }
            }
            token = page.events().isEmpty()
                            || page.events().get(page.events().size() - 1).eventId() >= startedEventId
                    ? null
                    : page.nextPageToken();
        } while (token != null);
        return all;
    }
}
