package dev.weft.internal.replay;

import dev.weft.internal.model.ModelErrors;
import dev.weft.internal.model.WorkflowModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow implementations a decider can run, by workflow type. Registration validates the
 * class and its interface once, with messages naming what is wrong.
 */
public final class WorkflowImplementations {
    /** One registered implementation. */
    public record Registered(WorkflowModel model, Class<?> implementation) {}

    private final Map<String, Registered> byType = new LinkedHashMap<>();

    /**
     * Registers workflow implementation classes.
     *
     * @param implementations classes implementing a {@code @Workflow} interface, each with a
     *     no-argument constructor
     * @return this
     * @throws IllegalArgumentException naming the class and what is wrong with it
     */
    public WorkflowImplementations add(Class<?>... implementations) {
        for (Class<?> c : implementations) {
            WorkflowModel model = WorkflowModel.ofImplementation(c);
            Constructor<?> k;
            try {
                k = c.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw ModelErrors.type(
                        c,
                        "A workflow implementation needs a constructor without parameters: the"
                                + " decider makes a new instance for every run.");
            }
            if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
                throw ModelErrors.type(c, "A workflow implementation nested in a class must be static.");
            }
            k.setAccessible(true);
            String key = key(model.name(), model.version());
            Registered old = byType.get(key);
            if (old != null && old.implementation() != c) {
                throw ModelErrors.type(
                        c,
                        "Workflow type " + model.typeLabel() + " is implemented by "
                                + old.implementation().getName() + " already. Register one implementation per type.");
            }
            byType.put(key, new Registered(model, c));
        }
        return this;
    }

    /**
     * The implementation of a workflow type.
     *
     * @param name the type's name
     * @param version the type's version
     * @return the registration, or null if none
     */
    public Registered get(String name, String version) {
        return byType.get(key(name, version));
    }

    /**
     * Returns every registration, in registration order.
     *
     * @return every registration, in registration order
     */
    public Collection<Registered> all() {
        return Collections.unmodifiableCollection(byType.values());
    }

    private static String key(String name, String version) {
        return name + "\u0000" + version;
    }
}
