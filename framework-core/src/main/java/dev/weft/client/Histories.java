package dev.weft.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.internal.http.WireCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * Histories as JSON, in the form {@code aws swf get-workflow-execution-history} prints: {@code
 * {"events": [...]}}, members in SWF's lowerCamelCase, timestamps as ISO-8601 text (the AWS CLI
 * v2's default). Reading also takes the CLI v1's epoch seconds and a bare array of events, so any
 * history saved from the CLI, an SDK or {@link #toJson} can be replayed.
 *
 * <pre>{@code
 * Histories.write(Path.of("histories/order-42.json"), client.history(execution));
 * List<HistoryEvent> events = Histories.read(Path.of("histories/order-42.json"));
 * }</pre>
 */
public final class Histories {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter CLI_TIME_WHOLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private Histories() {}

    /**
     * A history as the AWS CLI prints it.
     *
     * @param events the events, in order
     * @return the JSON
     */
    public static String toJson(List<HistoryEvent> events) {
        ArrayNode array = JSON.createArrayNode();
        for (HistoryEvent e : events) {
            ObjectNode node;
            try {
                StringWriter w = new StringWriter();
                try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
                    WireCodec.write(g, e);
                }
                node = (ObjectNode) JSON.readTree(w.toString());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            if (e.eventTimestamp() != null) {
                node.put("eventTimestamp", cliTime(e.eventTimestamp()));
            }
            array.add(node);
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("events", array);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(root) + "\n";
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String cliTime(Instant t) {
        OffsetDateTime utc = t.atOffset(ZoneOffset.UTC);
        return (utc.getNano() == 0 ? CLI_TIME_WHOLE : CLI_TIME).format(utc);
    }

    /**
     * Reads a history.
     *
     * @param json {@code {"events": [...]}}, or a bare array of events
     * @return the events
     * @throws IllegalArgumentException if the text is not a history, naming what is wrong and
     *     where
     */
    public static List<HistoryEvent> fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
        JsonNode array = root != null && root.isObject() ? root.get("events") : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("A history is {\"events\": [...]} or an array of events, as"
                    + " aws swf get-workflow-execution-history prints it");
        }
        List<HistoryEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            if (!e.isObject()) {
                throw new IllegalArgumentException("Event #" + (i + 1) + " is not a JSON object");
            }
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            JsonNode t = copy.get("eventTimestamp");
            if (t != null && t.isTextual()) {
                copy.put("eventTimestamp", epochSeconds(t.textValue(), i));
            }
            try {
                events.add((HistoryEvent) WireCodec.read(copy, HistoryEvent.builder()));
            } catch (WireCodec.MalformedException ex) {
                throw new IllegalArgumentException("Event #" + (i + 1) + ": " + ex.getMessage(), ex);
            }
        }
        return events;
    }

    private static BigDecimal epochSeconds(String text, int index) {
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Event #" + (index + 1) + ": eventTimestamp '" + text + "' is neither"
                            + " ISO-8601 nor epoch seconds",
                    e);
        }
    }

    /**
     * Reads a history from a file.
     *
     * @param file the file
     * @return the events
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not a history (the message names the file)
     */
    public static List<HistoryEvent> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a history to a file, as {@link #toJson} does.
     *
     * @param file the file
     * @param events the events
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, List<HistoryEvent> events) throws IOException {
        Files.writeString(file, toJson(events), StandardCharsets.UTF_8);
    }
}
