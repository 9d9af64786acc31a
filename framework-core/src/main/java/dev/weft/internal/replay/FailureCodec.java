package dev.weft.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.ApplicationFailure;
import java.io.StringWriter;
import java.lang.reflect.Constructor;

/**
 * Failures across SWF: an exception becomes a {@code reason} (its type, at most 256 characters)
 * and {@code details} (JSON with type, message, the remote stack trace and the cause, at most
 * 32,768 characters); and back into an exception of the original class when that class is here
 * and can be built from a message, or an {@link ApplicationFailure} of that type otherwise.
 */
public final class FailureCodec {
    static final int REASON_MAX = 256;
    static final int DETAILS_MAX = 32768;
    private static final ObjectMapper JSON = dev.weft.internal.json.Mappers.newMapper();

    private FailureCodec() {}

    /** A failure as SWF carries it. */
    public record Encoded(String reason, String details) {}

    /**
     * Encodes a failure.
     *
     * @param failure the exception
     * @return reason and details within SWF's limits
     */
    public static Encoded encode(Throwable failure) {
        ObjectNode node = node(failure, 0);
        String details = node.toString();
        if (details.length() > DETAILS_MAX) {
            node.remove("stackTrace");
            node.remove("cause");
            details = node.toString();
            if (details.length() > DETAILS_MAX) {
                node.put("message", cut(String.valueOf(failure.getMessage()), DETAILS_MAX / 2));
                details = node.toString();
            }
        }
        return new Encoded(cut(type(failure), REASON_MAX), details);
    }

    private static ObjectNode node(Throwable t, int depth) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type(t));
        if (t.getMessage() != null) {
            node.put("message", t.getMessage());
        }
        if (t instanceof ApplicationFailure a && a.getDetails() != null) {
            node.put("details", a.getDetails());
        }
        node.put("stackTrace", cut(stackTrace(t), 8192));
        if (t.getCause() != null && t.getCause() != t && depth < 5) {
            node.set("cause", node(t.getCause(), depth + 1));
        }
        return node;
    }

    private static String type(Throwable t) {
        return t instanceof ApplicationFailure a ? a.getType() : t.getClass().getName();
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        for (StackTraceElement e : t.getStackTrace()) {
            w.append("\tat ").append(e.toString()).append('\n');
        }
        return w.toString();
    }

    /**
     * Decodes a failure into the exception workflow code sees.
     *
     * @param reason the reason, or null
     * @param details the details, or null
     * @return the original exception type if it can be rebuilt, else an ApplicationFailure
     */
    public static RuntimeException decode(String reason, String details) {
        if (details != null) {
            try {
                JsonNode node = JSON.readTree(details);
                if (node != null && node.isObject() && node.has("type")) {
                    return (RuntimeException) fromNode(node, true);
                }
            } catch (JsonProcessingException e) {
                // Details written by another framework: carry them as they are.
            }
        }
        return ApplicationFailure.newFailure(
                details != null ? details : reason, reason == null ? "Failure" : reason, details, null);
    }

    private static Throwable fromNode(JsonNode node, boolean top) {
        String type = node.get("type").asText();
        String message = node.has("message") ? node.get("message").asText() : null;
        Throwable cause = node.has("cause") && node.get("cause").isObject() ? fromNode(node.get("cause"), false) : null;
        Throwable rebuilt = rebuild(type, message, cause);
        if (rebuilt == null || (top && !(rebuilt instanceof RuntimeException))) {
            String details = node.has("details") ? node.get("details").asText() : null;
            ApplicationFailure failure = ApplicationFailure.newFailure(message, type, details, cause);
            failure.setStackTrace(new StackTraceElement[0]);
            return failure;
        }
        rebuilt.setStackTrace(new StackTraceElement[0]);
        return rebuilt;
    }

    /** The original exception, if its class is here and has a (String[, Throwable]) constructor. */
    private static Throwable rebuild(String type, String message, Throwable cause) {
        Class<?> c;
        try {
            c = Class.forName(type, false, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!Throwable.class.isAssignableFrom(c) || ApplicationFailure.class.isAssignableFrom(c)) {
            return null;
        }
        try {
            if (cause != null) {
                try {
                    Constructor<?> k = c.getConstructor(String.class, Throwable.class);
                    return (Throwable) k.newInstance(message, cause);
                } catch (NoSuchMethodException e) {
                    // Fall through to (String).
                }
            }
            Constructor<?> k = c.getConstructor(String.class);
            Throwable t = (Throwable) k.newInstance(message);
            if (cause != null && t.getCause() == null) {
                t.initCause(cause);
            }
            return t;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : FailureCodec.class.getClassLoader();
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
