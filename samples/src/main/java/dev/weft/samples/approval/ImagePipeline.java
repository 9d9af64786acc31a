package dev.weft.samples.approval;

import dev.weft.annotations.GetState;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import java.util.List;
import java.util.Map;

/**
 * An image-build pipeline: build an image from a recipe, test it, wait for someone to approve
 * its distribution, then copy it to every region the recipe names. The approval is a
 * wait-for-action step: a person (or a change-management system) answers it with {@code
 * WorkflowClient.sendStepAction}, RESUME to distribute or STOP to end the pipeline.
 */
@Workflow(version = "1", taskList = "image-builds", executionStartToCloseTimeout = "7d")
public interface ImagePipeline {
    /** The id of the step that waits for approval. */
    String APPROVAL_STEP = "approve-distribution";

    /**
     * Builds, tests and (once approved) distributes the image.
     *
     * @param recipe what to build and where to distribute it
     * @return the release: the image and its copy in each region
     */
    @WorkflowMethod
    Release build(Recipe recipe);

    /**
     * Where the pipeline is, for dashboards and the approver.
     *
     * @return the pipeline's state
     */
    @GetState
    Progress progress();

    /** What to build, and where to distribute it. */
    record Recipe(String name, String version, String baseImage, List<String> components, List<String> regions) {}

    /** The outcome of the image's tests. */
    record TestReport(int passed, int failed, List<String> failures) {}

    /** A distributed image. */
    record Release(String imageId, Map<String, String> regionalImages, String approvedBecause) {}

    /** The pipeline's published state: its phase, the image once built, the tests once run. */
    record Progress(String phase, String imageId, TestReport tests) {}
}
