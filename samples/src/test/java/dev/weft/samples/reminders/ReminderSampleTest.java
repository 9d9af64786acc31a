package dev.weft.samples.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

final class ReminderSampleTest {
    final ReminderSample.PrintingNotifier notifier = new ReminderSample.PrintingNotifier();

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(ReminderSample.TASK_LIST)
            .workflows(ReminderSample.ReminderImpl.class)
            .activities(notifier)
            .build();

    @Test
    void weeklyRemindersGiveUpAfterTheLastOne(WorkflowClient client, TestWorkflowEnvironment env) {
        WorkflowExecution run = ReminderSample.start(client, "renew the passport", Duration.ofDays(7), 3);
        assertEquals(
                "gave up after 3 reminders",
                client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class));
        assertEquals(TestWorkflowEnvironment.DEFAULT_START.plus(Duration.ofDays(21)), env.currentTime());
        assertEquals(
                List.of(
                        "reminder 1: renew the passport",
                        "reminder 2: renew the passport",
                        "reminder 3: renew the passport"),
                notifier.sent);
        HistoryAssert.assertThat(env.getHistory(run))
                .hasTimerStarted(Duration.ofDays(7))
                .hasCount(EventType.TIMER_FIRED, 3);
    }

    @Test
    void doneStopsTheRemindersAtOnce(WorkflowClient client, TestWorkflowEnvironment env) {
        env.setAutoSkip(false);
        WorkflowExecution run = ReminderSample.start(client, "call back", Duration.ofDays(1), 5);
        env.sleep(Duration.ofDays(2).plusHours(3));
        assertEquals(List.of("reminder 1: call back", "reminder 2: call back"), notifier.sent);
        client.newWorkflowStub(ReminderSample.Reminder.class, run.workflowId()).done();
        assertEquals(
                "done after 2 reminder(s)",
                client.newUntypedStub(run.workflowId(), run.runId()).getResult(String.class));
        Instant signaled =
                TestWorkflowEnvironment.DEFAULT_START.plus(Duration.ofDays(2).plusHours(3));
        assertEquals(signaled, env.currentTime(), "no time passed after the signal");
        HistoryAssert.assertThat(env.getHistory(run))
                .hasSignal("done")
                .hasCount(EventType.TIMER_FIRED, 2)
                .hasCount(EventType.TIMER_CANCELED, 1);
    }
}
