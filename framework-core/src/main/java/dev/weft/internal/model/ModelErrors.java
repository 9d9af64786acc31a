package dev.weft.internal.model;

import java.lang.reflect.Method;

/** Builds the messages of misuse found in annotated interfaces: what is wrong, what to do, where. */
public final class ModelErrors {
    private ModelErrors() {}

    /**
     * A misuse of a method.
     *
     * @param method where
     * @param message what is wrong and what to do, as full sentences
     * @return the exception to throw
     */
    public static IllegalArgumentException method(Method method, String message) {
        return new IllegalArgumentException(
                message + "\n    for method " + method.getDeclaringClass().getSimpleName() + "." + method.getName());
    }

    /**
     * A misuse of a method's parameter.
     *
     * @param method where
     * @param index the parameter's index, from 0
     * @param message what is wrong and what to do
     * @return the exception to throw
     */
    public static IllegalArgumentException parameter(Method method, int index, String message) {
        return new IllegalArgumentException(message + "\n    for method "
                + method.getDeclaringClass().getSimpleName() + "." + method.getName() + " (parameter #" + (index + 1)
                + ")");
    }

    /**
     * A misuse of a type.
     *
     * @param type where
     * @param message what is wrong and what to do
     * @return the exception to throw
     */
    public static IllegalArgumentException type(Class<?> type, String message) {
        return new IllegalArgumentException(message + "\n    for " + kind(type) + " " + type.getName());
    }

    private static String kind(Class<?> type) {
        return type.isInterface() ? "interface" : "class";
    }
}
