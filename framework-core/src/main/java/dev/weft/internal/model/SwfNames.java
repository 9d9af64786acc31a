package dev.weft.internal.model;

import java.time.Duration;
import java.util.Objects;

/** SWF's rules for names and durations, checked where options are built. */
public final class SwfNames {
    private SwfNames() {}

    /**
     * Checks a name (workflow id, task list, ...) against SWF's rules.
     *
     * @param what the setting, for the message
     * @param value the name
     * @return the name
     * @throws IllegalArgumentException naming the setting and what is wrong
     */
    public static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > 256) {
            throw new IllegalArgumentException(
                    what + " must have 1 to 256 characters, but had " + value.length() + ": '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == '/' || c == '|' || c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
                throw new IllegalArgumentException(
                        what + " must not contain ':', '/', '|' or control characters, but was '" + value + "'");
            }
        }
        if (value.equals("arn") || !value.strip().equals(value)) {
            throw new IllegalArgumentException(
                    what + " must not be 'arn' or start or end with whitespace, but was '" + value + "'");
        }
        return value;
    }

    /**
     * Checks that a duration is positive.
     *
     * @param what the setting
     * @param d the duration
     * @return the duration
     */
    public static Duration positive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, but was " + d);
        }
        return d;
    }
}
