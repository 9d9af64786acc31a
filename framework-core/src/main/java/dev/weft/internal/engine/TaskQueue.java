package dev.weft.internal.engine;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.PriorityQueue;

/**
 * The tasks of one task list of one kind (decision or activity) in one domain, and the polls
 * waiting on it. Tasks are handed out highest priority first, and first come first served within
 * a priority; each task goes to exactly one poll.
 *
 * <p>A queued task may go stale before it is handed out (its activity was cancelled or timed out,
 * its execution closed, its decision task was replaced); stale tasks are dropped when met.
 */
final class TaskQueue {
    /** SWF's quota on polls waiting at once on one task list. */
    static final int MAX_WAITING_POLLS = 1000;

    /** Something that can be queued. */
    interface Task {
        /** True while the task may still be handed out. */
        boolean live();

        int priority();
    }

    private static final class Entry {
        final Task task;
        final int priority;
        final long seq;

        Entry(Task task, long seq) {
            this.task = task;
            this.priority = task.priority();
            this.seq = seq;
        }
    }

    final String name;
    private final PriorityQueue<Entry> tasks = new PriorityQueue<>(
            (a, b) -> a.priority != b.priority ? Integer.compare(b.priority, a.priority) : Long.compare(a.seq, b.seq));
    private final ArrayDeque<Poll> waiting = new ArrayDeque<>();
    private long seq;

    TaskQueue(String name) {
        this.name = name;
    }

    /** Hands the task to a waiting poll, or queues it. */
    void offer(Task task) {
        Poll matched = null;
        synchronized (this) {
            Poll poll;
            while ((poll = waiting.pollFirst()) != null) {
                if (poll.match(task)) {
                    matched = poll;
                    break;
                }
            }
            if (matched == null) {
                tasks.add(new Entry(task, seq++));
            }
        }
        if (matched != null) {
            matched.wake();
        }
    }

    /**
     * Takes the next live task, or, if there is none, registers the poll as waiting and returns
     * null. Throws if too many polls are waiting already.
     */
    synchronized Task takeOrWait(Poll poll) {
        Task task = take();
        if (task == null) {
            if (waiting.size() >= MAX_WAITING_POLLS) {
                throw Faults.limitExceeded("Too many pollers are waiting on task list " + name + " (the limit is "
                        + MAX_WAITING_POLLS + "). Spread the polls over several task lists.");
            }
            waiting.addLast(poll);
        }
        return task;
    }

    /** Takes the next live task, or returns null. */
    synchronized Task take() {
        Entry e;
        while ((e = tasks.poll()) != null) {
            if (e.task.live()) {
                return e.task;
            }
        }
        return null;
    }

    /** Forgets a poll that stopped waiting (it expired or was abandoned). */
    synchronized void forget(Poll poll) {
        waiting.remove(poll);
    }

    /** Live tasks waiting to be handed out. */
    synchronized int pending() {
        int n = 0;
        for (Iterator<Entry> it = tasks.iterator(); it.hasNext(); ) {
            if (it.next().task.live()) {
                n++;
            } else {
                it.remove();
            }
        }
        return n;
    }

    /** Polls waiting now. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Wakes every waiting poll with nothing, as when the engine closes. */
    void expireAll() {
        Poll[] polls;
        synchronized (this) {
            polls = waiting.toArray(new Poll[0]);
            waiting.clear();
        }
        for (Poll p : polls) {
            if (p.expire()) {
                p.wake();
            }
        }
    }
}
