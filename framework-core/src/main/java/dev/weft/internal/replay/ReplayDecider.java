package dev.weft.internal.replay;

import dev.weft.workflow.NonDeterministicException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * The decider of one workflow run: history in, decisions out. It replays the run's workflow code
 * against the history, decision task by decision task, and lets the code decide anew at the
 * current one.
 *
 * <p>A decider keeps the run in memory between decision tasks. Given the next task of the same
 * run, it applies only the events that are new since its last decision, so a decision costs what
 * is new, not the whole history; given a fresh decider, the same task replays the full history
 * and produces the same decisions.
 *
 * <pre>{@code
 * ReplayDecider decider = new ReplayDecider(implementations, DeciderOptions.DEFAULT, "orders");
 * DecisionResult r = decider.decide(new DecisionTask(execution, type, startedEventId, 0, history));
 * swf.respondDecisionTaskCompleted(b -> b.taskToken(token).decisions(r.decisions())
 *         .executionContext(r.executionContext()));
 * }</pre>
 *
 * <p>Not thread-safe: one caller at a time, as a worker's decision poller is.
 */
public final class ReplayDecider implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayDecider.class);

    /** A decision task: the events to apply and which of them started the task. */
    public record DecisionTask(
            WorkflowExecution execution,
            WorkflowType type,
            long startedEventId,
            long previousStartedEventId,
            List<HistoryEvent> events) {
        /** Validates. */
        public DecisionTask {
            Objects.requireNonNull(execution, "execution");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(events, "events");
        }
    }

    /**
     * What the code decided at the current decision task.
     *
     * @param decisions the decisions to send (at most 100)
     * @param executionContext the state method's JSON, or null
     * @param closing whether the decisions close the run
     */
    public record DecisionResult(List<Decision> decisions, String executionContext, boolean closing) {}

    /** The cached run cannot take this task: it must be replayed from the full history. */
    public static final class StaleCacheException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleCacheException(String message) {
            super(message);
        }
    }

    final DeciderOptions options;
    private final WorkflowImplementations implementations;
    private final String domain;
    private final Feed feed = new Feed();
    private final Driver driver = new Driver();
    private WorkflowContext ctx;
    private boolean broken;
    private long eventsApplied;

    /**
     * A decider for one run.
     *
     * @param implementations the workflow implementations it can run
     * @param options how it runs them
     * @param domain the domain, for {@code Workflow.getInfo()}; null if unknown
     */
    public ReplayDecider(WorkflowImplementations implementations, DeciderOptions options, String domain) {
        this.implementations = Objects.requireNonNull(implementations, "implementations");
        this.options = Objects.requireNonNull(options, "options");
        this.domain = domain;
    }

    /**
     * Decides a decision task. A fresh decider needs the full history (from event 1); one that
     * decided the run's previous task takes only the events after it (it skips any it has seen).
     *
     * <p>A history that ends before {@code startedEventId}, or a task whose {@code startedEventId}
     * is not in the history, is replayed to its end with nothing decided: that is how a replayer
     * checks a closed history.
     *
     * @param task the decision task
     * @return the decisions
     * @throws NonDeterministicException if the code does not do what the history records
     * @throws StaleCacheException if this decider's run is not where the task continues from
     * @throws RuntimeException when workflow code fails in a way that fails the decision task; the
     *     decider is then closed
     */
    public DecisionResult decide(DecisionTask task) {
        if (broken) {
            throw new IllegalStateException("This decider failed earlier; replay the run on a new one");
        }
        if (ctx == null) {
            open(task);
        } else if (task.previousStartedEventId() != feed.lastLiveStartedId) {
            throw new StaleCacheException("The decider of " + ctx.execution.workflowId() + "/" + ctx.execution.runId()
                    + " decided at event " + feed.lastLiveStartedId + ", but the task continues from event "
                    + task.previousStartedEventId());
        }
        feed.load(task.events(), task.startedEventId());
        driver.result = null;
        long timeout = options.deadlockTimeout().toNanos();
        try {
            ctx.runner.run(driver, timeout);
            while (driver.needLocals && !feed.query) {
                driver.needLocals = false;
                for (LocalCall c : ctx.pendingLocals) {
                    c.execute(options);
                }
                ctx.runner.run(driver, timeout);
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        feed.unload(); // A cached run keeps no task's events: they are most of a parked run's bytes.
        ctx.queue.trim();
        ctx.runner.trim();
        DecisionResult r = driver.result;
        return r != null ? r : new DecisionResult(List.of(), null, false);
    }

    private void open(DecisionTask task) {
        List<HistoryEvent> events = task.events();
        if (events.isEmpty() || events.get(0).eventType() != EventType.WORKFLOW_EXECUTION_STARTED) {
            throw new IllegalArgumentException("A new decider needs the run's full history, from its"
                    + " WorkflowExecutionStarted event, but this task's events start at "
                    + (events.isEmpty() ? "nothing" : "event " + events.get(0).eventId()));
        }
        WorkflowType type =
                events.get(0).workflowExecutionStartedEventAttributes().workflowType();
        WorkflowImplementations.Registered r = implementations.get(type.name(), type.version());
        if (r == null) {
            throw new IllegalArgumentException("[SWF-1001] No implementation of workflow type " + type.name() + "/"
                    + type.version() + " is registered (run " + task.execution().workflowId() + "/"
                    + task.execution().runId() + "). Register a class implementing its @Workflow interface.");
        }
        ctx = new WorkflowContext(this, r, task.execution(), type, domain);
        ctx.queue.nextDecision(feed::peekNextDecisionEvents);
    }

    /**
     * Replays a whole history, applying also the events no decision has taken yet, and returns
     * what the workflow's state method says: a query that needs no worker. Nothing is decided or
     * run (local activities included); the decider is spent afterwards.
     *
     * @param task the history (its {@code startedEventId} is ignored)
     * @return the state method's value
     * @throws IllegalArgumentException if the workflow has no state method
     */
    public Object query(DecisionTask task) {
        if (ctx != null) {
            throw new IllegalStateException("Query a history on a new decider");
        }
        feed.query = true;
        decide(new DecisionTask(task.execution(), task.type(), -1, 0, task.events()));
        var state = ctx.model.state();
        if (state == null) {
            throw new IllegalArgumentException(ctx.model.type().getSimpleName() + " has no @GetState method");
        }
        try {
            return ctx.invoke(state, new Object[0]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The @GetState method of " + ctx.model.typeLabel() + " threw", t);
        }
    }

    /**
     * Returns the DecisionTaskStarted event id of the last decision made live, or 0.
     *
     * @return the DecisionTaskStarted event id of the last decision made live, or 0
     */
    public long lastStartedEventId() {
        return feed.lastLiveStartedId;
    }

    /**
     * Returns whether the run's close decision was recorded.
     *
     * @return whether the run's close decision was recorded
     */
    public boolean isClosed() {
        return ctx != null && ctx.closed;
    }

    /**
     * Whether this decider can decide no more: it was closed, or it failed.
     *
     * @return whether it was closed or failed
     */
    public boolean isBroken() {
        return broken;
    }

    /**
     * Returns history events applied so far, over all decision tasks (for cache statistics).
     *
     * @return history events applied so far, over all decision tasks (for cache statistics)
     */
    public long eventsApplied() {
        return eventsApplied;
    }

    /** Drops the run: its workflow threads unwind and end. Idempotent. */
    @Override
    public void close() {
        broken = true;
        if (ctx != null) {
            ctx.runner.destroy();
        }
    }

    @Override
    public String toString() {
        return ctx == null ? "ReplayDecider[new]" : "ReplayDecider[" + ctx + "]";
    }

    // ---------------------------------------------------------------------------------------

    /**
     * A point at which workflow code ran, or runs now: the events to apply first, and (for a
     * decision the history completed) the events its decisions produced.
     */
    private record Point(
            HistoryEvent started, HistoryEvent completed, List<HistoryEvent> expected, List<HistoryEvent> arrivals) {
        boolean live() {
            return completed == null;
        }
    }

    /**
     * Cuts the history into points. Events that arrive while a decision task is started belong to
     * the next point (the code did not see them); a decision task that timed out made no point,
     * and what arrived before it goes to the next one. State carries over between decision tasks,
     * so that a cached run takes up where it stopped.
     */
    private final class Feed {
        private List<HistoryEvent> events = List.of();
        private int next;
        private long finalStartedId;
        private List<HistoryEvent> arrivals = new ArrayList<>();
        private List<HistoryEvent> whileOpen = new ArrayList<>();
        /** The decision task started and not yet completed: its id, and its event (dropped at rest, see unload). */
        private long openStartedId;

        private HistoryEvent openStarted;
        /** Ids of events taken ahead as a decision's results, which the scan must skip. */
        private final java.util.Set<Long> taken = new java.util.HashSet<>();
        /** Events answering the decisions made live last time, for the next point to deliver. */
        private final List<HistoryEvent> sentResults = new ArrayList<>();
        /** Querying: after the last event, a point applies what no decision took yet. */
        boolean query;

        private boolean queried;

        long lastLiveStartedId;

        void load(List<HistoryEvent> events, long finalStartedId) {
            this.events = events;
            this.next = 0;
            this.finalStartedId = finalStartedId;
        }

        void unload() {
            this.events = List.of();
            this.next = 0;
            if (openStartedId == lastLiveStartedId) {
                openStarted = null; // The live decision's completion needs only its id.
            }
        }

        Point next() {
            while (next < events.size()) {
                HistoryEvent e = events.get(next++);
                if (e.eventId() <= lastLiveStartedId || taken.remove(e.eventId())) {
                    continue; // Seen by the cached run, or taken as a decision's result.
                }
                eventsApplied++;
                switch (e.eventType()) {
                    case DECISION_TASK_SCHEDULED -> {}
                    case DECISION_TASK_STARTED -> {
                        if (openStartedId != 0) {
                            throw new IllegalStateException("[BUG] decision task started at event " + e.eventId()
                                    + " while the one started at " + openStartedId + " has no outcome");
                        }
                        openStarted = e;
                        openStartedId = e.eventId();
                        whileOpen = new ArrayList<>();
                        if (e.eventId() == finalStartedId) {
                            lastLiveStartedId = e.eventId();
                            return new Point(e, null, List.of(), takeArrivals());
                        }
                    }
                    case DECISION_TASK_COMPLETED -> {
                        long started = e.decisionTaskCompletedEventAttributes().startedEventId();
                        if (openStartedId != started) {
                            throw new IllegalStateException("[BUG] event " + e.eventId() + " completes the decision"
                                    + " task started at " + started + ", which is not the open one");
                        }
                        List<HistoryEvent> expected = decidedBy(next, e.eventId(), true);
                        HistoryEvent s = openStarted; // Null only for the live one, which needs no event.
                        openStarted = null;
                        openStartedId = 0;
                        if (started == lastLiveStartedId) {
                            sentResults.addAll(expected);
                            arrivals = whileOpen;
                            whileOpen = new ArrayList<>();
                            continue;
                        }
                        Point p = new Point(s, e, expected, takeArrivals());
                        arrivals = whileOpen;
                        whileOpen = new ArrayList<>();
                        return p;
                    }
                    case DECISION_TASK_TIMED_OUT -> {
                        long started = e.decisionTaskTimedOutEventAttributes().startedEventId();
                        if (started == lastLiveStartedId && lastLiveStartedId != 0) {
                            throw new StaleCacheException("The decision made at event " + started + " timed out before"
                                    + " SWF recorded it; the run must be replayed");
                        }
                        if (openStartedId != 0 && openStartedId == started) {
                            arrivals.addAll(whileOpen);
                            openStarted = null;
                            openStartedId = 0;
                        }
                    }
                    default -> (openStartedId != 0 ? whileOpen : arrivals).add(e);
                }
            }
            if (query && !queried && !events.isEmpty()) {
                queried = true;
                List<HistoryEvent> pending = takeArrivals();
                pending.addAll(whileOpen);
                whileOpen = new ArrayList<>();
                if (!pending.isEmpty()) {
                    return new Point(events.get(events.size() - 1), null, List.of(), pending);
                }
            }
            return null;
        }

        private List<HistoryEvent> takeArrivals() {
            List<HistoryEvent> a = arrivals;
            arrivals = new ArrayList<>();
            return a;
        }

        /**
         * The events recorded for the decisions of DecisionTaskCompleted {@code completedId}, from
         * index {@code from}: they follow it, though SWF may record an outcome among them (an
         * activity canceled at once, say), so the search goes on to the next decision task.
         */
        private List<HistoryEvent> decidedBy(int from, long completedId, boolean take) {
            List<HistoryEvent> expected = new ArrayList<>();
            for (int j = from; j < events.size(); j++) {
                HistoryEvent x = events.get(j);
                EventType t = x.eventType();
                if (t == EventType.DECISION_TASK_STARTED || t == EventType.DECISION_TASK_COMPLETED) {
                    break;
                }
                if (HistoryEvents.decidedBy(x) == completedId) {
                    expected.add(x);
                    if (take) {
                        taken.add(x.eventId());
                        eventsApplied++;
                    }
                }
            }
            return expected;
        }

        /** The command events of the next completed decision, without moving on. */
        List<HistoryEvent> peekNextDecisionEvents() {
            for (int i = next; i < events.size(); i++) {
                HistoryEvent e = events.get(i);
                if (e.eventType() == EventType.DECISION_TASK_COMPLETED) {
                    return decidedBy(i + 1, e.eventId(), false);
                }
            }
            return List.of();
        }

        List<HistoryEvent> takeSentResults() {
            List<HistoryEvent> r = new ArrayList<>(sentResults);
            sentResults.clear();
            return r;
        }
    }

    /** Moves the run from point to point; called by the runner with the baton held. */
    private final class Driver implements Runner.Driver {
        private Point current;
        /** Live: local activities wait for the worker's thread to run them. */
        boolean needLocals;

        DecisionResult result;

        @Override
        public boolean nextBatch() {
            if (current != null) {
                if (!ctx.pendingLocals.isEmpty()) {
                    return resolveLocals();
                }
                close(current);
                boolean wasLive = current.live();
                current = null;
                if (wasLive) {
                    return false;
                }
            }
            Point p = feed.next();
            if (p == null) {
                return false;
            }
            open(p);
            current = p;
            return true;
        }

        @Override
        public void endOfBatch() {}

        private void open(Point p) {
            ctx.decisionOpened(p.started());
            if (p.live()) {
                ctx.queue.beginLive();
            } else {
                ctx.queue.beginReplay(p.completed().eventId(), p.expected());
            }
            ctx.queue.deliverMatched();
            for (HistoryEvent e : feed.takeSentResults()) {
                ctx.queue.bindSent(e);
            }
            for (HistoryEvent e : p.arrivals()) {
                ctx.apply(e);
            }
        }

        /** Local activities the code waits for: from the history, or run by the worker's thread. */
        private boolean resolveLocals() {
            if (current.live()) {
                boolean delivered = false;
                while (!ctx.pendingLocals.isEmpty() && ctx.pendingLocals.peek().executed()) {
                    ctx.pendingLocals.poll().deliver(ctx);
                    delivered = true;
                }
                if (!delivered) {
                    needLocals = true;
                    return false;
                }
                return true;
            }
            while (!ctx.pendingLocals.isEmpty()) {
                LocalCall c = ctx.pendingLocals.poll();
                c.replay(ctx);
            }
            return true;
        }

        private void close(Point p) {
            if (ctx.completion != null && !ctx.closeInFlight && !ctx.closed) {
                ctx.command(ctx.completion.command(ctx));
                ctx.closeInFlight = true;
            }
            if (!p.live()) {
                ctx.queue.endReplay();
                for (HistoryEvent e : p.expected()) {
                    if (Completion.closes(e)) {
                        ctx.closed = true; // Final: no later point will deliver it.
                    }
                }
                return;
            }
            List<Decision> decisions = ctx.queue.takeDecisions();
            result = new DecisionResult(decisions, executionContext(), ctx.closeInFlight && !ctx.queue.hasDeferred());
        }

        private String executionContext() {
            String context = ExecutionContexts.write(stateJson(), ctx.waitingSteps.keySet());
            if (context != null && context.length() > Payloads.MAX) {
                log.error(
                        "The executionContext of {} ({}/{}) is {} characters, over SWF's {}; not published",
                        ctx.model.typeLabel(),
                        ctx.execution.workflowId(),
                        ctx.execution.runId(),
                        context.length(),
                        Payloads.MAX);
                return ExecutionContexts.write(null, ctx.waitingSteps.keySet());
            }
            return context;
        }

        private String stateJson() {
            var state = ctx.model.state();
            if (state == null || ctx.instance == null) {
                return null;
            }
            try {
                Object value = ctx.invoke(state, new Object[0]);
                String json = ctx.converter.toData(value, state.getGenericReturnType());
                if (json != null && json.length() > Payloads.MAX) {
                    log.error(
                            "The state of {} ({}/{}) is {} characters, over SWF's {} for executionContext; not"
                                    + " published",
                            ctx.model.typeLabel(),
                            ctx.execution.workflowId(),
                            ctx.execution.runId(),
                            json.length(),
                            Payloads.MAX);
                    return null;
                }
                return json;
            } catch (Throwable t) {
                log.error(
                        "The @GetState method of {} ({}/{}) threw; state not published",
                        ctx.model.typeLabel(),
                        ctx.execution.workflowId(),
                        ctx.execution.runId(),
                        t);
                return null;
            }
        }
    }
}
