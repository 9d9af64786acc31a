package dev.weft.internal.model;

import dev.weft.workflow.RetryOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * One activity method, parsed: its activity type and the defaults its annotations give. Timeouts
 * are whole seconds, {@link DurationText#NONE}, or {@link DurationText#UNSET}.
 *
 * @param method the interface method
 * @param name the activity type's name
 * @param version the activity type's version
 * @param taskList the default task list, or null
 * @param scheduleToStart seconds
 * @param startToClose seconds
 * @param scheduleToClose seconds
 * @param heartbeat seconds
 * @param taskPriority the priority, or null
 * @param retry the retry policy
 * @param returnType the generic return type
 */
public record ActivityMethod(
        Method method,
        String name,
        String version,
        String taskList,
        long scheduleToStart,
        long startToClose,
        long scheduleToClose,
        long heartbeat,
        Integer taskPriority,
        RetryOptions retry,
        Type returnType) {

    /**
     * Returns the parameters' generic types (a new array each time).
     *
     * @return the types
     */
    public Type[] parameterTypes() {
        return method.getGenericParameterTypes();
    }

    /**
     * Returns the type as SWF messages name it, {@code name/version}.
     *
     * @return the type as SWF messages name it, {@code name/version}
     */
    public String typeLabel() {
        return name + "/" + version;
    }

    /**
     * Returns {@code Interface.method}.
     *
     * @return {@code Interface.method}
     */
    public String methodLabel() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
