package org.prunelab.experiment.features;

import java.util.Optional;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * Explains one test image with an unpruned and a pruned network ({@link FeatureExplanation}): each
 * network's decision on the normalised image, its first SIS for that decision (backward selection,
 * {@link BackwardSelection}), and its integrated-gradients ({@value Saliency#DEFAULT_STEPS} steps
 * from the mean image) and gradient x input attributions ({@link Saliency}). Engine work: call it
 * inside a job.
 */
public final class FeatureExplanations {
  private FeatureExplanations() {}

  /**
   * Explains test image {@code index} with SIS features of {@code patch} x {@code patch} pixels.
   */
  public static FeatureExplanation explain(
      Network original,
      Network pruned,
      ImageDataset test,
      Normalization normalization,
      int index,
      double threshold,
      int patch,
      JobContext ctx) {
    if (index < 0 || index >= test.size()) {
      throw new InvalidSettingException(
          "there is no test image " + index + "; pick 0 to " + (test.size() - 1));
    }
    FeatureGrid grid = new FeatureGrid(test.channels(), test.height(), test.width(), patch);
    float[] pixels = ReferenceFeatures.normalised(test, index, normalization);
    ctx.progress(0, 2, "explaining test image " + index + " with the unpruned network");
    NetworkExplanation a = explain(original, grid, pixels, threshold, ctx);
    ctx.progress(1, 2, "explaining test image " + index + " with the pruned network");
    NetworkExplanation b = explain(pruned, grid, pixels, threshold, ctx);
    double overlap =
        a.sis().isPresent() && b.sis().isPresent()
            ? FeatureComparison.intersectionOverUnion(
                a.sis().get().features(), b.sis().get().features())
            : Double.NaN;
    float[] raw = new float[test.imageSize()];
    test.copyImage(index, raw, 0);
    return new FeatureExplanation(index, test.label(index), raw, grid, threshold, a, b, overlap);
  }

  private static NetworkExplanation explain(
      Network network, FeatureGrid grid, float[] pixels, double threshold, JobContext ctx) {
    ClassConfidence confidence = new ClassConfidence(network, grid);
    ClassConfidence.Decision decision = confidence.decide(pixels);
    Optional<SufficientInputSubset> sis =
        new BackwardSelection(confidence, grid, threshold).find(pixels, decision.klass(), ctx);
    Saliency saliency = new Saliency(network, grid);
    return new NetworkExplanation(
        decision.klass(),
        decision.confidence(),
        sis,
        perPixel(
            saliency.integratedGradients(pixels, decision.klass(), Saliency.DEFAULT_STEPS), grid),
        perPixel(saliency.gradientTimesInput(pixels, decision.klass()), grid));
  }

  /** Sums a C x H x W attribution over channels. */
  private static float[] perPixel(float[] attribution, FeatureGrid grid) {
    int plane = grid.height() * grid.width();
    float[] sum = new float[plane];
    for (int c = 0; c < grid.channels(); c++) {
      for (int p = 0; p < plane; p++) {
        sum[p] += attribution[c * plane + p];
      }
    }
    return sum;
  }
}
