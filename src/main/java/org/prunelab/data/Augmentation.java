package org.prunelab.data;

import java.util.Random;

/**
 * A random training-time transformation of one image, applied in place to pixel values in [0, 1]
 * before normalisation. Given the same {@code rng} state it makes the same change, so seeded runs
 * repeat.
 */
public interface Augmentation {

  /**
   * Transforms the image {@code chw} (C x H x W values, row-major) in place.
   *
   * @param rng source of randomness; implementations draw the same number of values on every call
   */
  void apply(float[] chw, int c, int h, int w, Random rng);
}
