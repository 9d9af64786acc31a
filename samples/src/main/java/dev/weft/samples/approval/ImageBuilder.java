package dev.weft.samples.approval;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Activity;
import dev.weft.annotations.Retry;
import dev.weft.samples.approval.ImagePipeline.Recipe;
import dev.weft.samples.approval.ImagePipeline.TestReport;

/** The pipeline's activities: the slow, fallible work, done by activity workers. */
@Activities(
        namePrefix = "ImageBuilder.",
        version = "1",
        startToCloseTimeout = "2h",
        retry = @Retry(initialInterval = "10s", maximumAttempts = 3))
public interface ImageBuilder {
    /**
     * Builds the image.
     *
     * @param recipe the recipe
     * @return the new image's id
     */
    @Activity(heartbeatTimeout = "5m")
    String buildImage(Recipe recipe);

    /**
     * Boots the image and runs its tests.
     *
     * @param imageId the image
     * @return the outcome
     */
    TestReport testImage(String imageId);

    /**
     * Copies the image to a region.
     *
     * @param imageId the image
     * @param region the region
     * @return the copy's id in that region
     */
    String distribute(String imageId, String region);
}
