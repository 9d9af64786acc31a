package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides, for one method of an {@link Activities} interface, the interface's defaults. Every
 * element left empty takes the interface's value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Activity {
    /**
     * The activity type's full name. Default: the interface's prefix and the method's name.
     *
     * @return the activity type's full name
     */
    String name() default "";

    /**
     * The activity type's version. Default: the interface's.
     *
     * @return the activity type's version
     */
    String version() default "";

    /**
     * The task list. Default: the interface's.
     *
     * @return the task list
     */
    String taskList() default "";

    /**
     * See {@link Activities#scheduleToStartTimeout()}.
     *
     * @return the schedule-to-start timeout
     */
    String scheduleToStartTimeout() default "";

    /**
     * See {@link Activities#startToCloseTimeout()}.
     *
     * @return the start-to-close timeout
     */
    String startToCloseTimeout() default "";

    /**
     * See {@link Activities#scheduleToCloseTimeout()}.
     *
     * @return the schedule-to-close timeout
     */
    String scheduleToCloseTimeout() default "";

    /**
     * See {@link Activities#heartbeatTimeout()}.
     *
     * @return the heartbeat timeout
     */
    String heartbeatTimeout() default "";

    /**
     * See {@link Activities#taskPriority()}.
     *
     * @return the task priority
     */
    int taskPriority() default Workflow.NO_PRIORITY;

    /**
     * This method's retry policy. Default: the interface's.
     *
     * @return at most one retry policy
     */
    Retry[] retry() default {};
}
