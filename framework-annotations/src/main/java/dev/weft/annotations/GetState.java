package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The workflow's state, as the Flow Framework's {@code @GetState}: a no-argument method whose value
 * is published with every decision in SWF's {@code executionContext} (read back by
 * DescribeWorkflowExecution), so clients can read it without a worker. At most one per workflow
 * interface; its JSON must fit SWF's 32,768 characters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GetState {}
