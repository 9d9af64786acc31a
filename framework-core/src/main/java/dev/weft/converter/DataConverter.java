package dev.weft.converter;

import java.lang.reflect.Type;

/**
 * Turns values into SWF payloads (strings of at most 32,768 characters) and back. Workflow inputs,
 * results, signal inputs, activity inputs and results, markers and state all go through one. The
 * default, {@link JacksonDataConverter}, writes JSON; implement this to use another format, and
 * give the same converter to every worker and client of a domain.
 *
 * <p>Implementations must be deterministic (the same value always gives the same text) and
 * thread-safe.
 */
public interface DataConverter {
    /**
     * A value as a payload.
     *
     * @param value the value, or null
     * @param type its declared type (generic types included)
     * @return the payload, or null for a null value
     * @throws DataConverterException if the value cannot be written
     */
    String toData(Object value, Type type);

    /**
     * A payload as a value of {@code type}.
     *
     * @param data the payload, or null
     * @param type the declared type to read it as
     * @return the value; null (or a primitive's zero) for a null payload
     * @throws DataConverterException if the payload does not fit the type
     */
    Object fromData(String data, Type type);

    /**
     * Method arguments as one payload.
     *
     * @param args the arguments
     * @param types the parameters' declared types
     * @return the payload, or null for no arguments
     */
    String toArguments(Object[] args, Type[] types);

    /**
     * One payload as method arguments. Missing trailing arguments (a payload written before a
     * parameter was added) read as null or zero; extra ones are ignored.
     *
     * @param data the payload, or null
     * @param types the parameters' declared types
     * @return the arguments
     */
    Object[] fromArguments(String data, Type[] types);
}
