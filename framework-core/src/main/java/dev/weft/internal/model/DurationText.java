package dev.weft.internal.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Durations as annotations write them: {@code "90s"}, {@code "15m"}, {@code "2h"}, {@code "7d"},
 * ISO-8601 ({@code "PT1H30M"}), or {@code "NONE"}; and as SWF writes them, whole seconds.
 */
public final class DurationText {
    /**
     * Seconds meaning "no limit" ({@code NONE}).
     */
    public static final long NONE = -1;

    /** Seconds meaning "not set" (an empty annotation element). */
    public static final long UNSET = -2;

    private DurationText() {}

    /**
     * Parses an annotation's duration.
     *
     * @param text the element's value
     * @param allowNone whether {@code NONE} is allowed
     * @return whole seconds (rounded up), {@link #NONE}, or {@link #UNSET} for ""
     * @throws IllegalArgumentException naming the problem (the caller adds where)
     */
    public static long parse(String text, boolean allowNone) {
        String t = text.trim();
        if (t.isEmpty()) {
            return UNSET;
        }
        if (t.equalsIgnoreCase("NONE")) {
            if (!allowNone) {
                throw new IllegalArgumentException("NONE is not allowed here: give a duration such as \"1h\"");
            }
            return NONE;
        }
        Duration d;
        if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as \"PT1H30M\"");
            }
        } else {
            d = shorthand(text, t);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be positive");
        }
        return seconds(d);
    }

    private static Duration shorthand(String text, String t) {
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0 || i == t.length()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a duration: write \"90s\", \"15m\", \"2h\", \"7d\"," + " \"PT1H30M\" or \"NONE\"");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return switch (t.substring(i).toLowerCase(Locale.ROOT)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit: use s, m, h or d");
        };
    }

    /**
     * A duration in SWF's whole seconds, rounded up.
     *
     * @param d a positive duration
     * @return seconds, at least 1
     */
    public static long seconds(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() > 0) {
            s++;
        }
        return Math.max(s, 1);
    }

    /**
     * SWF's text for a number of seconds.
     *
     * @param seconds seconds, {@link #NONE}, or {@link #UNSET}
     * @return the text, or null for unset
     */
    public static String swf(long seconds) {
        if (seconds == UNSET) {
            return null;
        }
        return seconds == NONE ? "NONE" : Long.toString(seconds);
    }
}
