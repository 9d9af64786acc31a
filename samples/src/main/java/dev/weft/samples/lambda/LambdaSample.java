package dev.weft.samples.lambda;

import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.engine.LambdaFunction;
import dev.weft.engine.SwfEngine;
import dev.weft.samples.Samples;
import java.util.List;

/**
 * A Lambda task: the workflow calls an AWS Lambda function directly, with no activity worker.
 * SWF invokes the function with the workflow type's Lambda role and records its result in the
 * history. On the embedded engine the function is a Java object registered with the engine; on
 * Amazon SWF it is a Lambda function of that name in the account.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.lambda.LambdaSample}.
 */
public final class LambdaSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "thumbnails";

    /** The Lambda function's name. */
    public static final String FUNCTION = "thumbnail-size";

    private LambdaSample() {}

    /**
     * A picture's size.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public record Size(int width, int height) {}

    /** Works out a thumbnail's size with a Lambda function. */
    @Workflow(
            version = "1",
            taskList = TASK_LIST,
            executionStartToCloseTimeout = "10m",
            lambdaRole = "arn:aws:iam::123456789012:role/swf-lambda")
    public interface Thumbnails {
        /**
         * The size of a picture's thumbnail.
         *
         * @param picture the picture's size
         * @return the thumbnail's
         */
        @WorkflowMethod
        Size thumbnail(Size picture);
    }

    /** The workflow's code. */
    public static final class ThumbnailsImpl implements Thumbnails {
        @Override
        public Size thumbnail(Size picture) {
            return dev.weft.workflow.Workflow.callLambda(FUNCTION, picture, Size.class);
        }
    }

    /** The function, for the embedded engine: fits the picture in 128 by 128, keeping its shape. */
    public static final LambdaFunction THUMBNAIL_SIZE = input -> {
        int w = Integer.parseInt(input.replaceAll(".*\"width\":(\\d+).*", "$1"));
        int h = Integer.parseInt(input.replaceAll(".*\"height\":(\\d+).*", "$1"));
        double scale = 128.0 / Math.max(w, h);
        return "{\"width\":" + Math.round(w * scale) + ",\"height\":" + Math.round(h * scale) + "}";
    };

    /**
     * Asks for a thumbnail's size.
     *
     * @param client the workflow client
     * @param picture the picture's size
     * @return the thumbnail's size
     */
    public static Size run(WorkflowClient client, Size picture) {
        return client.newWorkflowStub(Thumbnails.class).thumbnail(picture);
    }

    public static void main(String[] args) {
        try (Samples.Connection c = Samples.connect()) {
            if (c.swf() instanceof SwfEngine engine) {
                engine.registerLambdaFunction(FUNCTION, THUMBNAIL_SIZE);
            }
            c.startWorker(TASK_LIST, List.of(ThumbnailsImpl.class), List.of());
            System.out.println("1920x1080 -> " + run(c.client(), new Size(1920, 1080)));
        }
    }
}
