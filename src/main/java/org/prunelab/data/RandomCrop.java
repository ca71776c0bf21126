package org.prunelab.data;

import java.util.Random;

/**
 * Pads the image with {@code padding} zero (black) pixels on every side and crops it back to H x W
 * at a uniformly random offset, like torchvision's {@code RandomCrop(size, padding=padding)}: the
 * result is the image shifted by {@code (dy, dx)}, each drawn uniformly from {@code
 * -padding..padding}, with zeros shifted in.
 *
 * @param padding pixels of zero padding per side, {@code >= 0}
 */
public record RandomCrop(int padding) implements Augmentation {

  /** Rejects a negative padding. */
  public RandomCrop {
    if (padding < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padding);
    }
  }

  @Override
  public void apply(float[] chw, int c, int h, int w, Random rng) {
    int top = rng.nextInt(2 * padding + 1);
    int left = rng.nextInt(2 * padding + 1);
    int dy = top - padding;
    int dx = left - padding;
    if (dy == 0 && dx == 0) {
      return;
    }
    float[] source = new float[h * w];
    for (int ch = 0; ch < c; ch++) {
      int base = ch * h * w;
      System.arraycopy(chw, base, source, 0, h * w);
      for (int y = 0; y < h; y++) {
        int sy = y + dy;
        for (int x = 0; x < w; x++) {
          int sx = x + dx;
          boolean inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
          chw[base + y * w + x] = inside ? source[sy * w + sx] : 0f;
        }
      }
    }
  }
}
