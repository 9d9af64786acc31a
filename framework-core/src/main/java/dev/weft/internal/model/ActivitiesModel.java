package dev.weft.internal.model;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Activity;
import dev.weft.annotations.Retry;
import dev.weft.annotations.Workflow;
import dev.weft.workflow.RetryOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link Activities} interface, parsed once into an immutable model per method and validated:
 * misuse is reported with the interface and method it is in.
 */
public final class ActivitiesModel {
    private static final Map<Class<?>, ActivitiesModel> CACHE = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final Map<Method, ActivityMethod> methods;

    private ActivitiesModel(Class<?> type, Map<Method, ActivityMethod> methods) {
        this.type = type;
        this.methods = methods;
    }

    /**
     * The model of an activities interface, parsed on first use and cached.
     *
     * @param type the interface
     * @return its model
     * @throws IllegalArgumentException naming the misuse
     */
    public static ActivitiesModel of(Class<?> type) {
        ActivitiesModel m = CACHE.get(type);
        if (m == null) {
            m = parse(type);
            CACHE.putIfAbsent(type, m);
        }
        return m;
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
     * Returns the activity methods, in declaration order.
     *
     * @return the activity methods, in declaration order
     */
    public Map<Method, ActivityMethod> methods() {
        return methods;
    }

    /**
     * The model of one method.
     *
     * @param method a method of the interface
     * @return its model, or null for a method that is not an activity (such as Object's)
     */
    public ActivityMethod method(Method method) {
        return methods.get(method);
    }

    private static ActivitiesModel parse(Class<?> type) {
        if (!type.isInterface()) {
            throw ModelErrors.type(
                    type,
                    "Activities must be declared by an interface annotated @Activities, and " + type.getSimpleName()
                            + " is a class. Declare an interface and implement it.");
        }
        Activities a = type.getAnnotation(Activities.class);
        if (a == null) {
            throw ModelErrors.type(type, "Activity interfaces must be annotated @Activities(version = ...).");
        }
        String prefix = a.namePrefix().isEmpty() ? type.getSimpleName() + "." : a.namePrefix();
        Map<Method, ActivityMethod> methods = new LinkedHashMap<>();
        Map<String, Method> byName = new HashMap<>();
        Map<String, Method> byType = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            if (m.isDefault()) {
                throw ModelErrors.method(
                        m,
                        "Activity interfaces must not have default methods: an activity runs in a"
                                + " worker, not in the workflow. Move the code into the implementation.");
            }
            Method clash = byName.put(m.getName(), m);
            Activity an = m.getAnnotation(Activity.class);
            if (clash != null && (an == null || an.name().isEmpty())) {
                throw ModelErrors.method(
                        m, "Activity methods must not be overloaded. Rename one, or set" + " @Activity(name=...).");
            }
            ActivityMethod am = method(type, a, prefix, m, an);
            Method sameType = byType.put(am.name() + "/" + am.version(), m);
            if (sameType != null) {
                throw ModelErrors.method(
                        m,
                        "Two methods map to the same activity type " + am.typeLabel() + " (the" + " other is "
                                + sameType.getName() + "). Give one another @Activity(name=...).");
            }
            methods.put(m, am);
        }
        if (methods.isEmpty()) {
            throw ModelErrors.type(type, "An @Activities interface needs at least one method.");
        }
        return new ActivitiesModel(type, Collections.unmodifiableMap(methods));
    }

    private static ActivityMethod method(Class<?> type, Activities a, String prefix, Method m, Activity an) {
        String name = an != null && !an.name().isEmpty() ? an.name() : prefix + m.getName();
        String version = an != null && !an.version().isEmpty() ? an.version() : a.version();
        if (version.isEmpty()) {
            throw ModelErrors.method(
                    m,
                    "Activity types need a version. Set @Activities(version = ...) on " + type.getSimpleName()
                            + ", or @Activity(version = ...) on the method.");
        }
        checkName(m, "activity type name", name);
        String taskList = pick(an == null ? "" : an.taskList(), a.taskList());
        if (taskList != null) {
            checkName(m, "task list", taskList);
        }
        long s2s = duration(
                m,
                "scheduleToStartTimeout",
                pick(an == null ? "" : an.scheduleToStartTimeout(), a.scheduleToStartTimeout()));
        long st2c = duration(
                m, "startToCloseTimeout", pick(an == null ? "" : an.startToCloseTimeout(), a.startToCloseTimeout()));
        long s2c = duration(
                m,
                "scheduleToCloseTimeout",
                pick(an == null ? "" : an.scheduleToCloseTimeout(), a.scheduleToCloseTimeout()));
        long hb = duration(m, "heartbeatTimeout", pick(an == null ? "" : an.heartbeatTimeout(), a.heartbeatTimeout()));
        if (st2c == DurationText.UNSET) {
            throw ModelErrors.method(
                    m,
                    "Activities need a start-to-close timeout: how long a worker may take. Set"
                            + " @Activities(startToCloseTimeout = \"...\") or @Activity(startToCloseTimeout = \"...\").");
        }
        int priority = an != null && an.taskPriority() != Workflow.NO_PRIORITY ? an.taskPriority() : a.taskPriority();
        if (an != null && an.retry().length > 1) {
            throw ModelErrors.method(
                    m,
                    "@Activity(retry = ...) takes at most one @Retry, but " + an.retry().length
                            + " are given. Keep the one policy this method retries under.");
        }
        Retry retry = an != null && an.retry().length > 0 ? an.retry()[0] : a.retry();
        return new ActivityMethod(
                m,
                name,
                version,
                taskList,
                s2s == DurationText.UNSET ? DurationText.NONE : s2s,
                st2c,
                s2c == DurationText.UNSET ? DurationText.NONE : s2c,
                hb == DurationText.UNSET ? DurationText.NONE : hb,
                priority == Workflow.NO_PRIORITY ? null : priority,
                retry(m, retry),
                m.getGenericReturnType());
    }

    static String pick(String own, String inherited) {
        if (!own.isEmpty()) {
            return own;
        }
        return inherited.isEmpty() ? null : inherited;
    }

    static long duration(Method m, String element, String text) {
        if (text == null) {
            return DurationText.UNSET;
        }
        try {
            return DurationText.parse(text, true);
        } catch (IllegalArgumentException e) {
            throw ModelErrors.method(m, element + " " + e.getMessage() + ".");
        }
    }

    static void checkName(Method m, String what, String value) {
        String problem = null;
        if (value.length() > 256) {
            problem = "is longer than 256 characters";
        } else if (value.equals("arn") || !value.strip().equals(value)) {
            problem = "must not be 'arn' or start or end with whitespace";
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ':' || c == '/' || c == '|' || c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
                    problem = "must not contain ':', '/', '|' or control characters";
                    break;
                }
            }
        }
        if (problem != null) {
            throw ModelErrors.method(m, "The " + what + " '" + value + "' " + problem + ", as SWF requires.");
        }
    }

    /**
     * A {@link Retry} as options; one attempt means no retries.
     */
    static RetryOptions retry(Method m, Retry r) {
        if (r.maximumAttempts() == 1) {
            return RetryOptions.NONE;
        }
        try {
            RetryOptions.Builder b = RetryOptions.newBuilder()
                    .maximumAttempts(r.maximumAttempts())
                    .backoffCoefficient(r.backoffCoefficient())
                    .doNotRetry(r.doNotRetry());
            long initial = DurationText.parse(r.initialInterval(), false);
            if (initial != DurationText.UNSET) {
                b.initialInterval(Duration.ofSeconds(initial));
            }
            long max = DurationText.parse(r.maximumInterval(), false);
            if (max != DurationText.UNSET) {
                b.maximumInterval(Duration.ofSeconds(max));
            }
            long expiration = DurationText.parse(r.expiration(), false);
            if (expiration != DurationText.UNSET) {
                b.expiration(Duration.ofSeconds(expiration));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw ModelErrors.method(m, "@Retry: " + e.getMessage() + ".");
        }
    }
}
