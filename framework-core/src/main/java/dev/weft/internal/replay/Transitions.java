package dev.weft.internal.replay;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A state machine's transition table: for each state, the triggers it accepts and the state each
 * leads to. Machines keep their current state and ask the table for the next one; a trigger the
 * table does not list for the current state is a bug in the decider (or a history SWF would not
 * write), reported with the machine, state and trigger. The table also renders itself as a
 * PlantUML state diagram, and records which transitions ran, so tests can insist on all of them.
 *
 * @param <S> the states
 * @param <T> the triggers
 */
final class Transitions<S extends Enum<S>, T extends Enum<T>> {
    /** Transitions taken, as "Machine: FROM --TRIGGER--> TO", for tests that check coverage. */
    static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

    private final String machine;
    private final S initial;
    private final Map<S, Map<T, S>> table;
    private final Class<T> triggers;

    private Transitions(String machine, S initial, Class<S> states, Class<T> triggers) {
        this.machine = machine;
        this.initial = initial;
        this.table = new EnumMap<>(states);
        this.triggers = triggers;
    }

    static <S extends Enum<S>, T extends Enum<T>> Transitions<S, T> of(
            String machine, S initial, Class<S> states, Class<T> triggers) {
        return new Transitions<>(machine, initial, states, triggers);
    }

    /**
     * Adds {@code from --trigger--> to}.
     */
    Transitions<S, T> add(S from, T trigger, S to) {
        table.computeIfAbsent(from, k -> new EnumMap<>(triggers)).put(trigger, to);
        return this;
    }

    /**
     * Adds {@code from --trigger--> to} for each of several states.
     */
    @SafeVarargs
    final Transitions<S, T> addAll(T trigger, S to, S... froms) {
        for (S from : froms) {
            add(from, trigger, to);
        }
        return this;
    }

    S initial() {
        return initial;
    }

    /**
     * The state {@code trigger} leads to from {@code from}.
     */
    S next(S from, T trigger) {
        Map<T, S> row = table.get(from);
        S to = row == null ? null : row.get(trigger);
        if (to == null) {
            throw new IllegalStateException("[BUG] " + machine + " in state " + from + " cannot take " + trigger);
        }
        EXERCISED.add(label(from, trigger, to));
        return to;
    }

    /**
     * Whether the table lists {@code trigger} from {@code from}.
     */
    boolean accepts(S from, T trigger) {
        Map<T, S> row = table.get(from);
        return row != null && row.containsKey(trigger);
    }

    String machine() {
        return machine;
    }

    /**
     * Every transition, labelled as in {@link #EXERCISED}.
     */
    List<String> all() {
        List<String> labels = new ArrayList<>();
        table.forEach((from, row) -> row.forEach((trigger, to) -> labels.add(label(from, trigger, to))));
        return labels;
    }

    private String label(S from, T trigger, S to) {
        return machine + ": " + from + " --" + trigger + "--> " + to;
    }

    /** The table as a PlantUML state diagram. */
    String toPlantUml() {
        StringBuilder sb = new StringBuilder();
        sb.append("@startuml\n");
        sb.append("title ").append(machine).append('\n');
        sb.append("[*] --> ").append(initial).append('\n');
        table.forEach((from, row) -> row.forEach((trigger, to) -> sb.append(from)
                .append(" --> ")
                .append(to)
                .append(" : ")
                .append(trigger)
                .append('\n')));
        sb.append("@enduml\n");
        return sb.toString();
    }
}
