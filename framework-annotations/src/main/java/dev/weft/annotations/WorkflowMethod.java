package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The entry point of a {@link Workflow} interface (the Flow Framework's {@code @Execute}): starting
 * the workflow calls it, and its return value (or exception) closes the execution. Exactly one per
 * workflow interface. Its parameters are the execution's input.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowMethod {}
