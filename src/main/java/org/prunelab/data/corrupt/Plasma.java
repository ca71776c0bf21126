package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * The diamond-square plasma fractal of Hendrycks and Dietterich's {@code plasma_fractal} (after
 * FLHerne's mapgen), used as a fog and frost texture: on a periodic {@code n x n} grid ({@code n} a
 * power of two) each new midpoint is the mean of its four parents plus {@code wibble * U(-wibble,
 * wibble)}, with {@code wibble} starting at 100 and divided by {@code decay} at every halving of
 * the step; the map is finally rescaled to [0, 1]. A smaller decay keeps more fine detail.
 */
final class Plasma {

  private Plasma() {}

  /** A {@code size x size} plasma in [0, 1], row-major; {@code size} must be a power of two. */
  static float[] generate(int size, double decay, Random rng) {
    if (size < 2 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("plasma size must be a power of two >= 2, got " + size);
    }
    double[] m = new double[size * size];
    double wibble = 100;
    for (int step = size; step >= 2; step /= 2, wibble /= decay) {
      int half = step / 2;
      int n = size / step;
      // squares: centre of each cell = mean of its four corners
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s =
              at(m, size, i * step, j * step)
                  + at(m, size, (i + 1) % n * step, j * step)
                  + at(m, size, i * step, (j + 1) % n * step)
                  + at(m, size, (i + 1) % n * step, (j + 1) % n * step);
          m[(i * step + half) * size + j * step + half] = s / 4 + wibble * uniform(rng, wibble);
        }
      }
      // diamonds on the rows of the corners (between two corners left and right)
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s =
              centre(m, size, step, i, j)
                  + centre(m, size, step, (i - 1 + n) % n, j)
                  + at(m, size, i * step, j * step)
                  + at(m, size, i * step, (j + 1) % n * step);
          m[i * step * size + j * step + half] = s / 4 + wibble * uniform(rng, wibble);
        }
      }
      // diamonds on the rows of the centres (between two corners above and below)
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s =
              centre(m, size, step, i, j)
                  + centre(m, size, step, i, (j - 1 + n) % n)
                  + at(m, size, i * step, j * step)
                  + at(m, size, (i + 1) % n * step, j * step);
          m[(i * step + half) * size + j * step] = s / 4 + wibble * uniform(rng, wibble);
        }
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : m) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float[] out = new float[m.length];
    double range = max > min ? max - min : 1;
    for (int k = 0; k < m.length; k++) {
      out[k] = (float) ((m[k] - min) / range);
    }
    return out;
  }

  /**
   * The top-left {@code h x w} window of a fresh plasma of the smallest power-of-two size covering
   * it.
   */
  static float[] crop(int h, int w, double decay, Random rng) {
    int size = Math.max(2, Integer.highestOneBit(Math.max(h, w) - 1) << 1);
    float[] full = generate(size, decay, rng);
    float[] out = new float[h * w];
    for (int y = 0; y < h; y++) {
      System.arraycopy(full, y * size, out, y * w, w);
    }
    return out;
  }

  private static double at(double[] m, int size, int y, int x) {
    return m[y * size + x];
  }

  private static double centre(double[] m, int size, int step, int i, int j) {
    return m[(i * step + step / 2) * size + j * step + step / 2];
  }

  private static double uniform(Random rng, double bound) {
    return bound * (2 * rng.nextDouble() - 1);
  }
}
