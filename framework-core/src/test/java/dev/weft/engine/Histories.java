package dev.weft.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * Renders history events as one line each: the event id, its type, and every attribute of its
 * attributes structure, as the SDK prints them. Tests compare whole histories this way, so that
 * every attribute of every event is checked.
 */
final class Histories {
    private Histories() {}

    static List<String> render(List<HistoryEvent> events) {
        List<String> lines = new ArrayList<>(events.size());
        for (HistoryEvent e : events) {
            lines.add(render(e));
        }
        return lines;
    }

    static String render(HistoryEvent e) {
        Object attributes = attributes(e);
        String text = attributes == null ? "" : attributes.toString();
        int paren = text.indexOf('(');
        return e.eventId() + " " + e.eventTypeAsString() + " " + (paren < 0 ? text : text.substring(paren));
    }

    /** The one *EventAttributes member that is set. */
    static Object attributes(HistoryEvent e) {
        String type = e.eventTypeAsString();
        String getter = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventAttributes";
        try {
            Method m = HistoryEvent.class.getMethod(getter);
            return m.invoke(e);
        } catch (ReflectiveOperationException ex) {
            throw new LinkageError("no attributes getter " + getter, ex);
        }
    }
}
