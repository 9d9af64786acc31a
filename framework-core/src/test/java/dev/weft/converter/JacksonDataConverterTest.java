package dev.weft.converter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JacksonDataConverterTest {
    public record Line(String sku, int quantity, Instant at) {}

    interface Signature {
        Map<String, List<Line>> convert(List<Line> lines, Optional<Duration> wait, int count);
    }

    private static final DataConverter C = JacksonDataConverter.create();

    private static Method method() throws NoSuchMethodException {
        return Signature.class.getDeclaredMethod("convert", List.class, Optional.class, int.class);
    }

    @Test
    void genericParametersAndResultsRoundTrip() throws Exception {
        Method m = method();
        Type[] types = m.getGenericParameterTypes();
        List<Line> lines = List.of(new Line("kiwi", 2, Instant.parse("2026-01-01T00:00:00Z")));
        String payload = C.toArguments(new Object[] {lines, Optional.of(Duration.ofMinutes(5)), 3}, types);
        assertEquals("[[{\"sku\":\"kiwi\",\"quantity\":2,\"at\":\"2026-01-01T00:00:00Z\"}],\"PT5M\",3]", payload);
        assertArrayEquals(new Object[] {lines, Optional.of(Duration.ofMinutes(5)), 3}, C.fromArguments(payload, types));
        Map<String, List<Line>> result = Map.of("b", lines, "a", List.of());
        String data = C.toData(result, m.getGenericReturnType());
        assertEquals(
                "{\"a\":[],\"b\":[{\"sku\":\"kiwi\",\"quantity\":2,\"at\":\"2026-01-01T00:00:00Z\"}]}",
                data,
                "map keys sorted, so the same value always gives the same text");
        assertEquals(result, C.fromData(data, m.getGenericReturnType()));
    }

    @Test
    void missingTrailingArgumentsReadAsNullZeroOrEmptyAndExtraOnesAreIgnored() throws Exception {
        Type[] types = method().getGenericParameterTypes();
        assertArrayEquals(new Object[] {List.of(), Optional.empty(), 0}, C.fromArguments("[[]]", types));
        assertArrayEquals(new Object[] {null, Optional.empty(), 0}, C.fromArguments(null, types));
        assertArrayEquals(
                new Object[] {List.of(), Optional.empty(), 7}, C.fromArguments("[[],null,7,\"extra\"]", types));
        assertNull(C.toArguments(new Object[0], new Type[0]));
    }

    @Test
    void unknownPropertiesAreIgnoredSoThatFieldsCanBeAdded() {
        assertEquals(
                new Line("fig", 1, null),
                C.fromData("{\"sku\":\"fig\",\"quantity\":1,\"color\":\"purple\"}", Line.class));
    }

    @Test
    void aPayloadThatDoesNotFitTheTypeIsNamedInTheError() throws Exception {
        DataConverterException e = assertThrows(
                DataConverterException.class,
                () -> C.fromArguments("[[],null,\"seven\"]", method().getGenericParameterTypes()));
        assertEquals(true, e.getMessage().startsWith("Cannot read argument #3 '\"seven\"' as int: "), e.getMessage());
        DataConverterException notArray =
                assertThrows(DataConverterException.class, () -> C.fromArguments("{}", new Type[] {String.class}));
        assertEquals("Arguments must be a JSON array, but were '{}'", notArray.getMessage());
    }

    @Test
    void argumentsKeepEveryDigitOfADecimalAndNullsInPlace() {
        Type[] types = {BigDecimal.class, String.class, long.class};
        BigDecimal price = new BigDecimal("12345678901234567890.123456789");
        String payload = C.toArguments(new Object[] {price, null, 5L}, types);
        assertEquals("[12345678901234567890.123456789,null,5]", payload);
        assertArrayEquals(new Object[] {price, null, 5L}, C.fromArguments(payload, types));
    }

    @Test
    void malformedExtraArgumentsAreStillAnError() {
        DataConverterException e = assertThrows(
                DataConverterException.class, () -> C.fromArguments("[\"a\", {\"b\": ]", new Type[] {String.class}));
        assertEquals(
                true, e.getMessage().startsWith("Cannot read arguments from '[\"a\", {\"b\": ]': "), e.getMessage());
    }
}
