package org.prunelab.experiment.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.prunelab.error.InvalidSettingException;

/**
 * What a sweep's informative-features probe measures (a spec's {@code features: {images: N,
 * threshold: tau, patch: p}}): the SIS of the unpruned network and of each job's network on the
 * first {@code images} test images the unpruned network is at least tau confident on, with features
 * of p x p pixels. Defaults: 20 images, tau = {@value #DEFAULT_THRESHOLD}, patch 1 (the paper's
 * pixels).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureSettings(Integer images, Double threshold, Integer patch) {
  /** tau when none is given. */
  public static final double DEFAULT_THRESHOLD = 0.9;

  /** Images measured when none are given. */
  public static final int DEFAULT_IMAGES = 20;

  /** The most images a spec may ask for (each costs a backward selection per job). */
  public static final int MAX_IMAGES = 1000;

  /** Images, {@value #DEFAULT_IMAGES} when not given. */
  public int imageCount() {
    return images == null ? DEFAULT_IMAGES : images;
  }

  /** tau, {@value #DEFAULT_THRESHOLD} when not given. */
  public double thresholdValue() {
    return threshold == null ? DEFAULT_THRESHOLD : threshold;
  }

  /** Patch side, 1 when not given. */
  public int patchSide() {
    return patch == null ? 1 : patch;
  }

  /** Checks every field, naming the one that is wrong. */
  public void validate() {
    if (images != null && (images < 1 || images > MAX_IMAGES)) {
      throw new InvalidSettingException(
          "features.images "
              + images
              + " is outside 1.."
              + MAX_IMAGES
              + " (each image costs one backward selection per job)");
    }
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new InvalidSettingException(
          "features.threshold " + threshold + " must lie in (0, 1), e.g. 0.9");
    }
    if (patch != null && (patch < 1 || patch > FeatureGrid.MAX_PATCH)) {
      throw new InvalidSettingException(
          "features.patch " + patch + " is outside 1.." + FeatureGrid.MAX_PATCH);
    }
  }
}
