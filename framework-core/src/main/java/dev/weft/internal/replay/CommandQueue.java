package dev.weft.internal.replay;

import dev.weft.workflow.NonDeterministicException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * The commands of workflow code, on their way to becoming decisions or being matched with the
 * history that already records them.
 *
 * <p>Replaying a decision the history completed, each command is matched, the moment the code
 * creates it, with the next event the history recorded for that decision: a mismatch throws on
 * the very thread that made the command, so the report carries the call site. Deciding anew,
 * commands collect in the outbox and become the response's decisions; their events, in the next
 * decision task, are matched with them in order.
 *
 * <p>SWF takes at most 100 decisions per response: beyond that, 99 go out with a zero-second timer
 * ({@link #MORE_PREFIX}) that brings a new decision task at once, and the rest go first in it.
 * Replay follows the same split.
 */
final class CommandQueue {
    /** Decisions per response, SWF's limit. */
    static final int MAX_DECISIONS = 100;
    /** Timer ids of the framework's "more decisions follow" timers. */
    static final String MORE_PREFIX = "weft-more-";

    private final ArrayList<Command> outbox = new ArrayList<>();
    /** Live: commands beyond the last response's limit, sent first in the next one. */
    private final ArrayDeque<Command> deferred = new ArrayDeque<>(4);
    /** Live: commands sent whose events the next decision task brings. */
    private final ArrayDeque<Command> sent = new ArrayDeque<>(4);

    private boolean replaying;
    private List<HistoryEvent> expected = List.of();
    private int cursor;
    private long decisionCompletedId;
    /** Replay: past the split timer, commands wait for the next decision's events. */
    private boolean split;

    private final ArrayList<Command> overflow = new ArrayList<>();
    private int moreTimers;
    /**
     * Replay: commands matched with their events, delivered when the next decision opens. A live
     * run learns of its commands' events only from the next decision task, so replay must not
     * let the code see them any sooner (a schedule failure, say), or the two would diverge.
     */
    private final ArrayList<Command> matched = new ArrayList<>();

    private final ArrayList<HistoryEvent> matchedEvents = new ArrayList<>();
    /** Replay past a split: the next decision's command events, where the overflow will go. */
    private java.util.function.Supplier<List<HistoryEvent>> nextDecision = List::of;

    boolean replaying() {
        return replaying;
    }

    /** Lets empty lists drop their arrays: a cached run keeps them until its next decision. */
    void trim() {
        trim(outbox);
        trim(overflow);
        trim(matched);
        trim(matchedEvents);
    }

    @SuppressWarnings("NonApiType") // trimToSize is ArrayList's.
    private static void trim(ArrayList<?> list) {
        if (list.isEmpty()) {
            list.trimToSize();
        }
    }

    /**
     * Starts replaying a decision the history completed; {@code events} are its command events.
     */
    void beginReplay(long completedEventId, List<HistoryEvent> events) {
        replaying = true;
        expected = events;
        cursor = 0;
        decisionCompletedId = completedEventId;
        split = false;
        if (!overflow.isEmpty()) {
            List<Command> carried = new ArrayList<>(overflow);
            overflow.clear();
            for (Command c : carried) {
                add(c);
            }
        }
    }

    /** Ends a replayed decision: every command event it recorded must have been produced. */
    void endReplay() {
        if (split) {
            return; // The rest of this decision's commands went out with the next one.
        }
        if (cursor < expected.size()) {
            HistoryEvent e = expected.get(cursor);
            if (isMoreTimer(e)) {
                return;
            }
            throw new NonDeterministicException("[SWF-1100] Nondeterministic decision at event " + e.eventId() + " ("
                    + HistoryEvents.describe(e) + ") during replay: the history records it for the"
                    + " decision completed at event " + decisionCompletedId + ", but the workflow code produced"
                    + " nothing more.");
        }
    }

    /** Starts deciding anew: commands become decisions. */
    void beginLive() {
        replaying = false;
        expected = List.of();
        cursor = 0;
        outbox.clear();
        if (!overflow.isEmpty()) {
            // Replay ended past a split whose remaining commands were never sent: send them now.
            outbox.addAll(overflow);
            overflow.clear();
        }
    }

    /** Adds a command the code (or a framework callback) just made. */
    void add(Command c) {
        if (!replaying) {
            outbox.add(c);
            return;
        }
        if (split) {
            overflow.add(c);
            return;
        }
        HistoryEvent e = cursor < expected.size() ? expected.get(cursor) : null;
        if (e != null && isMoreTimer(e)) {
            cursor++;
            moreTimers++; // As the live run counted them.
            split = true;
            overflow.add(c);
            return;
        }
        if (e == null) {
            throw new NonDeterministicException("[SWF-1100] Nondeterministic decision after event "
                    + decisionCompletedId + " (DecisionTaskCompleted) during replay: the workflow code produced "
                    + c.description() + ", but the history records nothing more for that decision."
                    + callSite());
        }
        if (!c.matches(e)) {
            throw new NonDeterministicException("[SWF-1100] Nondeterministic decision at event " + e.eventId() + " ("
                    + e.eventTypeAsString() + ") during replay: the history holds " + HistoryEvents.describe(e)
                    + ", but the workflow code produced " + c.description() + "." + callSite());
        }
        cursor++;
        matched.add(c);
        matchedEvents.add(e);
    }

    /** Delivers the events of the commands replay matched in the last decision. */
    void deliverMatched() {
        for (int i = 0; i < matched.size(); i++) {
            matched.get(i).bind(matchedEvents.get(i));
        }
        matched.clear();
        matchedEvents.clear();
    }

    /** Where replay looks for the events of commands past a split. */
    void nextDecision(java.util.function.Supplier<List<HistoryEvent>> events) {
        this.nextDecision = events;
    }

    /**
     * The next event the history recorded for this decision, without taking it; null when
     * deciding anew or when none is left. Framework choices that must replay as they were made
     * (a retry, a version) look here.
     */
    HistoryEvent peekExpected() {
        if (!replaying) {
            return null;
        }
        if (split) {
            // The overflow goes first in the next decision; this command would follow it there.
            List<HistoryEvent> next = nextDecision.get();
            return overflow.size() < next.size() ? next.get(overflow.size()) : null;
        }
        if (cursor >= expected.size()) {
            return null;
        }
        HistoryEvent e = expected.get(cursor);
        if (isMoreTimer(e)) {
            List<HistoryEvent> next = nextDecision.get();
            return next.isEmpty() ? null : next.get(0);
        }
        return e;
    }

    /**
     * The decisions of a new response: the deferred ones first, then the outbox; at most 100, the
     * last of which is then a zero-second timer asking for the next decision task.
     */
    List<Decision> takeDecisions() {
        List<Command> all = new ArrayList<>(deferred.size() + outbox.size());
        all.addAll(deferred);
        all.addAll(outbox);
        deferred.clear();
        outbox.clear();
        List<Command> now = all;
        if (all.size() > MAX_DECISIONS) {
            now = new ArrayList<>(all.subList(0, MAX_DECISIONS - 1));
            deferred.addAll(all.subList(MAX_DECISIONS - 1, all.size()));
            now.add(moreTimer());
        }
        List<Decision> decisions = new ArrayList<>(now.size());
        for (Command c : now) {
            decisions.add(c.decision);
            sent.add(c);
        }
        return decisions;
    }

    boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** An event of the last response arrived: the command it answers takes it. */
    void bindSent(HistoryEvent e) {
        Command c = sent.poll();
        if (c == null || !c.matches(e)) {
            throw new IllegalStateException("[BUG] event " + e.eventId() + " (" + HistoryEvents.describe(e)
                    + ") does not answer the decision sent, " + c);
        }
        c.bind(e);
    }

    /** Whether decisions were sent whose events have not arrived yet. */
    boolean awaitingEvents() {
        return !sent.isEmpty();
    }

    private Command moreTimer() {
        String id = MORE_PREFIX + ++moreTimers;
        Decision d = Decision.builder()
                .decisionType(DecisionType.START_TIMER)
                .startTimerDecisionAttributes(a -> a.timerId(id).startToFireTimeout("0"))
                .build();
        return new Command(
                d,
                "StartTimer timerId=" + id + " (more decisions follow)",
                e -> e.eventType() == EventType.TIMER_STARTED
                        && id.equals(e.timerStartedEventAttributes().timerId()),
                e -> {});
    }

    /**
     * Where the workflow code made the command: the first frame of the calling thread's stack that
     * is neither Weft's, the JDK's, nor a generated stub's. (Weft's own tests count as workflow
     * code.)
     */
    static String callSite() {
        for (StackTraceElement f : Thread.currentThread().getStackTrace()) {
            String c = f.getClassName();
            boolean weft = c.startsWith("dev.weft.internal.") || c.startsWith("dev.weft.workflow.");
            if ((weft && !c.contains("Test"))
                    || c.startsWith("java.")
                    || c.startsWith("jdk.")
                    || c.startsWith("sun.")
                    || c.startsWith("net.bytebuddy.")
                    || c.contains("$WeftStub")) {
                continue;
            }
            return "\n    at " + f;
        }
        return "";
    }

    static boolean isMoreTimer(HistoryEvent e) {
        return e.eventType() == EventType.TIMER_STARTED
                && e.timerStartedEventAttributes().timerId().startsWith(MORE_PREFIX);
    }
}
