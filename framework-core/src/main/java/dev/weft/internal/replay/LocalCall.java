package dev.weft.internal.replay;

import dev.weft.internal.model.ActivityMethod;
import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.RetryOptions;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * A local activity call: run by the worker's thread while the workflow's threads are all blocked,
 * its outcome recorded in a marker; replaying, the marker's outcome is used and nothing runs.
 * Retries happen in place, with waits on the worker's thread.
 */
final class LocalCall {
    final String id;
    final ActivityMethod method;
    private final Object implementation;
    private final String input;
    private final RetryOptions retry;
    private final WorkflowContext ctx;
    final PromiseImpl<String> result = new PromiseImpl<>();

    private boolean executed;
    private String resultPayload;
    private FailureCodec.Encoded failure;
    private int attempts;

    LocalCall(
            WorkflowContext ctx,
            String id,
            ActivityMethod method,
            Object implementation,
            String input,
            RetryOptions retry) {
        this.ctx = ctx;
        this.id = id;
        this.method = method;
        this.implementation = implementation;
        this.input = input;
        this.retry = retry;
    }

    boolean executed() {
        return executed;
    }

    /** Runs the activity, with retries, on the calling (worker) thread. */
    void execute(DeciderOptions options) {
        if (executed) {
            return;
        }
        long firstStart = System.nanoTime();
        while (true) {
            attempts++;
            Throwable thrown;
            try {
                Object[] args = ctx.converter.fromArguments(input, method.parameterTypes());
                Object value = method.method().invoke(implementation, args);
                String payload = method.method().getReturnType() == void.class
                        ? null
                        : ctx.converter.toData(value, method.returnType());
                Payloads.check(payload, "The result of local activity " + method.methodLabel());
                resultPayload = payload;
                break;
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            } catch (IllegalAccessException e) {
                thrown = new IllegalStateException("[BUG] cannot call " + method.methodLabel(), e);
            } catch (RuntimeException e) {
                thrown = e;
            }
            Duration wait = retry.getMaximumAttempts() == 1 ? null : retry.backoff(attempts);
            boolean more = wait != null
                    && (retry.getMaximumAttempts() == 0 || attempts < retry.getMaximumAttempts())
                    && Retries.retryable(retry, thrown)
                    && (retry.getExpiration() == null
                            || System.nanoTime() - firstStart + wait.toNanos()
                                    <= retry.getExpiration().toNanos());
            if (!more) {
                failure = FailureCodec.encode(thrown);
                break;
            }
            try {
                options.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = FailureCodec.encode(thrown);
                break;
            }
        }
        executed = true;
    }

    /** Live: records the outcome in a marker and hands it to the code. */
    void deliver(WorkflowContext c) {
        String details = Markers.localDetails(id, method.typeLabel(), resultPayload, failure);
        if (details.length() > Payloads.MAX) {
            failure = FailureCodec.encode(new IllegalArgumentException("The outcome of local activity "
                    + method.methodLabel() + " is " + details.length() + " characters, over SWF's marker limit of "
                    + Payloads.MAX));
            resultPayload = null;
            details = Markers.localDetails(id, method.typeLabel(), null, failure);
        }
        new MarkerMachine(c, Markers.LOCAL_ACTIVITY, details);
        complete(resultPayload, failure);
    }

    /** Replay: takes the outcome the history recorded. */
    void replay(WorkflowContext c) {
        HistoryEvent e = c.queue.peekExpected();
        Markers.LocalOutcome outcome = e == null ? null : Markers.local(e, id);
        if (outcome == null) {
            var nd = new dev.weft.workflow.NonDeterministicException("[SWF-1103] Nondeterministic local activity"
                    + " during replay: the workflow code called " + method.methodLabel() + " (local call " + id
                    + "), but the history holds "
                    + (e == null ? "nothing more" : "event " + e.eventId() + " (" + HistoryEvents.describe(e) + ")")
                    + " where its result was recorded.");
            c.runner.fail(nd);
            result.completeExceptionally(nd);
            return;
        }
        new MarkerMachine(
                c, Markers.LOCAL_ACTIVITY, e.markerRecordedEventAttributes().details());
        complete(outcome.result(), outcome.failure());
    }

    private void complete(String payload, FailureCodec.Encoded f) {
        if (f != null) {
            result.completeExceptionally(
                    new ActivityFailure(method.typeLabel(), id, FailureCodec.decode(f.reason(), f.details())));
        } else {
            result.complete(payload);
        }
    }
}
