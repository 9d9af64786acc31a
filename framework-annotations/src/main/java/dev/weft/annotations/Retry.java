package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a failed activity (or child workflow) is retried: attempt after attempt, waiting {@code
 * initialInterval}, then that times {@code backoffCoefficient}, up to {@code maximumInterval},
 * until {@code maximumAttempts} attempts were made or {@code expiration} has passed since the
 * first. The waits are SWF timers, so retries survive worker restarts. Failures of a type listed
 * in {@code doNotRetry} (or a subtype) are not retried.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Retry {
    /**
     * Attempts in all, the first included; 0 means unlimited (bounded by expiration). Default: 3.
     *
     * @return the maximum number of attempts
     */
    int maximumAttempts() default 3;

    /**
     * The wait before the second attempt. Default: {@code "1s"}.
     *
     * @return the wait before the second attempt
     */
    String initialInterval() default "1s";

    /**
     * Each wait is the previous one times this. Default: 2.
     *
     * @return the backoff coefficient
     */
    double backoffCoefficient() default 2.0;

    /**
     * The longest wait. Default: 100 times the initial interval.
     *
     * @return the longest wait
     */
    String maximumInterval() default "";

    /**
     * No attempt starts later than this after the first. Default: none.
     *
     * @return the expiration
     */
    String expiration() default "";

    /**
     * Failures of these types (or subtypes) are not retried. Default: none.
     *
     * @return the failure types not to retry
     */
    Class<? extends Throwable>[] doNotRetry() default {};
}
