package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** Long polls across threads. Nothing sleeps: threads are observed parked in the engine's poll. */
@Timeout(30)
final class LongPollTest {
    /** Runs {@code call} on a new thread and returns a handle on its result. */
    private static <T> Call<T> call(Supplier<T> call) {
        Call<T> c = new Call<>(call);
        c.thread.start();
        return c;
    }

    private static final class Call<T> {
        final AtomicReference<T> result = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread;

        Call(Supplier<T> call) {
            thread = new Thread(() -> {
                try {
                    result.set(call.get());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            thread.setDaemon(true);
        }

        /** Waits until the thread is parked waiting for a task inside the engine. */
        void awaitWaiting() {
            while (!waitingForTask(thread)) {
                assertTrue(thread.isAlive(), "the poll returned instead of waiting");
                Thread.onSpinWait();
            }
        }

        T join() throws InterruptedException {
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            return result.get();
        }
    }

    static boolean waitingForTask(Thread thread) {
        if (thread.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().endsWith("Poll$Blocking")
                    && frame.getMethodName().equals("await")) {
                return true;
            }
        }
        return false;
    }

    private static EngineTesting virtualWithLongPolls() {
        return new EngineTesting(SwfEngine.builder().virtualTime(T0).pollTimeout(Duration.ofSeconds(60)));
    }

    @Test
    void waitingPollIsWokenByANewTask() throws InterruptedException {
        try (EngineTesting t = virtualWithLongPolls()) {
            Call<PollForDecisionTaskResponse> poll = call(t::pollDecision);
            poll.awaitWaiting();
            WorkflowExecution run = t.start("w");
            PollForDecisionTaskResponse task = poll.join();
            assertEquals(run, task.workflowExecution());
            assertEquals(3, task.startedEventId());
            assertEquals(T0, t.engine.now(), "no time passed");
        }
    }

    @Test
    void waitingPollReturnsAnEmptyTaskWhenItsTimeIsUp() throws InterruptedException {
        try (EngineTesting t = virtualWithLongPolls()) {
            Call<PollForActivityTaskResponse> poll = call(t::pollActivity);
            poll.awaitWaiting();
            t.advance(Duration.ofSeconds(59));
            assertTrue(waitingForTask(poll.thread), "still waiting after 59 s");
            t.advance(Duration.ofSeconds(1));
            PollForActivityTaskResponse empty = poll.join();
            assertEquals("", empty.taskToken());
            assertEquals(0, empty.startedEventId());
        }
    }

    @Test
    void closingTheEngineEndsWaitingPolls() throws InterruptedException {
        EngineTesting t = virtualWithLongPolls();
        Call<PollForDecisionTaskResponse> poll = call(t::pollDecision);
        poll.awaitWaiting();
        t.close();
        assertEquals("", poll.join().taskToken());
        IllegalStateException closed = assertThrows(IllegalStateException.class, t::pollDecision);
        assertEquals("This SwfEngine is closed.", closed.getMessage());
    }

    @Test
    void hundredsOfWaitingPollsEachGetOneTask() throws InterruptedException {
        int n = 300;
        try (EngineTesting t = virtualWithLongPolls()) {
            List<Call<PollForActivityTaskResponse>> polls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                polls.add(call(t::pollActivity));
            }
            polls.forEach(Call::awaitWaiting);
            t.start("w");
            Decision[] activities = new Decision[n];
            for (int i = 0; i < n; i++) {
                activities[i] = EngineTesting.scheduleActivity("a" + i, Integer.toString(i));
            }
            t.decide(t.decisionTask(), activities);
            Set<String> ids = new HashSet<>();
            for (Call<PollForActivityTaskResponse> poll : polls) {
                ids.add(poll.join().activityId());
            }
            assertEquals(n, ids.size());
        }
    }

    @Test
    void eachTaskGoesToExactlyOnePoller() throws InterruptedException {
        int tasks = 200;
        try (EngineTesting t = new EngineTesting(SwfEngine.builder().pollTimeout(Duration.ofMillis(200)))) {
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> handed = new ConcurrentLinkedQueue<>();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread worker = new Thread(() -> {
                    while (!stop.get()) {
                        PollForActivityTaskResponse task = t.pollActivity();
                        if (!task.taskToken().isEmpty()) {
                            handed.add(task.activityId());
                            t.swf.respondActivityTaskCompleted(r -> r.taskToken(task.taskToken()));
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            WorkflowExecution run = t.start("w");
            Decision[] activities = new Decision[tasks];
            for (int i = 0; i < tasks; i++) {
                activities[i] = EngineTesting.scheduleActivity("a" + i, null);
            }
            t.decide(t.decisionTask(), activities);
            while (t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(run))
                            .openCounts()
                            .openActivityTasks()
                    > 0) {
                Thread.onSpinWait();
            }
            stop.set(true);
            for (Thread worker : workers) {
                worker.join();
            }
            assertEquals(tasks, handed.size());
            assertEquals(tasks, new HashSet<>(handed).size());
            long completed = t.history(run).stream()
                    .map(HistoryEvent::eventType)
                    .filter(EventType.ACTIVITY_TASK_COMPLETED::equals)
                    .count();
            assertEquals(tasks, completed);
        }
    }
}
