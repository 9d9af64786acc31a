package dev.weft.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.swf.model.ActivityTaskScheduledEventAttributes;
import software.amazon.awssdk.services.swf.model.DecisionTaskCompletedEventAttributes;
import software.amazon.awssdk.services.swf.model.DecisionTaskScheduledEventAttributes;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

final class EventsTest {
    @Test
    void aRunOfEventsBuiltWithOneBuilderEqualsTheEventsBuiltOneByOne() {
        Object scheduled = DecisionTaskScheduledEventAttributes.builder()
                .taskList(t -> t.name("decisions"))
                .build();
        Object completed = DecisionTaskCompletedEventAttributes.builder()
                .scheduledEventId(1L)
                .startedEventId(2L)
                .build();
        Object activity = ActivityTaskScheduledEventAttributes.builder()
                .activityId("1")
                .decisionTaskCompletedEventId(3L)
                .build();
        EventType[] types = {
            EventType.DECISION_TASK_SCHEDULED,
            EventType.DECISION_TASK_COMPLETED,
            EventType.ACTIVITY_TASK_SCHEDULED,
            EventType.ACTIVITY_TASK_SCHEDULED,
            EventType.DECISION_TASK_SCHEDULED
        };
        Object[] attributes = {scheduled, completed, activity, activity, scheduled};

        Events.Maker maker = new Events.Maker();
        for (int i = 0; i < types.length; i++) {
            HistoryEvent made = maker.event(i + 1L, 1_000L * i, types[i], attributes[i]);
            assertEquals(Events.event(i + 1L, 1_000L * i, types[i], attributes[i]), made, "event " + (i + 1));
        }
        HistoryEvent last = maker.event(6L, 6_000L, EventType.ACTIVITY_TASK_SCHEDULED, activity);
        assertNull(last.decisionTaskScheduledEventAttributes(), "the previous event's attributes are cleared");
        assertEquals(activity, last.activityTaskScheduledEventAttributes());
    }
}
