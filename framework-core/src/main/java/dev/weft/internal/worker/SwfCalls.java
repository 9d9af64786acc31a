package dev.weft.internal.worker;

import dev.weft.worker.WorkerListener;
import dev.weft.worker.WorkerListener.TaskKind;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * Calls to SWF retried on what retrying can fix: transport errors (no answer, a dropped
 * connection), throttling and the service's own errors (5xx), with exponential backoff and full
 * jitter. Everything else (a fault that names a mistake, UnknownResource) is not retried.
 */
final class SwfCalls {
    private static final Logger log = LoggerFactory.getLogger(SwfCalls.class);

    private final Retry responses;
    private final IntervalFunction pollBackoff;

    /**
     * @param initial the first wait
     * @param max the longest wait
     * @param responseAttempts attempts for a response (the task's answer) before giving up
     */
    SwfCalls(Duration initial, Duration max, int responseAttempts) {
        this.pollBackoff = IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 1.0, max);
        this.responses = Retry.of(
                "weft-responses",
                RetryConfig.custom()
                        .maxAttempts(responseAttempts)
                        .intervalFunction(pollBackoff)
                        .retryOnException(SwfCalls::retryable)
                        .build());
    }

    /** Whether a failure is worth retrying. */
    static boolean retryable(Throwable t) {
        if (t instanceof UnknownResourceException) {
            return false;
        }
        if (t instanceof AwsServiceException e) {
            return e.isThrottlingException() || e.statusCode() >= 500;
        }
        return t instanceof SdkClientException || t instanceof java.io.UncheckedIOException;
    }

    /**
     * Runs a response (an answer to a task), retried as {@link #retryable} allows.
     */
    <T> T respond(Supplier<T> call) {
        return responses.executeSupplier(call);
    }

    /**
     * How long to wait after {@code failures} polls in a row failed.
     */
    Duration pollBackoff(int failures) {
        return Duration.ofMillis(pollBackoff.apply(Math.max(1, failures)));
    }

    /**
     * A poll failed: counts it against the role, tells the listener, logs it, and waits out the
     * backoff (less if the role closes meanwhile).
     */
    void pollFailed(Pool pool, Pool.Role role, TaskKind kind, WorkerListener listener, RuntimeException e) {
        int failures = ++role.failures;
        Listeners.call(() -> listener.pollFailed(kind, role.taskList, e));
        log.warn(
                "Polling {} task list {} failed ({} in a row); backing off",
                kind == TaskKind.DECISION ? "decision" : "activity",
                role.taskList,
                failures,
                e);
        pool.pause(role, pollBackoff(failures));
    }
}
