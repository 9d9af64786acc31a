package dev.weft.client;

import dev.weft.internal.model.SwfNames;
import java.time.Duration;

/** Checks shared by the client's options. */
final class Names {
    private Names() {}

    static String check(String what, String value) {
        return SwfNames.check(what, value);
    }

    static Duration positive(String what, Duration d) {
        return SwfNames.positive(what, d);
    }
}
