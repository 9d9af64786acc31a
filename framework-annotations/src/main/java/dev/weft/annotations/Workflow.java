package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a workflow: one {@link WorkflowMethod} (the entry point), any number of
 * {@link SignalMethod}s, and at most one {@link GetState} method. The elements give the workflow
 * type's name, version and SWF registration defaults; empty means "not set".
 *
 * <pre>{@code
 * @Workflow(version = "1", taskList = "orders", executionStartToCloseTimeout = "1d")
 * public interface OrderWorkflow {
 *     @WorkflowMethod
 *     Receipt process(Order order);
 *
 *     @SignalMethod
 *     void cancelOrder(String reason);
 *
 *     @GetState
 *     OrderStatus status();
 * }
 * }</pre>
 *
 * <p>Durations are whole seconds written as {@code "90s"}, {@code "15m"}, {@code "2h"}, {@code
 * "7d"}, ISO-8601 ({@code "PT1H30M"}), or {@code "NONE"} where SWF allows no limit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workflow {
    /**
     * The workflow type's name. Default: the interface's simple name.
     *
     * @return the workflow type's name
     */
    String name() default "";

    /**
     * The workflow type's version. Required: SWF types are identified by name and version.
     *
     * @return the workflow type's version
     */
    String version() default "";

    /**
     * A description registered with the type. Default: none.
     *
     * @return a description registered with the type
     */
    String description() default "";

    /**
     * The default decision task list. Default: none (every start must then give one).
     *
     * @return the default decision task list
     */
    String taskList() default "";

    /**
     * The default time the whole execution may take. Default: none (every start must give one).
     *
     * @return the default time the whole execution may take
     */
    String executionStartToCloseTimeout() default "";

    /**
     * The default time a decision task may take once started. Default: {@code "30s"}.
     *
     * @return the default time a decision task may take once started
     */
    String taskStartToCloseTimeout() default "";

    /**
     * What happens to children when an execution is terminated or times out. Default: TERMINATE.
     *
     * @return the default child policy
     */
    ChildPolicy childPolicy() default ChildPolicy.UNSET;

    /**
     * The default priority of decision tasks (higher first). Default: none, which SWF reads as 0.
     * Use {@link #NO_PRIORITY} for "not set".
     *
     * @return the default priority of decision tasks (higher first)
     */
    int taskPriority() default NO_PRIORITY;

    /**
     * The IAM role the execution's Lambda tasks run with. Default: none.
     *
     * @return the IAM role the execution's Lambda tasks run with
     */
    String lambdaRole() default "";

    /**
     * The value of {@link #taskPriority()} that means "not set".
     */
    int NO_PRIORITY = Integer.MIN_VALUE;
}
