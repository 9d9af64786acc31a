package dev.weft.internal.engine;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * Turns stored events back into the SDK's {@link HistoryEvent}s. Executions keep each event as its
 * timestamp, type and attributes object only (a fraction of a HistoryEvent's size, which matters
 * when many executions are parked); a HistoryEvent is built when a history is read. The attributes
 * member to set is found once per event type in the SDK's own field metadata.
 */
final class Events {
    private static final Map<EventType, SdkField<?>> ATTRIBUTES = new EnumMap<>(EventType.class);

    static {
        Map<String, SdkField<?>> fields = HistoryEvent.builder().sdkFieldNameToField();
        for (EventType type : EventType.values()) {
            if (type == EventType.UNKNOWN_TO_SDK_VERSION) {
                continue;
            }
            String name = type.toString();
            String member = Character.toLowerCase(name.charAt(0)) + name.substring(1) + "EventAttributes";
            SdkField<?> field = fields.get(member);
            if (field == null) {
                throw new IllegalStateException("[BUG] HistoryEvent has no member " + member);
            }
            ATTRIBUTES.put(type, field);
        }
    }

    private Events() {}

    /**
     * Builds a run of events with one builder (a builder weighs as much as the event): each build
     * copies the builder's fields, and the previous event's attributes are cleared before the next
     * one's are set. Not thread-safe.
     */
    static final class Maker {
        private final HistoryEvent.Builder builder = HistoryEvent.builder();
        private EventType last;

        HistoryEvent event(long eventId, long millis, EventType type, Object attributes) {
            if (last != null && last != type) {
                ATTRIBUTES.get(last).set(builder, null);
            }
            builder.eventId(eventId)
                    .eventTimestamp(Instant.ofEpochMilli(millis))
                    .eventType(type);
            ATTRIBUTES.get(type).set(builder, attributes);
            last = type;
            return builder.build();
        }
    }

    static HistoryEvent event(long eventId, long millis, EventType type, Object attributes) {
        return new Maker().event(eventId, millis, type, attributes);
    }
}
