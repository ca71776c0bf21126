package org.prunelab.data.corrupt;

/**
 * How a filter or a sampler reads outside the image, with the names of scipy.ndimage / OpenCV:
 * index {@code i} of a row of {@code n} values maps to an index inside, or to -1 for a zero.
 */
enum Border {
  /**
   * Repeat the edge value: {@code a a | a b c d | d d} (scipy "nearest", OpenCV BORDER_REPLICATE).
   */
  NEAREST,
  /** Mirror including the edge: {@code b a | a b c d | d c} (scipy "reflect"). */
  REFLECT,
  /**
   * Mirror about the edge: {@code c b | a b c d | c b} (OpenCV BORDER_REFLECT_101, scipy "mirror").
   */
  MIRROR,
  /** Zeros outside (scipy "constant" with cval 0). */
  ZERO;

  /** The index inside {@code 0..n-1} that {@code i} reads, or -1 where the value is zero. */
  int index(int i, int n) {
    if (i >= 0 && i < n) {
      return i;
    }
    switch (this) {
      case NEAREST -> {
        return i < 0 ? 0 : n - 1;
      }
      case REFLECT -> {
        int period = 2 * n;
        int k = Math.floorMod(i, period);
        return k < n ? k : period - 1 - k;
      }
      case MIRROR -> {
        if (n == 1) {
          return 0;
        }
        int period = 2 * n - 2;
        int k = Math.floorMod(i, period);
        return k < n ? k : period - k;
      }
      default -> {
        return -1;
      }
    }
  }
}
