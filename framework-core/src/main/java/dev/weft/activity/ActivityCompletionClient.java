package dev.weft.activity;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.internal.replay.FailureCodec;
import java.util.Objects;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * Completes activity tasks by their token, from anywhere: for activities that call {@link
 * ActivityExecutionContext#doNotCompleteOnReturn()} and finish later (a human approval, a
 * callback from another system).
 *
 * <pre>{@code
 * // in the activity
 * ActivityExecutionContext ctx = Activity.getExecutionContext();
 * approvals.request(order, ctx.getTaskToken());
 * ctx.doNotCompleteOnReturn();
 *
 * // later, anywhere
 * ActivityCompletionClient.create(swf).complete(token, new Approval("ok"));
 * }</pre>
 */
public final class ActivityCompletionClient {
    private final SwfClient swf;
    private final DataConverter converter;

    private ActivityCompletionClient(SwfClient swf, DataConverter converter) {
        this.swf = swf;
        this.converter = converter;
    }

    /**
     * A client with the default converter.
     *
     * @param swf the SWF client
     * @return the client
     */
    public static ActivityCompletionClient create(SwfClient swf) {
        return create(swf, JacksonDataConverter.create());
    }

    /**
     * A client with a converter (the one the workers use).
     *
     * @param swf the SWF client
     * @param converter the data converter
     * @return the client
     */
    public static ActivityCompletionClient create(SwfClient swf, DataConverter converter) {
        return new ActivityCompletionClient(
                Objects.requireNonNull(swf, "swf"), Objects.requireNonNull(converter, "converter"));
    }

    /**
     * Completes the task with a result.
     *
     * @param taskToken the task's token
     * @param result the result, or null
     * @throws ActivityNotExistsException if SWF no longer knows the task
     */
    public void complete(String taskToken, Object result) {
        String payload = result == null ? null : converter.toData(result, result.getClass());
        call(
                taskToken,
                () -> swf.respondActivityTaskCompleted(
                        r -> r.taskToken(taskToken).result(payload)));
    }

    /**
     * Fails the task; the workflow sees {@code failure} as the cause of its {@code
     * ActivityFailure}.
     *
     * @param taskToken the task's token
     * @param failure why it failed
     * @throws ActivityNotExistsException if SWF no longer knows the task
     */
    public void fail(String taskToken, Throwable failure) {
        FailureCodec.Encoded f = FailureCodec.encode(Objects.requireNonNull(failure, "failure"));
        call(
                taskToken,
                () -> swf.respondActivityTaskFailed(
                        r -> r.taskToken(taskToken).reason(f.reason()).details(f.details())));
    }

    /**
     * Reports the task canceled (after a cancel was requested).
     *
     * @param taskToken the task's token
     * @param details details, or null
     * @throws ActivityNotExistsException if SWF no longer knows the task
     */
    public void reportCanceled(String taskToken, Object details) {
        String payload = details == null ? null : converter.toData(details, details.getClass());
        call(
                taskToken,
                () -> swf.respondActivityTaskCanceled(
                        r -> r.taskToken(taskToken).details(payload)));
    }

    /**
     * Records a heartbeat for the task.
     *
     * @param taskToken the task's token
     * @param details progress, or null
     * @return whether a cancel was requested
     * @throws ActivityNotExistsException if SWF no longer knows the task
     */
    public boolean heartbeat(String taskToken, Object details) {
        String payload = details == null ? null : converter.toData(details, details.getClass());
        boolean[] canceled = new boolean[1];
        call(
                taskToken,
                () -> canceled[0] = Boolean.TRUE.equals(swf.recordActivityTaskHeartbeat(
                                r -> r.taskToken(taskToken).details(payload))
                        .cancelRequested()));
        return canceled[0];
    }

    private static void call(String taskToken, Runnable r) {
        Objects.requireNonNull(taskToken, "taskToken");
        try {
            r.run();
        } catch (UnknownResourceException e) {
            throw new ActivityNotExistsException(
                    "SWF no longer knows the activity task: it timed out, was answered already, or its execution"
                            + " closed",
                    e);
        }
    }

    @Override
    public String toString() {
        return "ActivityCompletionClient[" + converter + "]";
    }
}
