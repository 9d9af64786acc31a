package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a set of activities: every method is an activity type, named {@code
 * namePrefix + method name} (or as {@link Activity#name()} says), with the defaults given here
 * unless the method's {@link Activity} overrides them. Empty means "not set".
 *
 * <pre>{@code
 * @Activities(version = "1", taskList = "payments", startToCloseTimeout = "30s")
 * public interface PaymentActivities {
 *     Receipt charge(Card card, Money amount);
 *
 *     @Activity(heartbeatTimeout = "10s", startToCloseTimeout = "10m")
 *     void settle(String batchId);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Activities {
    /**
     * Prepended to each method's name to make the activity type name. Default: {@code "Iface."}.
     *
     * @return the name prefix
     */
    String namePrefix() default "";

    /**
     * The activity types' version. Required here or on every method.
     *
     * @return the activity types' version
     */
    String version() default "";

    /**
     * The default task list of the activities. Default: none.
     *
     * @return the default task list of the activities
     */
    String taskList() default "";

    /**
     * How long a task may wait for a worker. Default: {@code "NONE"}.
     *
     * @return the schedule-to-start timeout
     */
    String scheduleToStartTimeout() default "";

    /**
     * How long a worker may take once started. Default: none (must be given here or per method).
     *
     * @return the start-to-close timeout
     */
    String startToCloseTimeout() default "";

    /**
     * How long from scheduling to completion in all. Default: {@code "NONE"}.
     *
     * @return the schedule-to-close timeout
     */
    String scheduleToCloseTimeout() default "";

    /**
     * The longest gap between heartbeats. Default: {@code "NONE"} (no heartbeats needed).
     *
     * @return the longest gap between heartbeats
     */
    String heartbeatTimeout() default "";

    /**
     * The tasks' priority (higher first). Default: not set, which SWF reads as 0.
     *
     * @return the tasks' priority (higher first)
     */
    int taskPriority() default Workflow.NO_PRIORITY;

    /**
     * The retry policy of every method that declares none. Default: no retries.
     *
     * @return the retry policy of every method that declares none
     */
    Retry retry() default @Retry(maximumAttempts = 1);
}
