package dev.weft.samples.approval;

import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowFailedException;
import dev.weft.client.WorkflowStartOptions;
import dev.weft.client.WorkflowStub;
import dev.weft.samples.Samples;
import dev.weft.samples.approval.ImagePipeline.Progress;
import dev.weft.samples.approval.ImagePipeline.Recipe;
import dev.weft.samples.approval.ImagePipeline.Release;
import dev.weft.workflow.StepAction.ActionType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Runs the image pipeline: a worker runs the workflow and its activities while this thread plays
 * the approver, once approving a release and once stopping one. On the embedded engine by default;
 * see {@link Samples#connect()} for real SWF or {@code ./swf-local}.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests
 * -Dsample=dev.weft.samples.approval.ImagePipelineSample} from the repository root.
 */
public final class ImagePipelineSample {
    /** The task list the pipeline's worker polls. */
    public static final String TASK_LIST = "image-builds";

    private ImagePipelineSample() {}

    public static void main(String[] args) throws TimeoutException {
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(ImagePipelineImpl.class), List.of(new SimulatedImageBuilder()));
            WorkflowClient client = c.client();
            Release release = approve(
                    client, recipe("web-server"), "CHG-1042 approved by the release board", System.out::println);
            System.out.println("released " + release.imageId() + " to " + release.regionalImages());
            try {
                stop(client, recipe("web-server-next"), "security review pending", System.out::println);
            } catch (WorkflowFailedException e) {
                String id = e.getExecution().workflowId();
                System.out.println("pipeline " + id + " ended: " + e.getCause().getMessage());
            }
        }
    }

    /**
     * A recipe for an image.
     *
     * @param name the image's name
     * @return the recipe
     */
    public static Recipe recipe(String name) {
        return new Recipe(
                name, "2026.12.1", "debian-12", List.of("nginx", "node-exporter"), List.of("us-east-1", "eu-west-1"));
    }

    /** Starts a pipeline, waits for its approval step, approves it and returns the release. */
    public static Release approve(WorkflowClient client, Recipe recipe, String reason, Consumer<String> say)
            throws TimeoutException {
        WorkflowStub pipeline = startAndAwaitApproval(client, recipe, say);
        client.sendStepAction(pipeline.getExecution(), ImagePipeline.APPROVAL_STEP, ActionType.RESUME, reason, null);
        return pipeline.getResult(Release.class);
    }

    /** Starts a pipeline, waits for its approval step and stops it; throws how it failed. */
    static Release stop(WorkflowClient client, Recipe recipe, String reason, Consumer<String> say)
            throws TimeoutException {
        WorkflowStub pipeline = startAndAwaitApproval(client, recipe, say);
        client.sendStepAction(pipeline.getExecution(), ImagePipeline.APPROVAL_STEP, ActionType.STOP, reason, null);
        return pipeline.getResult(Release.class);
    }

    private static WorkflowStub startAndAwaitApproval(WorkflowClient client, Recipe recipe, Consumer<String> say)
            throws TimeoutException {
        ImagePipeline typed = client.newWorkflowStub(
                ImagePipeline.class,
                WorkflowStartOptions.newBuilder()
                        .workflowId("build-" + recipe.name() + "-" + recipe.version())
                        .tags("image-pipeline", recipe.name())
                        .build());
        WorkflowExecution run = WorkflowClient.start(typed::build, recipe);
        say.accept("started " + run.workflowId());
        WorkflowStub pipeline = WorkflowClient.toUntyped(typed);
        pipeline.awaitWaitingStep(ImagePipeline.APPROVAL_STEP, Duration.ofSeconds(30));
        Progress p = pipeline.getState(Progress.class);
        say.accept(
                "  " + p.phase() + ": " + p.imageId() + " passed " + p.tests().passed() + " tests");
        return pipeline;
    }
}
