package dev.weft.internal.model;

import dev.weft.annotations.ChildPolicy;
import dev.weft.annotations.GetState;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Workflow} interface, parsed once and validated: its type, registration defaults, entry
 * method, signal methods and state method.
 */
public final class WorkflowModel {
    private static final Map<Class<?>, WorkflowModel> CACHE = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final String name;
    private final String version;
    private final String description;
    private final String taskList;
    private final long executionStartToCloseTimeout;
    private final long taskStartToCloseTimeout;
    private final ChildPolicy childPolicy;
    private final Integer taskPriority;
    private final String lambdaRole;
    private final Method entry;
    private final Map<String, Method> signalsByName;
    private final Map<Method, String> signalNames;
    private final Method state;

    private WorkflowModel(Class<?> type, Workflow w, Method entry, Map<String, Method> signals, Method state) {
        this.type = type;
        this.name = w.name().isEmpty() ? type.getSimpleName() : w.name();
        this.version = w.version();
        this.description = w.description().isEmpty() ? null : w.description();
        this.taskList = w.taskList().isEmpty() ? null : w.taskList();
        this.executionStartToCloseTimeout =
                duration(entry, "executionStartToCloseTimeout", w.executionStartToCloseTimeout(), false);
        long taskTimeout = duration(entry, "taskStartToCloseTimeout", w.taskStartToCloseTimeout(), true);
        this.taskStartToCloseTimeout = taskTimeout == DurationText.UNSET ? 30 : taskTimeout;
        this.childPolicy = w.childPolicy() == ChildPolicy.UNSET ? ChildPolicy.TERMINATE : w.childPolicy();
        this.taskPriority = w.taskPriority() == Workflow.NO_PRIORITY ? null : w.taskPriority();
        this.lambdaRole = w.lambdaRole().isEmpty() ? null : w.lambdaRole();
        this.entry = entry;
        this.signalsByName = Collections.unmodifiableMap(signals);
        Map<Method, String> names = new HashMap<>();
        signals.forEach((n, m) -> names.put(m, n));
        this.signalNames = Collections.unmodifiableMap(names);
        this.state = state;
    }

    /**
     * The model of a workflow interface, parsed on first use and cached.
     *
     * @param type the interface
     * @return its model
     * @throws IllegalArgumentException naming the misuse
     */
    public static WorkflowModel of(Class<?> type) {
        WorkflowModel m = CACHE.get(type);
        if (m == null) {
            m = parse(type);
            CACHE.putIfAbsent(type, m);
        }
        return m;
    }

    /**
     * The {@link Workflow} interface a workflow implementation class implements.
     *
     * @param implementation the class
     * @return the interface's model
     * @throws IllegalArgumentException if the class implements none or several
     */
    public static WorkflowModel ofImplementation(Class<?> implementation) {
        if (implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers())) {
            throw ModelErrors.type(
                    implementation,
                    "A workflow implementation must be a concrete class that implements"
                            + " an interface annotated @Workflow.");
        }
        Class<?> found = null;
        for (Class<?> c = implementation; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Class<?> w = workflowInterface(i);
                if (w != null) {
                    if (found != null && found != w) {
                        throw ModelErrors.type(
                                implementation,
                                "A workflow implementation implements one @Workflow"
                                        + " interface, but this one implements " + found.getSimpleName() + " and "
                                        + w.getSimpleName() + ". Split it into two classes.");
                    }
                    found = w;
                }
            }
        }
        if (found == null) {
            throw ModelErrors.type(
                    implementation, "A workflow implementation must implement an interface annotated" + " @Workflow.");
        }
        return of(found);
    }

    private static Class<?> workflowInterface(Class<?> i) {
        if (i.isAnnotationPresent(Workflow.class)) {
            return i;
        }
        for (Class<?> parent : i.getInterfaces()) {
            Class<?> w = workflowInterface(parent);
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static WorkflowModel parse(Class<?> type) {
        if (!type.isInterface()) {
            throw ModelErrors.type(
                    type,
                    "Workflows are declared by an interface annotated @Workflow, and " + type.getSimpleName()
                            + " is a class. Declare an interface and implement it.");
        }
        Workflow w = type.getAnnotation(Workflow.class);
        if (w == null) {
            throw ModelErrors.type(type, "Workflow interfaces must be annotated @Workflow(version = ...).");
        }
        Method entry = null;
        Method state = null;
        Map<String, Method> signals = new LinkedHashMap<>();
        Map<String, Method> seen = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            int kinds = (m.isAnnotationPresent(WorkflowMethod.class) ? 1 : 0)
                    + (m.isAnnotationPresent(SignalMethod.class) ? 1 : 0)
                    + (m.isAnnotationPresent(GetState.class) ? 1 : 0);
            if (kinds == 0) {
                if (m.isDefault()) {
                    continue;
                }
                throw ModelErrors.method(
                        m,
                        "Every method of a @Workflow interface is the @WorkflowMethod, a"
                                + " @SignalMethod or the @GetState method. Annotate it, or make it a default method.");
            }
            if (kinds > 1) {
                throw ModelErrors.method(
                        m,
                        "A method is either the @WorkflowMethod, a @SignalMethod or the @GetState"
                                + " method, not several.");
            }
            Method clash = seen.put(m.getName(), m);
            if (clash != null) {
                throw ModelErrors.method(m, "Workflow methods must not be overloaded. Rename one.");
            }
            if (m.isAnnotationPresent(WorkflowMethod.class)) {
                if (entry != null) {
                    throw ModelErrors.method(
                            m,
                            "A workflow has one @WorkflowMethod, and " + type.getSimpleName()
                                    + " has two (the other is " + entry.getName() + ").");
                }
                entry = m;
            } else if (m.isAnnotationPresent(SignalMethod.class)) {
                if (m.getReturnType() != void.class) {
                    throw ModelErrors.method(m, "Signal methods must return void: a signal gets no answer.");
                }
                String name = m.getAnnotation(SignalMethod.class).name();
                name = name.isEmpty() ? m.getName() : name;
                if (name.length() > 256) {
                    throw ModelErrors.method(m, "Signal names have at most 256 characters.");
                }
                if (signals.put(name, m) != null) {
                    throw ModelErrors.method(m, "Two signal methods are named '" + name + "'. Rename one.");
                }
            } else {
                if (state != null) {
                    throw ModelErrors.method(m, "A workflow has at most one @GetState method.");
                }
                if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
                    throw ModelErrors.method(m, "The @GetState method takes no parameters and returns the state.");
                }
                state = m;
            }
        }
        if (entry == null) {
            throw ModelErrors.type(
                    type, "A @Workflow interface needs one method annotated @WorkflowMethod: the entry" + " point.");
        }
        if (w.version().isEmpty()) {
            throw ModelErrors.method(
                    entry,
                    "Workflow types need a version. Set @Workflow(version = ...) on " + type.getSimpleName() + ".");
        }
        String name = w.name().isEmpty() ? type.getSimpleName() : w.name();
        ActivitiesModel.checkName(entry, "workflow type name", name);
        if (w.version().length() > 64) {
            throw ModelErrors.method(entry, "Workflow type versions have at most 64 characters.");
        }
        if (!w.taskList().isEmpty()) {
            ActivitiesModel.checkName(entry, "task list", w.taskList());
        }
        return new WorkflowModel(type, w, entry, signals, state);
    }

    private static long duration(Method m, String element, String text, boolean allowNone) {
        if (text.isEmpty()) {
            return DurationText.UNSET;
        }
        try {
            return DurationText.parse(text, allowNone);
        } catch (IllegalArgumentException e) {
            throw ModelErrors.method(m, "@Workflow " + element + " " + e.getMessage() + ".");
        }
    }

    /**
     * Returns the interface.
     *
     * @return the interface
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Returns the workflow type's name.
     *
     * @return the workflow type's name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the workflow type's version.
     *
     * @return the workflow type's version
     */
    public String version() {
        return version;
    }

    /**
     * Returns {@code name/version}.
     *
     * @return {@code name/version}
     */
    public String typeLabel() {
        return name + "/" + version;
    }

    /**
     * Returns the description, or null.
     *
     * @return the description, or null
     */
    public String description() {
        return description;
    }

    /**
     * Returns the default task list, or null.
     *
     * @return the default task list, or null
     */
    public String taskList() {
        return taskList;
    }

    /**
     * Returns the default execution timeout in seconds, or {@link DurationText#UNSET}.
     *
     * @return the default execution timeout in seconds, or {@link DurationText#UNSET}
     */
    public long executionStartToCloseTimeout() {
        return executionStartToCloseTimeout;
    }

    /**
     * Returns the default decision task timeout in seconds (30 unless set), or NONE.
     *
     * @return the default decision task timeout in seconds (30 unless set), or NONE
     */
    public long taskStartToCloseTimeout() {
        return taskStartToCloseTimeout;
    }

    /**
     * Returns the default child policy (TERMINATE unless set).
     *
     * @return the default child policy (TERMINATE unless set)
     */
    public ChildPolicy childPolicy() {
        return childPolicy;
    }

    /**
     * Returns the default decision task priority, or null.
     *
     * @return the default decision task priority, or null
     */
    public Integer taskPriority() {
        return taskPriority;
    }

    /**
     * Returns the default Lambda role, or null.
     *
     * @return the default Lambda role, or null
     */
    public String lambdaRole() {
        return lambdaRole;
    }

    /**
     * Returns the entry method.
     *
     * @return the entry method
     */
    public Method entry() {
        return entry;
    }

    /**
     * Returns the entry method's generic parameter types.
     *
     * @return the entry method's generic parameter types
     */
    public Type[] entryParameterTypes() {
        return entry.getGenericParameterTypes();
    }

    /**
     * Returns signal methods by signal name.
     *
     * @return signal methods by signal name
     */
    public Map<String, Method> signals() {
        return signalsByName;
    }

    /**
     * The signal name of a signal method.
     *
     * @param m a method of the interface
     * @return its signal name, or null if it is not a signal method
     */
    public String signalName(Method m) {
        return signalNames.get(m);
    }

    /**
     * Returns the state method, or null.
     *
     * @return the state method, or null
     */
    public Method state() {
        return state;
    }
}
