package dev.weft.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * The markers the decider records, and what their details hold. Their names are part of the
 * history format: changing one breaks the replay of every execution that recorded it.
 */
final class Markers {
    /**
     * A {@code Workflow.sideEffect} value: the details are the value's payload.
     */
    static final String SIDE_EFFECT = "weft-side-effect";
    /**
     * A {@code Workflow.getVersion} choice: {@code {"changeId": ..., "version": n}}.
     */
    static final String VERSION = "weft-version";
    /**
     * A local activity's outcome: {@code {"id": ..., "activity": ..., "result": payload}} or
     * {@code {..., "failure": {"reason": ..., "details": ...}}}.
     */
    static final String LOCAL_ACTIVITY = "weft-local-activity";

    private static final ObjectMapper JSON = dev.weft.internal.json.Mappers.newMapper();

    private Markers() {}

    static boolean is(HistoryEvent e, String name) {
        return e.eventType() == EventType.MARKER_RECORDED
                && name.equals(e.markerRecordedEventAttributes().markerName());
    }

    static String versionDetails(String changeId, int version) {
        ObjectNode n = JSON.createObjectNode();
        n.put("changeId", changeId);
        n.put("version", version);
        return n.toString();
    }

    /**
     * The version an event records for {@code changeId}, or null if it is not that version marker.
     */
    static Integer version(HistoryEvent e, String changeId) {
        if (!is(e, VERSION)) {
            return null;
        }
        JsonNode n = read(e);
        if (n == null || !changeId.equals(n.path("changeId").asText(null))) {
            return null;
        }
        return n.path("version").asInt();
    }

    static String localDetails(String id, String activity, String result, FailureCodec.Encoded failure) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("activity", activity);
        if (failure != null) {
            ObjectNode f = n.putObject("failure");
            f.put("reason", failure.reason());
            f.put("details", failure.details());
        } else if (result != null) {
            n.put("result", result);
        }
        return n.toString();
    }

    /**
     * A local activity's recorded outcome, if {@code e} is the marker of local call {@code id}.
     */
    static LocalOutcome local(HistoryEvent e, String id) {
        if (!is(e, LOCAL_ACTIVITY)) {
            return null;
        }
        JsonNode n = read(e);
        if (n == null || !id.equals(n.path("id").asText(null))) {
            return null;
        }
        JsonNode f = n.get("failure");
        if (f != null && f.isObject()) {
            return new LocalOutcome(
                    null,
                    new FailureCodec.Encoded(
                            f.path("reason").asText(null), f.path("details").asText(null)));
        }
        JsonNode r = n.get("result");
        return new LocalOutcome(r == null || r.isNull() ? null : r.asText(), null);
    }

    /** A local activity's outcome: its result payload, or its failure. */
    record LocalOutcome(String result, FailureCodec.Encoded failure) {}

    private static JsonNode read(HistoryEvent e) {
        String details = e.markerRecordedEventAttributes().details();
        if (details == null) {
            return null;
        }
        try {
            return JSON.readTree(details);
        } catch (JsonProcessingException ex) {
            return null;
        }
    }
}
