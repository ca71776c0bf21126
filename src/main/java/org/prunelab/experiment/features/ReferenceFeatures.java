package org.prunelab.experiment.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * The unpruned network's side of the informative-features probe, found once per sweep: the first
 * {@code images} test images (in test-set order) on which it is at least tau confident in its
 * decision, each with its SIS; every job's network is compared on these ({@link
 * FeatureComparison}).
 */
public final class ReferenceFeatures {
  private final FeatureGrid grid;
  private final double threshold;
  private final List<ProbeImage> images;

  private ReferenceFeatures(FeatureGrid grid, double threshold, List<ProbeImage> images) {
    this.grid = grid;
    this.threshold = threshold;
    this.images = List.copyOf(images);
  }

  /**
   * Finds the SIS of {@code original} on the test images, normalised with {@code normalization}.
   *
   * @throws InvalidSettingException when the network is below the threshold on every test image
   */
  public static ReferenceFeatures find(
      Network original,
      ImageDataset test,
      Normalization normalization,
      FeatureSettings settings,
      JobContext ctx) {
    FeatureGrid grid =
        new FeatureGrid(test.channels(), test.height(), test.width(), settings.patchSide());
    ClassConfidence confidence = new ClassConfidence(original, grid);
    BackwardSelection selection =
        new BackwardSelection(confidence, grid, settings.thresholdValue());
    int wanted = settings.imageCount();
    List<ProbeImage> chosen = new ArrayList<>();
    for (int i = 0; i < test.size() && chosen.size() < wanted; i++) {
      float[] pixels = normalised(test, i, normalization);
      ClassConfidence.Decision decision = confidence.decide(pixels);
      if (decision.confidence() < settings.thresholdValue()) {
        continue;
      }
      ctx.progress(chosen.size(), wanted, "informative features of the unpruned network");
      Optional<SufficientInputSubset> sis = selection.find(pixels, decision.klass(), ctx);
      int index = i;
      sis.ifPresent(s -> chosen.add(new ProbeImage(index, pixels, decision.klass(), s)));
    }
    if (chosen.isEmpty()) {
      throw new InvalidSettingException(
          "the unpruned network is at least "
              + settings.thresholdValue()
              + " confident on none of the "
              + test.size()
              + " test images, so no image has a sufficient input subset; lower"
              + " features.threshold");
    }
    return new ReferenceFeatures(grid, settings.thresholdValue(), chosen);
  }

  /** Image {@code i} of {@code set}, normalised as the network reads it. */
  public static float[] normalised(ImageDataset set, int i, Normalization normalization) {
    float[] pixels = new float[set.imageSize()];
    set.copyImage(i, pixels, 0);
    normalization.apply(pixels, 0, set.height() * set.width());
    return pixels;
  }

  /** The features the SISs are made of. */
  public FeatureGrid grid() {
    return grid;
  }

  /** tau. */
  public double threshold() {
    return threshold;
  }

  /** The probe images with the unpruned network's SIS, in test-set order. */
  public List<ProbeImage> images() {
    return images;
  }
}
