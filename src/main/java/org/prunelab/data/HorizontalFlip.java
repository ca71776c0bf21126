package org.prunelab.data;

import java.util.Random;

/**
 * Mirrors the image left to right with probability {@code p}, like torchvision's {@code
 * RandomHorizontalFlip(p)}.
 *
 * @param p probability of flipping, in [0, 1]
 */
public record HorizontalFlip(double p) implements Augmentation {

  /** Rejects a probability outside [0, 1]. */
  public HorizontalFlip {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must lie in [0, 1], got " + p);
    }
  }

  @Override
  public void apply(float[] chw, int c, int h, int w, Random rng) {
    if (rng.nextDouble() >= p) {
      return;
    }
    for (int row = 0; row < c * h; row++) {
      for (int left = row * w, right = left + w - 1; left < right; left++, right--) {
        float t = chw[left];
        chw[left] = chw[right];
        chw[right] = t;
      }
    }
  }
}
