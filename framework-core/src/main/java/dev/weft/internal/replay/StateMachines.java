package dev.weft.internal.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decider's state machines, for tests that insist every transition is exercised and for the
 * diagrams in the documentation.
 */
public final class StateMachines {
    private StateMachines() {}

    private static List<Transitions<?, ?>> tables() {
        return List.of(
                ActivityMachine.TABLE,
                TimerMachine.TABLE,
                ChildMachine.TABLE,
                ExternalMachine.TABLE,
                LambdaMachine.TABLE,
                MarkerMachine.TABLE);
    }

    /**
     * Every transition of every machine.
     *
     * @return labels such as {@code TimerMachine: STARTED --FIRED--> FIRED}
     */
    public static Set<String> all() {
        Set<String> all = new TreeSet<>();
        for (Transitions<?, ?> t : tables()) {
            all.addAll(t.all());
        }
        return all;
    }

    /**
     * The transitions taken since the last {@link #reset()}, by any decider in this JVM.
     *
     * @return their labels
     */
    public static Set<String> exercised() {
        return new TreeSet<>(Transitions.EXERCISED);
    }

    /** Forgets the transitions taken so far. */
    public static void reset() {
        Transitions.EXERCISED.clear();
    }

    /**
     * Each machine's PlantUML state diagram, by machine name.
     *
     * @return the diagrams
     */
    public static Map<String, String> diagrams() {
        Map<String, String> d = new LinkedHashMap<>();
        for (Transitions<?, ?> t : tables()) {
            d.put(t.machine(), t.toPlantUml());
        }
        return d;
    }

    /**
     * The machines' names.
     *
     * @return the names
     */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Transitions<?, ?> t : tables()) {
            n.add(t.machine());
        }
        return n;
    }
}
