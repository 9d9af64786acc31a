package dev.weft.internal.replay;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * One decision workflow code asked for, with how to recognize the history event SWF records for
 * it (the event itself, or its decision-time failure) and what to do when that event is known.
 */
final class Command {
    final Decision decision;
    /**
     * What the code produced, for non-determinism reports: kind, ids, type, input hash. Built only
     * when a report needs it.
     */
    private final Supplier<String> description;

    private final Predicate<HistoryEvent> matches;
    private final Consumer<HistoryEvent> bind;

    Command(Decision decision, String description, Predicate<HistoryEvent> matches, Consumer<HistoryEvent> bind) {
        this(decision, () -> description, matches, bind);
    }

    Command(
            Decision decision,
            Supplier<String> description,
            Predicate<HistoryEvent> matches,
            Consumer<HistoryEvent> bind) {
        this.decision = decision;
        this.description = description;
        this.matches = matches;
        this.bind = bind;
    }

    boolean matches(HistoryEvent event) {
        return matches.test(event);
    }

    /** The command's event is known: the machine behind it takes it. */
    void bind(HistoryEvent event) {
        bind.accept(event);
    }

    String description() {
        return description.get();
    }

    @Override
    public String toString() {
        return description();
    }

    /** A short, stable digest of a payload, for reports that must not print 32 KB of input. */
    static String hash(String data) {
        if (data == null) {
            return "none";
        }
        long h = 1125899906842597L;
        for (int i = 0; i < data.length(); i++) {
            h = 31 * h + data.charAt(i);
        }
        String hex = Long.toHexString(h); // As %016x, without a Formatter: this runs for every command.
        return "0".repeat(16 - hex.length()) + hex + " (" + data.length() + " chars)";
    }
}
