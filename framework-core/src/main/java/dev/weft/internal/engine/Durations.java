package dev.weft.internal.engine;

/** Parses SWF's string-typed durations and priorities. */
final class Durations {
    /** The parsed value of {@code "NONE"}: no limit. */
    static final long NONE = -1;
    /** Returned by {@link #parse} for a malformed value. */
    static final long INVALID = -2;

    private Durations() {}

    /**
     * Seconds from SWF's duration syntax: 1 to 8 decimal digits, or {@code NONE} when allowed.
     * Returns {@link #NONE}, {@link #INVALID}, or the number of seconds.
     */
    static long parse(String value, boolean allowNone) {
        int n = value.length();
        if (n == 0 || n > Check.DURATION_MAX_CHARS) {
            return INVALID;
        }
        if ("NONE".equals(value)) {
            return allowNone ? NONE : INVALID;
        }
        long seconds = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            seconds = seconds * 10 + (c - '0');
        }
        return seconds;
    }

    /** Seconds of an already validated duration, {@link #NONE} for {@code NONE}. */
    static long seconds(String value) {
        return parse(value, true);
    }

    /** The priority, or null if the value is not a signed 32-bit integer. */
    static Integer parsePriority(String value) {
        try {
            return Integer.valueOf(value.trim().equals(value) ? value : "x");
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
