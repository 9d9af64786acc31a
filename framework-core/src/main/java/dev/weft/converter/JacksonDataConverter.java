package dev.weft.converter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link DataConverter}: JSON through Jackson, with {@code java.time} types and {@code
 * Optional} supported, generic types preserved (a {@code List<Order>} parameter reads back as
 * orders), unknown properties ignored (so that fields can be added), and map keys sorted (so that
 * the same value always gives the same text, as replay needs).
 *
 * <pre>{@code
 * DataConverter converter = JacksonDataConverter.create();                 // the default
 * DataConverter custom = JacksonDataConverter.create(myConfiguredObjectMapper);
 * }</pre>
 */
public final class JacksonDataConverter implements DataConverter {
    private static final JacksonDataConverter DEFAULT = new JacksonDataConverter(defaultMapper());

    private final ObjectMapper mapper;
    // Readers and writers are immutable and thread-safe; one per type saves looking up its
    // (de)serializer on every call. Bounded by the types of the application's signatures.
    private final ConcurrentHashMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    private JacksonDataConverter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private ObjectWriter writer(Type type) {
        ObjectWriter w = writers.get(type);
        return w != null ? w : writers.computeIfAbsent(type, t -> mapper.writerFor(mapper.constructType(t)));
    }

    private ObjectReader reader(Type type) {
        ObjectReader r = readers.get(type);
        return r != null ? r : readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)));
    }

    /**
     * The default converter.
     *
     * @return the shared default instance
     */
    public static JacksonDataConverter create() {
        return DEFAULT;
    }

    /**
     * A converter with your own mapper (its modules and settings are used as they are).
     *
     * @param mapper a configured mapper; not changed afterwards
     * @return a converter
     */
    public static JacksonDataConverter create(ObjectMapper mapper) {
        return new JacksonDataConverter(Objects.requireNonNull(mapper, "mapper"));
    }

    private static ObjectMapper defaultMapper() {
        return dev.weft.internal.json.Mappers.newMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Override
    public String toData(Object value, Type type) {
        if (value == null) {
            return null;
        }
        try {
            return writer(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DataConverterException(
                    "Cannot write " + type.getTypeName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object fromData(String data, Type type) {
        if (data == null) {
            return absent(mapper.constructType(type));
        }
        try {
            return reader(type).readValue(data);
        } catch (JsonProcessingException e) {
            throw new DataConverterException(
                    "Cannot read " + excerpt(data) + " as " + type.getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toArguments(Object[] args, Type[] types) {
        if (args == null || args.length == 0) {
            return null;
        }
        // One pass: each value written by its type's writer straight into the array.
        StringWriter text = new StringWriter(16 * args.length);
        try (JsonGenerator g = mapper.createGenerator(text)) {
            g.writeStartArray();
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    g.writeNull();
                } else {
                    try {
                        writer(types[i]).writeValue(g, args[i]);
                    } catch (JsonProcessingException e) {
                        throw new DataConverterException(
                                "Cannot write argument #" + (i + 1) + " (" + types[i].getTypeName() + ") as JSON: "
                                        + e.getOriginalMessage(),
                                e);
                    }
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new DataConverterException("Cannot write arguments as JSON: " + e.getMessage(), e);
        }
        return text.toString();
    }

    @Override
    public Object[] fromArguments(String data, Type[] types) {
        if (data != null) {
            try {
                return streamArguments(data, types);
            } catch (IOException | RuntimeException e) {
                // Read again through a tree, which names the argument that does not fit.
            }
        }
        return treeArguments(data, types);
    }

    /** Reads the arguments in one pass over the text: the common case. */
    private Object[] streamArguments(String data, Type[] types) throws IOException {
        Object[] args = new Object[types.length];
        try (JsonParser p = mapper.createParser(data)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("not an array");
            }
            JsonToken t = p.nextToken();
            for (int i = 0; i < types.length; i++) {
                if (t == JsonToken.END_ARRAY || t == JsonToken.VALUE_NULL) {
                    args[i] = absent(mapper.constructType(types[i]));
                } else {
                    args[i] = reader(types[i]).readValue(p);
                }
                if (t != JsonToken.END_ARRAY) {
                    t = p.nextToken();
                }
            }
            while (t != JsonToken.END_ARRAY) { // Extra arguments are ignored, but must be JSON.
                if (t == null) {
                    throw new IllegalArgumentException("unterminated array");
                }
                p.skipChildren();
                t = p.nextToken();
            }
        }
        return args;
    }

    private Object[] treeArguments(String data, Type[] types) {
        Object[] args = new Object[types.length];
        JsonNode array = null;
        if (data != null) {
            try {
                array = mapper.readTree(data);
            } catch (JsonProcessingException e) {
                throw new DataConverterException(
                        "Cannot read arguments from " + excerpt(data) + ": " + e.getOriginalMessage(), e);
            }
            if (!array.isArray()) {
                throw new DataConverterException("Arguments must be a JSON array, but were " + excerpt(data), null);
            }
        }
        for (int i = 0; i < types.length; i++) {
            JavaType javaType = mapper.constructType(types[i]);
            if (array == null || i >= array.size() || array.get(i).isNull()) {
                args[i] = absent(javaType);
                continue;
            }
            try {
                args[i] = mapper.treeToValue(array.get(i), javaType);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new DataConverterException(
                        "Cannot read argument #" + (i + 1) + " "
                                + excerpt(array.get(i).toString()) + " as " + types[i].getTypeName() + ": "
                                + e.getMessage(),
                        e);
            }
        }
        return args;
    }

    /** The value of an absent or null payload: a primitive's zero, an empty Optional, or null. */
    private Object absent(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (!raw.isPrimitive()) {
            try {
                return mapper.readValue("null", type);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == char.class) {
            return '\0';
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == double.class) {
            return 0.0;
        }
        if (raw == float.class) {
            return 0.0f;
        }
        if (raw == short.class) {
            return (short) 0;
        }
        if (raw == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static String excerpt(String data) {
        return data.length() <= 200 ? "'" + data + "'" : "'" + data.substring(0, 200) + "...'";
    }

    @Override
    public String toString() {
        return "JacksonDataConverter";
    }
}
