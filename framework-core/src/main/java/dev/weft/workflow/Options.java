package dev.weft.workflow;

import dev.weft.internal.model.SwfNames;
import java.time.Duration;

/** Checks shared by the options builders. */
final class Options {
    private Options() {}

    static Duration positive(String name, Duration d) {
        return SwfNames.positive(name, d);
    }

    static String name(String what, String value) {
        return SwfNames.check(what, value);
    }
}
