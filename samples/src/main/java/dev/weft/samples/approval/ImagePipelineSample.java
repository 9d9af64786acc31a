package dev.weft.samples.approval;

import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowFailedException;
import dev.weft.client.WorkflowStartOptions;
import dev.weft.client.WorkflowStub;
import dev.weft.engine.SwfEngine;
import dev.weft.samples.approval.ImagePipeline.Progress;
import dev.weft.samples.approval.ImagePipeline.Recipe;
import dev.weft.samples.approval.ImagePipeline.Release;
import dev.weft.worker.Worker;
import dev.weft.workflow.StepAction.ActionType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Runs the image pipeline on the embedded engine: a worker runs the workflow and its activities
 * while this thread plays the approver, once approving a release and once stopping one.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests} from the repository root.
 */
public final class ImagePipelineSample {
    static final String DOMAIN = "images";

    private ImagePipelineSample() {}

    public static void main(String[] args) throws TimeoutException {
        try (SwfEngine swf = SwfEngine.builder().build()) {
            swf.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("7"));
            Worker worker = startWorker(swf);
            try {
                WorkflowClient client = WorkflowClient.create(swf, DOMAIN);
                Release release = approve(client, recipe("web-server"), "CHG-1042 approved by the release board");
                System.out.println("released " + release.imageId() + " to " + release.regionalImages());
                try {
                    stop(client, recipe("web-server-next"), "security review pending");
                } catch (WorkflowFailedException e) {
                    String id = e.getExecution().workflowId();
                    System.out.println(
                            "pipeline " + id + " ended: " + e.getCause().getMessage());
                }
            } finally {
                worker.close(); // finishes the tasks in hand, then stops polling
            }
        }
    }

    static Recipe recipe(String name) {
        return new Recipe(
                name, "2026.12.1", "debian-12", List.of("nginx", "node-exporter"), List.of("us-east-1", "eu-west-1"));
    }

    /** A worker for the pipeline's workflow and activities, polling the workflow's task list. */
    static Worker startWorker(SwfClient swf) {
        Worker worker = Worker.newBuilder(swf, DOMAIN, "image-builds")
                .workflows(ImagePipelineImpl.class)
                .activities(new SimulatedImageBuilder())
                .build();
        worker.start();
        return worker;
    }

    /** Starts a pipeline, waits for its approval step, approves it and returns the release. */
    static Release approve(WorkflowClient client, Recipe recipe, String reason) throws TimeoutException {
        WorkflowStub pipeline = startAndAwaitApproval(client, recipe);
        client.sendStepAction(pipeline.getExecution(), ImagePipeline.APPROVAL_STEP, ActionType.RESUME, reason, null);
        return pipeline.getResult(Release.class);
    }

    /** Starts a pipeline, waits for its approval step and stops it; throws how it failed. */
    static Release stop(WorkflowClient client, Recipe recipe, String reason) throws TimeoutException {
        WorkflowStub pipeline = startAndAwaitApproval(client, recipe);
        client.sendStepAction(pipeline.getExecution(), ImagePipeline.APPROVAL_STEP, ActionType.STOP, reason, null);
        return pipeline.getResult(Release.class);
    }

    private static WorkflowStub startAndAwaitApproval(WorkflowClient client, Recipe recipe) throws TimeoutException {
        ImagePipeline typed = client.newWorkflowStub(
                ImagePipeline.class,
                WorkflowStartOptions.newBuilder()
                        .workflowId("build-" + recipe.name() + "-" + recipe.version())
                        .tags("image-pipeline", recipe.name())
                        .build());
        WorkflowExecution run = WorkflowClient.start(typed::build, recipe);
        System.out.println("started " + run.workflowId());
        WorkflowStub pipeline = WorkflowClient.toUntyped(typed);
        pipeline.awaitWaitingStep(ImagePipeline.APPROVAL_STEP, Duration.ofSeconds(30));
        Progress p = pipeline.getState(Progress.class);
        System.out.println(
                "  " + p.phase() + ": " + p.imageId() + " passed " + p.tests().passed() + " tests");
        return pipeline;
    }
}
