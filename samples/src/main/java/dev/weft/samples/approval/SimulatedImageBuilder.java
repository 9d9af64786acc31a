package dev.weft.samples.approval;

import dev.weft.activity.Activity;
import dev.weft.samples.approval.ImagePipeline.Recipe;
import dev.weft.samples.approval.ImagePipeline.TestReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Activities that pretend to build images: ids are derived from the recipe, an image whose
 * recipe's name contains {@code "broken"} fails its boot test, and nothing takes long. A real implementation would call an
 * image service here, heartbeating through {@link Activity#getExecutionContext()} while it waits.
 */
public final class SimulatedImageBuilder implements ImageBuilder {
    @Override
    public String buildImage(Recipe recipe) {
        for (String component : recipe.components()) {
            Activity.getExecutionContext().heartbeat("installed " + component);
        }
        return "img-" + recipe.name() + "-" + recipe.version().replace('.', '-');
    }

    @Override
    public TestReport testImage(String imageId) {
        List<String> failures = new ArrayList<>();
        if (imageId.contains("broken")) {
            failures.add("boots: kernel panic");
        }
        return new TestReport(12 - failures.size(), failures.size(), failures);
    }

    @Override
    public String distribute(String imageId, String region) {
        return imageId + "." + region.toLowerCase(Locale.ROOT);
    }
}
