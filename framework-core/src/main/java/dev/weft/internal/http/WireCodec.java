package dev.weft.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * SWF's JSON (AWS JSON 1.0) for every request and response, in both directions, derived from the
 * SDK model's own metadata: each model class lists its fields with their wire names and marshalling
 * types, so one piece of code covers every operation and every field. Members are lowerCamelCase;
 * timestamps are epoch seconds with a fraction; absent members are left out; unknown members in a
 * request are ignored.
 */
public final class WireCodec {
    private WireCodec() {}

    /** A request body that does not fit the operation's shape. */
    public static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Reads a JSON object into a model object.
     *
     * @param json the object
     * @param builder a fresh builder of the model class (for example {@code
     *     PollForDecisionTaskRequest.builder()})
     * @return the built object
     * @throws MalformedException if a member has the wrong JSON type
     */
    public static Object read(JsonNode json, SdkPojo builder) {
        return read(json, builder, "");
    }

    private static Object read(JsonNode json, SdkPojo builder, String path) {
        if (!json.isObject()) {
            throw new MalformedException("Expected a JSON object" + at(path) + ", found " + kind(json));
        }
        Map<String, SdkField<?>> fields = builder.sdkFieldNameToField();
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            SdkField<?> field = fields.get(member.getKey());
            if (field == null || member.getValue().isNull()) {
                continue; // Unknown members are ignored, as newer clients may send them.
            }
            String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            field.set(builder, value(field, member.getValue(), memberPath));
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object value(SdkField<?> field, JsonNode node, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (!node.isTextual()) {
                throw mismatch("a string", node, path);
            }
            return node.textValue();
        }
        if (type == MarshallingType.INTEGER) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw mismatch("an integer", node, path);
            }
            return node.intValue();
        }
        if (type == MarshallingType.LONG) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw mismatch("an integer", node, path);
            }
            return node.longValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!node.isBoolean()) {
                throw mismatch("a boolean", node, path);
            }
            return node.booleanValue();
        }
        if (type == MarshallingType.INSTANT) {
            if (!node.isNumber()) {
                throw mismatch("a timestamp (epoch seconds)", node, path);
            }
            return instant(node.decimalValue(), path);
        }
        if (type == MarshallingType.SDK_POJO) {
            return read(node, field.constructor().get(), path);
        }
        if (type == MarshallingType.LIST) {
            if (!node.isArray()) {
                throw mismatch("an array", node, path);
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                values.add(element.isNull() ? null : value(member, element, path + "." + (i + 1)));
            }
            return values;
        }
        throw new IllegalStateException("[BUG] SWF has no member of type " + type + " (at " + path + ")");
    }

    private static Instant instant(BigDecimal seconds, String path) {
        try {
            BigDecimal nanos = seconds.movePointRight(9);
            long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            long fraction =
                    nanos.subtract(BigDecimal.valueOf(whole).movePointRight(9)).longValue();
            return Instant.ofEpochSecond(whole, fraction);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new MalformedException("Timestamp out of range" + at(path) + ": " + seconds);
        }
    }

    private static MalformedException mismatch(String expected, JsonNode node, String path) {
        return new MalformedException("Expected " + expected + at(path) + ", found " + kind(node));
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether a model class has members at all: operations whose output has none answer with an
     * empty body, as SWF does.
     *
     * @param pojo an instance of the class
     * @return false for a memberless class
     */
    public static boolean hasMembers(SdkPojo pojo) {
        return !pojo.sdkFields().isEmpty();
    }

    /** Writes a model object as a JSON object, leaving out absent members. */
    public static void write(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList) {
                continue;
            }
            g.writeFieldName(field.locationName());
            write(g, field, value);
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, SdkField<?> field, Object value) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            g.writeString((String) value);
        } else if (type == MarshallingType.INTEGER) {
            g.writeNumber((Integer) value);
        } else if (type == MarshallingType.LONG) {
            g.writeNumber((Long) value);
        } else if (type == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) value);
        } else if (type == MarshallingType.INSTANT) {
            // Epoch seconds with a fraction, as SWF writes them.
            g.writeNumber(BigDecimal.valueOf(((Instant) value).toEpochMilli(), 3));
        } else if (type == MarshallingType.SDK_POJO) {
            write(g, (SdkPojo) value);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object element : (List<?>) value) {
                if (element == null) {
                    g.writeNull();
                } else {
                    write(g, member, element);
                }
            }
            g.writeEndArray();
        } else {
            throw new IllegalStateException("[BUG] SWF has no member of type " + type);
        }
    }
}
