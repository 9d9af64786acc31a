package dev.weft.samples.reminders;

import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Timers and reminders: remind someone every so often until they say it is done, giving up after
 * a number of reminders. Each wait is an SWF timer, so a reminder a week away costs nothing while
 * it waits and survives any worker restart.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.reminders.ReminderSample}.
 */
public final class ReminderSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "reminders";

    private ReminderSample() {}

    /** A reminder. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "30d")
    public interface Reminder {
        /**
         * Reminds until done, or until {@code most} reminders were sent.
         *
         * @param what what to remind of
         * @param everySeconds the time between reminders, in seconds
         * @param most the most reminders to send
         * @return how it ended
         */
        @WorkflowMethod
        String remind(String what, long everySeconds, int most);

        /** Done: no more reminders. */
        @SignalMethod
        void done();
    }

    /** Sending reminders. */
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Notifier {
        /**
         * Sends one reminder.
         *
         * @param what what it is about
         * @param n which reminder this is, from 1
         */
        void send(String what, int n);
    }

    /** The workflow's code. */
    public static final class ReminderImpl implements Reminder {
        private final Notifier notifier = dev.weft.workflow.Workflow.newActivityStub(Notifier.class);
        private boolean done;

        @Override
        public String remind(String what, long everySeconds, int most) {
            for (int n = 1; n <= most; n++) {
                // A timer that a signal cuts short: true once done() came.
                if (dev.weft.workflow.Workflow.await(Duration.ofSeconds(everySeconds), () -> done)) {
                    return "done after " + (n - 1) + " reminder(s)";
                }
                notifier.send(what, n);
            }
            return "gave up after " + most + " reminders";
        }

        @Override
        public void done() {
            done = true;
        }
    }

    /** A notifier that prints and keeps what it sent. */
    public static final class PrintingNotifier implements Notifier {
        /** What was sent. */
        public final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(String what, int n) {
            String line = "reminder " + n + ": " + what;
            synchronized (this) {
                sent.add(line);
                notifyAll();
            }
            System.out.println("  " + line);
        }

        /**
         * Waits until {@code line} has been sent.
         *
         * @param line the reminder's line
         * @throws InterruptedException if interrupted
         */
        public synchronized void awaitSent(String line) throws InterruptedException {
            while (!sent.contains(line)) {
                wait();
            }
        }
    }

    /**
     * Starts a reminder.
     *
     * @param client the workflow client
     * @param what what it is about
     * @param every the time between reminders
     * @param most the most reminders
     * @return the execution
     */
    public static WorkflowExecution start(WorkflowClient client, String what, Duration every, int most) {
        Reminder r = client.newWorkflowStub(Reminder.class);
        return WorkflowClient.start(r::remind, what, every.toSeconds(), most);
    }

    public static void main(String[] args) throws InterruptedException {
        try (Samples.Connection c = Samples.connect()) {
            PrintingNotifier notifier = new PrintingNotifier();
            c.startWorker(TASK_LIST, List.of(ReminderImpl.class), List.of(notifier));
            WorkflowClient client = c.client();
            WorkflowExecution water = start(client, "water the plants", Duration.ofSeconds(1), 3);
            System.out.println(
                    client.newUntypedStub(water.workflowId(), water.runId()).getResult(String.class));
            WorkflowExecution call = start(client, "call back", Duration.ofSeconds(1), 5);
            notifier.awaitSent("reminder 2: call back"); // The person reads the second reminder...
            client.newWorkflowStub(Reminder.class, call.workflowId()).done(); // ...and calls back.
            System.out.println(
                    client.newUntypedStub(call.workflowId(), call.runId()).getResult(String.class));
        }
    }
}
