package dev.weft.workflow;

import java.time.Duration;
import java.util.Objects;

/** Checks shared by the options builders. */
final class Options {
    private Options() {}

    static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was " + d);
        }
        return d;
    }

    static String name(String what, String value) {
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
}
