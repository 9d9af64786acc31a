package dev.weft.internal.replay;

import dev.weft.internal.model.DurationText;
import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.CanceledFailure;
import dev.weft.workflow.ChildWorkflowFailure;
import dev.weft.workflow.RetryOptions;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;
import software.amazon.awssdk.services.swf.model.StartChildWorkflowExecutionDecisionAttributes;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * What workflow code can start: activities (retried on SWF timers), timers, child workflows,
 * signals and cancel requests to other executions, Lambda functions, side effects and local
 * activities. Each belongs to the calling code's cancellation scope; started in a canceled scope,
 * it fails at once with a {@link CanceledFailure} and sends nothing.
 */
final class Operations {
    /**
     * Timer ids of the retry waits: {@code weft-retry-<call id>.<next attempt>}.
     */
    static final String RETRY_PREFIX = "weft-retry-";

    private Operations() {}

    // ---------------------------------------------------------------------------------------
    // Activities

    /**
     * Schedules an activity and retries it as {@code retry} says.
     *
     * @param template the decision's attributes, all but the activity id
     * @param label the activity type as {@code name/version}
     * @return the result payload, or an {@link ActivityFailure}
     */
    static PromiseImpl<String> activity(
            WorkflowContext ctx,
            ScheduleActivityTaskDecisionAttributes.Builder template,
            String label,
            RetryOptions retry,
            boolean waitForCancellation) {
        String id = Integer.toString(ctx.nextSequence());
        PromiseImpl<String> result = new PromiseImpl<>();
        ActivityCall call = new ActivityCall(ctx, template, id, label, retry, waitForCancellation, result);
        if (!ctx.currentScope().register(result, call::cancel)) {
            result.completeExceptionally(new ActivityFailure(label, id, canceled()));
            return result;
        }
        call.next();
        return result;
    }

    /**
     * A call retried under a policy, attempt after attempt: when an attempt fails, the decision to
     * retry is the history's while replaying and the policy's when deciding anew, and the wait is
     * an SWF timer ({@code weft-retry-<id>.<next attempt>}).
     */
    private abstract static class Retrying {
        final WorkflowContext ctx;
        final String id;
        private final RetryOptions retry;
        private final long firstAttempt;
        int attempt;
        private TimerMachine wait;

        Retrying(WorkflowContext ctx, String id, RetryOptions retry) {
            this.ctx = ctx;
            this.id = id;
            this.retry = retry;
            this.firstAttempt = ctx.currentTimeMillis();
        }

        /** Starts the next attempt. */
        final void next() {
            attempt++;
            wait = null;
            start();
        }

        /** Starts attempt {@link #attempt}. */
        abstract void start();

        /** Whether the call is over (done, or canceled). */
        abstract boolean over();

        /** Ends the call with a failure. */
        abstract void fail(RuntimeException failure);

        /** The failure of a call canceled while it waited to retry. */
        abstract RuntimeException canceledWhileWaiting(RuntimeException cause);

        /** Cancels the current attempt. */
        abstract void cancelAttempt();

        /** An attempt failed: retry it, or end the call. */
        final void failed(RuntimeException failure, boolean refused) {
            String timerId = RETRY_PREFIX + id + "." + (attempt + 1);
            boolean again = ctx.isReplaying()
                    ? retriedInHistory(ctx, timerId)
                    : !refused && shouldRetry(ctx, retry, attempt, firstAttempt, failure);
            if (!again) {
                fail(failure);
                return;
            }
            TimerMachine t = new TimerMachine(ctx, timerId, DurationText.seconds(retry.backoff(attempt)));
            wait = t;
            t.fired.onDone(() -> {
                if (over()) {
                    return;
                }
                if (t.fired.getFailure() != null) {
                    fail(canceledWhileWaiting(t.fired.getFailure()));
                } else {
                    next();
                }
            });
        }

        final void cancel() {
            if (wait != null && !wait.fired.isDone()) {
                wait.cancel();
            } else {
                cancelAttempt();
            }
        }
    }

    /** One activity call: each attempt is an activity of its own id ({@code <id>.<attempt>}). */
    private static final class ActivityCall extends Retrying {
        private final ScheduleActivityTaskDecisionAttributes.Builder template;
        private final String label;
        private final PromiseImpl<String> result;
        private final boolean waitForCancellation;
        private ActivityMachine current;
        private boolean canceled;

        ActivityCall(
                WorkflowContext ctx,
                ScheduleActivityTaskDecisionAttributes.Builder template,
                String id,
                String label,
                RetryOptions retry,
                boolean waitForCancellation,
                PromiseImpl<String> result) {
            super(ctx, id, retry);
            this.template = template;
            this.label = label;
            this.waitForCancellation = waitForCancellation;
            this.result = result;
        }

        @Override
        void start() {
            String activityId = attempt == 1 ? id : id + "." + attempt;
            ActivityMachine m =
                    new ActivityMachine(ctx, template.activityId(activityId).build(), waitForCancellation);
            current = m;
            m.result.onDone(() -> {
                if (result.isDone()) {
                    return;
                }
                if (m.result.getFailure() == null) {
                    result.complete(m.result.value());
                } else if (canceled) {
                    result.completeExceptionally(m.result.getFailure()); // A canceled call is not retried.
                } else {
                    failed(m.result.getFailure(), m.state() == ActivityMachine.State.SCHEDULE_FAILED);
                }
            });
        }

        @Override
        boolean over() {
            return result.isDone();
        }

        @Override
        void fail(RuntimeException failure) {
            result.completeExceptionally(failure);
        }

        @Override
        RuntimeException canceledWhileWaiting(RuntimeException cause) {
            return new ActivityFailure(label, current.activityId, cause);
        }

        @Override
        void cancelAttempt() {
            canceled = true;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Replaying: the history's choice, made when the attempt failed, is the one to follow. */
    private static boolean retriedInHistory(WorkflowContext ctx, String timerId) {
        HistoryEvent e = ctx.queue.peekExpected();
        return e != null
                && e.eventType() == EventType.TIMER_STARTED
                && timerId.equals(e.timerStartedEventAttributes().timerId());
    }

    /** Deciding anew: the policy's choice. */
    private static boolean shouldRetry(
            WorkflowContext ctx, RetryOptions retry, int attempt, long firstAttempt, RuntimeException failure) {
        if (retry.getMaximumAttempts() == 1) {
            return false;
        }
        if (retry.getMaximumAttempts() != 0 && attempt >= retry.getMaximumAttempts()) {
            return false;
        }
        if (!Retries.retryable(retry, failure)) {
            return false;
        }
        if (retry.getExpiration() != null) {
            long next = ctx.currentTimeMillis() + retry.backoff(attempt).toMillis();
            return next - firstAttempt <= retry.getExpiration().toMillis();
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Timers

    /**
     * A timer of {@code d} (whole seconds, rounded up); zero completes at once with no timer.
     *
     * @return done when it fires; a {@link CanceledFailure} if its scope is canceled first
     */
    static PromiseImpl<Void> timer(WorkflowContext ctx, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("A timer's duration must not be negative, but was " + d);
        }
        if (d.isZero()) {
            return PromiseImpl.completed(null);
        }
        PromiseImpl<Void> fired = new PromiseImpl<>();
        String id = "t" + ctx.nextSequence();
        TimerMachine[] timer = new TimerMachine[1];
        if (!ctx.currentScope().register(fired, () -> timer[0].cancel())) {
            fired.completeExceptionally(canceled());
            return fired;
        }
        timer[0] = new TimerMachine(ctx, id, DurationText.seconds(d));
        fired.completeFrom(timer[0].fired);
        return fired;
    }

    // ---------------------------------------------------------------------------------------
    // Children

    /** A child workflow call, attempt after attempt (each a new run of the same workflow id). */
    static final class ChildCall extends Retrying {
        private final StartChildWorkflowExecutionDecisionAttributes.Builder template;
        private final String label;
        private final String workflowId;
        /** The first started run. */
        final PromiseImpl<WorkflowExecution> started = new PromiseImpl<>();
        /** The result payload, or a {@link ChildWorkflowFailure}. */
        final PromiseImpl<String> result = new PromiseImpl<>();

        private ChildMachine current;
        /** The run signals go to: the latest started one. */
        WorkflowExecution latest;

        ChildCall(
                WorkflowContext ctx,
                StartChildWorkflowExecutionDecisionAttributes.Builder template,
                String workflowId,
                String label,
                RetryOptions retry) {
            super(ctx, Integer.toString(ctx.nextSequence()), retry);
            this.template = template;
            this.label = label;
            this.workflowId = workflowId;
        }

        void begin() {
            if (!ctx.currentScope().register(result, this::cancel)) {
                fail(new ChildWorkflowFailure(label, workflowId, canceled()));
                return;
            }
            next();
        }

        @Override
        void start() {
            ChildMachine m =
                    new ChildMachine(ctx, template.workflowId(workflowId).build());
            current = m;
            m.started.onDone(() -> {
                if (m.started.getFailure() == null) {
                    latest = m.started.value();
                    started.complete(latest);
                }
            });
            m.result.onDone(() -> {
                if (result.isDone()) {
                    return;
                }
                if (m.result.getFailure() == null) {
                    result.complete(m.result.value());
                } else {
                    failed(m.result.getFailure(), m.state() == ChildMachine.State.START_FAILED);
                }
            });
        }

        @Override
        boolean over() {
            return result.isDone();
        }

        @Override
        void fail(RuntimeException failure) {
            if (!started.isDone()) {
                started.completeExceptionally(failure);
            }
            result.completeExceptionally(failure);
        }

        @Override
        RuntimeException canceledWhileWaiting(RuntimeException cause) {
            return new ChildWorkflowFailure(label, workflowId, cause);
        }

        @Override
        void cancelAttempt() {
            if (current != null) {
                current.cancel();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Other executions, Lambda, markers

    /** Signals another execution; done when SWF delivered it. */
    static PromiseImpl<Void> signalExternal(
            WorkflowContext ctx, String workflowId, String runId, String signalName, String input) {
        PromiseImpl<Void> out = new PromiseImpl<>();
        if (ctx.currentScope().isCancelRequested()) {
            out.completeExceptionally(canceled());
            return out;
        }
        out.completeFrom(new ExternalMachine(ctx, workflowId, runId, signalName, input).delivered);
        return out;
    }

    /** Asks another execution to cancel; done when SWF delivered the request. */
    static PromiseImpl<Void> cancelExternal(WorkflowContext ctx, String workflowId, String runId) {
        PromiseImpl<Void> out = new PromiseImpl<>();
        if (ctx.currentScope().isCancelRequested()) {
            out.completeExceptionally(canceled());
            return out;
        }
        out.completeFrom(new ExternalMachine(ctx, workflowId, runId).delivered);
        return out;
    }

    /** Calls a Lambda function; the promise holds its result payload. */
    static PromiseImpl<String> lambda(WorkflowContext ctx, String function, String input, Long timeoutSeconds) {
        PromiseImpl<String> out = new PromiseImpl<>();
        if (ctx.currentScope().isCancelRequested()) {
            out.completeExceptionally(canceled());
            return out;
        }
        String id = "lambda-" + ctx.nextSequence();
        out.completeFrom(new LambdaMachine(ctx, id, function, input, timeoutSeconds).result);
        return out;
    }

    /**
     * A side effect: computed once and recorded in a marker; replaying, the recorded value is
     * returned and {@code compute} is not called.
     */
    static String sideEffect(WorkflowContext ctx, Supplier<String> compute) {
        String details;
        if (ctx.isReplaying()) {
            HistoryEvent e = ctx.queue.peekExpected();
            details = e != null && Markers.is(e, Markers.SIDE_EFFECT)
                    ? e.markerRecordedEventAttributes().details()
                    : null;
        } else {
            details = compute.get();
            Payloads.check(details, "A side effect's value");
        }
        new MarkerMachine(ctx, Markers.SIDE_EFFECT, details);
        return details;
    }

    /** Queues a local activity call, run when every workflow thread is blocked. */
    static PromiseImpl<String> local(
            WorkflowContext ctx,
            dev.weft.internal.model.ActivityMethod method,
            Object implementation,
            String input,
            RetryOptions retry) {
        if (ctx.currentScope().isCancelRequested()) {
            return PromiseImpl.failed(new ActivityFailure(method.typeLabel(), "local", canceled()));
        }
        LocalCall call = new LocalCall(ctx, "local-" + ctx.nextSequence(), method, implementation, input, retry);
        ctx.pendingLocals.add(call);
        return call.result;
    }

    static CanceledFailure canceled() {
        return new CanceledFailure("The cancellation scope was canceled before this started");
    }
}
