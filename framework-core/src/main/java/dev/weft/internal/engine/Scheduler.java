package dev.weft.internal.engine;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's time: the current instant and every deadline (timers, timeouts, poll expiries,
 * retention). With a wall clock, a daemon thread fires deadlines as they fall due. With virtual
 * time, time stands still until {@link #advanceTo} moves it, firing deadlines in order on the
 * caller's thread, each at its own instant; the daemon thread then only fires deadlines that were
 * set at or before the current virtual instant (a zero-second timer, say).
 *
 * <p>Deadlines are of two kinds. History deadlines change some workflow's history when they fire
 * (timers and timeouts); {@link #nextHistoryDeadline} reports the earliest, so that a virtual-time
 * driver knows where to jump. Housekeeping deadlines (poll expiries, retention) do not.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** A scheduled action. Cancel it with {@link Scheduler#cancel}. */
    static final class Timer {
        final long deadline;
        final long seq;
        final boolean history;
        final Runnable action;
        /** The lane it waits in, or null when not scheduled (fired or cancelled). Guarded by the lock. */
        Lane lane;
        /** Its neighbours in the lane, earlier and later. Guarded by the lock. */
        Timer prev;

        Timer next;

        Timer(long deadline, long seq, boolean history, Runnable action) {
            this.deadline = deadline;
            this.seq = seq;
            this.history = history;
            this.action = action;
        }

        boolean before(Timer other) {
            return deadline < other.deadline || (deadline == other.deadline && seq < other.seq);
        }
    }

    private final Clock clock;
    private final boolean virtual;
    private volatile long virtualNow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Serializes {@link #advanceTo} callers so that deadlines fire in order. */
    private final ReentrantLock advancing = new ReentrantLock();

    private final Lanes history = new Lanes();
    private final Lanes housekeeping = new Lanes();
    private long seq;
    private boolean closed;
    /**
     * The deadline the thread waits for: {@code Long.MAX_VALUE} if none, {@code Long.MIN_VALUE}
     * while it is not waiting (it looks at the heaps again before it waits). Guarded by the lock.
     */
    private long waitingUntil = Long.MIN_VALUE;

    private final Thread thread;

    private Scheduler(Clock clock, long virtualStart) {
        this.clock = clock;
        this.virtual = clock == null;
        this.virtualNow = virtualStart;
        this.thread = new Thread(this::run, "weft-engine-timer");
        thread.setDaemon(true);
        thread.start();
    }

    static Scheduler wallClock(Clock clock) {
        return new Scheduler(clock, 0);
    }

    static Scheduler virtualTime(long startMillis) {
        return new Scheduler(null, startMillis);
    }

    boolean isVirtual() {
        return virtual;
    }

    long now() {
        return virtual ? virtualNow : clock.millis();
    }

    /** Runs {@code action} at {@code deadline} (epoch millis). */
    Timer at(long deadline, boolean historyDeadline, Runnable action) {
        long span = deadline - now(); // Read outside the lock: it only picks the lane.
        lock.lock();
        try {
            Timer timer = new Timer(deadline, seq++, historyDeadline, action);
            (historyDeadline ? history : housekeeping).add(timer, span);
            // Only a deadline earlier than the one waited for wakes the thread: most (timeouts,
            // poll expiries) come later, and are cancelled before they fall due.
            if (virtual ? deadline <= virtualNow && waitingUntil != Long.MIN_VALUE : deadline < waitingUntil) {
                changed.signal();
            }
            return timer;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels a timer; harmless if it already fired or was cancelled, or is null. */
    void cancel(Timer timer) {
        if (timer == null) {
            return;
        }
        lock.lock();
        try {
            if (timer.lane != null) {
                (timer.history ? history : housekeeping).remove(timer);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The earliest history deadline, or -1 if there is none. */
    long nextHistoryDeadline() {
        lock.lock();
        try {
            Timer t = history.peek();
            return t == null ? -1 : t.deadline;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves virtual time to {@code target}, firing every deadline up to it in order, each at its
     * own instant (so that what a firing schedules in turn also fires if it falls due in time).
     */
    void advanceTo(long target) {
        if (!virtual) {
            throw new IllegalStateException(
                    "This engine runs on a wall clock; only an engine built with virtualTime(...) can be advanced.");
        }
        advancing.lock();
        try {
            while (true) {
                Timer due;
                lock.lock();
                try {
                    due = earliest();
                    if (due == null || due.deadline > target) {
                        if (target > virtualNow) {
                            virtualNow = target;
                        }
                        changed.signal();
                        return;
                    }
                    (due.history ? history : housekeeping).remove(due);
                    if (due.deadline > virtualNow) {
                        virtualNow = due.deadline;
                    }
                } finally {
                    lock.unlock();
                }
                fire(due);
            }
        } finally {
            advancing.unlock();
        }
    }

    /**
     * Fires what is due now; if nothing was and {@code idle} says so, moves virtual time to the next
     * history deadline, or to {@code limit} if that comes first (or if there is none and {@code
     * limit} is not {@code Long.MAX_VALUE}). {@code idle} is asked while no deadline can fire.
     *
     * @return whether anything fired or time moved
     */
    boolean advanceIf(java.util.function.BooleanSupplier idle, long limit) {
        if (!virtual) {
            throw new IllegalStateException(
                    "This engine runs on a wall clock; only an engine built with virtualTime(...) can be advanced.");
        }
        advancing.lock();
        try {
            long now = virtualNow;
            boolean due;
            lock.lock();
            try {
                Timer t = earliest();
                due = t != null && t.deadline <= now;
            } finally {
                lock.unlock();
            }
            if (due) {
                advanceTo(now);
                return true;
            }
            if (!idle.getAsBoolean()) {
                return false;
            }
            long next = nextHistoryDeadline();
            long target = next < 0 ? limit : Math.min(next, limit);
            if (target == Long.MAX_VALUE || target <= now) {
                return false;
            }
            advanceTo(target);
            return true;
        } finally {
            advancing.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private Timer earliest() {
        Timer a = history.peek();
        Timer b = housekeeping.peek();
        if (a == null) {
            return b;
        }
        return b == null || a.before(b) ? a : b;
    }

    private void run() {
        while (true) {
            try {
                if (!awaitDue()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (virtual) {
                // Fire holding advancing, so that advanceTo() never returns while this thread is
                // still applying a deadline that was due before its target.
                advancing.lock();
                try {
                    fireDue();
                } finally {
                    advancing.unlock();
                }
            } else {
                fireDue();
            }
        }
    }

    /** Waits until some deadline is due; false once closed. */
    private boolean awaitDue() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return false;
                }
                Timer next = earliest();
                long now = now();
                if (next != null && next.deadline <= now) {
                    return true;
                }
                waitingUntil = next == null || virtual ? Long.MAX_VALUE : next.deadline;
                try {
                    if (next == null || virtual) {
                        changed.await();
                    } else {
                        changed.await(next.deadline - now, TimeUnit.MILLISECONDS);
                    }
                } finally {
                    waitingUntil = Long.MIN_VALUE;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Fires the earliest deadline if it is (still) due; another thread may have taken it. */
    private void fireDue() {
        Timer due = null;
        lock.lock();
        try {
            Timer next = earliest();
            if (next != null && next.deadline <= now()) {
                (next.history ? history : housekeeping).remove(next);
                due = next;
            }
        } finally {
            lock.unlock();
        }
        if (due != null) {
            fire(due);
        }
    }

    private static void fire(Timer timer) {
        try {
            timer.action.run();
        } catch (RuntimeException | Error e) {
            log.error("[BUG] an engine deadline failed to fire", e);
        }
    }

    /**
     * Timers in lanes, one per span from scheduling to deadline, each lane in deadline order; and a
     * binary min-heap of the lanes by their first timer. Nearly every timer is a timeout set as a
     * task starts and cancelled as it ends, and a lane's timers were mostly set in the order they
     * fall due, so adding one appends it to its lane, and cancelling one unlinks it: O(1), where a
     * heap of every timer (tens of thousands under load, retention purges among them) costs
     * O(log n) cache misses inside the lock that every task start and end takes. Only a new first
     * timer of a lane moves the lane in the heap, whose size is the number of distinct spans in
     * use. Guarded by the lock.
     */
    static final class Lanes {
        private final Map<Long, Lane> bySpan = new HashMap<>();
        private Lane[] heap = new Lane[8];
        private int size;

        Timer peek() {
            return size == 0 ? null : heap[0].first;
        }

        /** Adds a timer whose deadline is {@code span} milliseconds from now. */
        void add(Timer t, long span) {
            Lane lane = bySpan.get(span);
            if (lane == null) {
                lane = new Lane(span);
                bySpan.put(span, lane);
            }
            t.lane = lane;
            Timer after = lane.last;
            // A lane is in deadline order: a clock that stepped back can make a timer due before
            // the last ones of its lane.
            while (after != null && t.before(after)) {
                after = after.prev;
            }
            t.prev = after;
            t.next = after == null ? lane.first : after.next;
            if (t.next == null) {
                lane.last = t;
            } else {
                t.next.prev = t;
            }
            if (after != null) {
                after.next = t;
                return;
            }
            lane.first = t;
            if (lane.index < 0) {
                lane.index = size;
                if (size == heap.length) {
                    heap = Arrays.copyOf(heap, size * 2);
                }
                heap[size++] = lane;
            }
            up(lane.index);
        }

        void remove(Timer t) {
            Lane lane = t.lane;
            t.lane = null;
            if (t.next == null) {
                lane.last = t.prev;
            } else {
                t.next.prev = t.prev;
            }
            if (t.prev != null) {
                t.prev.next = t.next;
                t.prev = null;
                t.next = null;
                return;
            }
            lane.first = t.next;
            t.next = null;
            if (lane.first != null) {
                down(lane.index);
                return;
            }
            // An empty lane leaves: spans come and go (a user's timers, a clock's jitter).
            bySpan.remove(lane.span);
            int i = lane.index;
            lane.index = -1;
            size--;
            Lane moved = heap[size];
            heap[size] = null;
            if (i != size) {
                heap[i] = moved;
                moved.index = i;
                up(i);
                down(moved.index);
            }
        }

        /** How many lanes hold timers: for tests. */
        int lanes() {
            return size;
        }

        private void up(int i) {
            Lane l = heap[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                Lane p = heap[parent];
                if (!l.first.before(p.first)) {
                    break;
                }
                heap[i] = p;
                p.index = i;
                i = parent;
            }
            heap[i] = l;
            l.index = i;
        }

        private void down(int i) {
            Lane l = heap[i];
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && heap[right].first.before(heap[child].first)) {
                    child = right;
                }
                if (!heap[child].first.before(l.first)) {
                    break;
                }
                heap[i] = heap[child];
                heap[i].index = i;
                i = child;
            }
            heap[i] = l;
            l.index = i;
        }
    }

    /** The timers of one span, in deadline order. Guarded by the lock. */
    static final class Lane {
        final long span;
        Timer first;
        Timer last;
        /** Position in the heap of lanes, or -1 while empty. */
        int index = -1;

        Lane(long span) {
            this.span = span;
        }
    }
}
