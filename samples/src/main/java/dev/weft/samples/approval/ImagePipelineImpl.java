package dev.weft.samples.approval;

import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.Async;
import dev.weft.workflow.Promise;
import dev.weft.workflow.StepAction;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as workflow code. Replay runs it again from the top on every decision, so it keeps
 * its state in fields and leaves time, randomness and I/O to the activities and the framework.
 */
public final class ImagePipelineImpl implements ImagePipeline {
    /** How long the approval may take before the pipeline gives up. */
    static final Duration APPROVAL_TIMEOUT = Duration.ofDays(3);

    private final ImageBuilder builder = Workflow.newActivityStub(ImageBuilder.class);
    private String phase = "building";
    private String imageId;
    private TestReport tests;

    @Override
    public Release build(Recipe recipe) {
        imageId = builder.buildImage(recipe);

        phase = "testing";
        tests = builder.testImage(imageId);
        if (tests.failed() > 0) {
            phase = "failed tests";
            throw ApplicationFailure.newFailure(
                    "Image " + imageId + " failed " + tests.failed() + " test(s): " + tests.failures(), "TestsFailed");
        }

        phase = "awaiting approval";
        StepAction approval = Workflow.waitForAction(APPROVAL_STEP, APPROVAL_TIMEOUT);
        if (approval == null) {
            phase = "approval timed out";
            throw ApplicationFailure.newFailure(
                    "Nobody approved image " + imageId + " within " + APPROVAL_TIMEOUT.toDays() + " days",
                    "ApprovalTimedOut");
        }
        if (approval.isStop()) {
            phase = "stopped";
            throw ApplicationFailure.newFailure(
                    "Distribution of image " + imageId + " was stopped: " + approval.getReason(), "Stopped");
        }

        phase = "distributing";
        Map<String, Promise<String>> copies = new LinkedHashMap<>();
        for (String region : recipe.regions()) {
            copies.put(region, Async.function(builder::distribute, imageId, region)); // all regions at once
        }
        Promise.allOf(List.copyOf(copies.values())).get();
        Map<String, String> regional = new LinkedHashMap<>();
        copies.forEach((region, copy) -> regional.put(region, copy.get()));

        phase = "distributed";
        return new Release(imageId, regional, approval.getReason());
    }

    @Override
    public Progress progress() {
        return new Progress(phase, imageId, tests);
    }
}
