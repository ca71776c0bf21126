package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * The blur corruptions of Hendrycks and Dietterich with the severity constants of their {@code
 * make_cifar_c.py} (CIFAR-10-C), except glass blur (MNIST-C's constants), each applied to every
 * channel.
 */
final class Blurs {

  private static final double[] GAUSSIAN = {0.4, 0.6, 0.7, 0.8, 1.0};

  /**
   * Glass blur: sigma, maximal shift, iterations; MNIST-C's table (ImageNet-C's, with a coin flip
   * per swap). CIFAR-10-C's table is not ordered by distance from the clean image: its severity 1
   * shuffles almost unblurred pixels and lies farther from the clean image than its severity 5,
   * whose stronger blur smooths the shuffle.
   */
  private static final double[][] GLASS = {
    {0.7, 1, 2}, {0.9, 2, 1}, {1, 2, 3}, {1.1, 3, 2}, {1.5, 4, 2}
  };

  /** Defocus blur: disk radius, anti-aliasing sigma. */
  private static final double[][] DEFOCUS = {
    {0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}
  };

  /** Motion blur: ImageMagick radius and sigma. */
  private static final double[][] MOTION = {{6, 1}, {6, 1.5}, {6, 2}, {8, 2}, {9, 2.5}};

  /**
   * Zoom blur: how many zoom factors {@code 1, 1.01, 1.02, ...}; these are the lengths numpy gives
   * the reference's {@code np.arange(1, 1.06, 0.01)} ... {@code np.arange(1, 1.26, 0.01)}
   * (floating-point end points included).
   */
  private static final int[] ZOOMS = {7, 12, 16, 21, 26};

  private Blurs() {}

  /** Gaussian blur with {@code sigma} from 0.4 to 1 pixel (edges repeated). */
  static Picture gaussian(Picture p, int severity, Random rng) {
    Filters.gaussian(p, GAUSSIAN[severity - 1], Border.NEAREST);
    return p;
  }

  /**
   * Glass blur: Gaussian blur, rounding down to 8 bits, then {@code iterations} sweeps from the
   * bottom-right that swap each interior pixel, with probability 1/2, with a neighbour at a random
   * offset in {@code [-d, d-1]} per axis, then the Gaussian blur again.
   */
  static Picture glass(Picture p, int severity, Random rng) {
    double[] c = GLASS[severity - 1];
    int d = (int) c[1];
    Filters.gaussian(p, c[0], Border.NEAREST);
    p.truncateToBytes();
    for (int it = 0; it < (int) c[2]; it++) {
      for (int y = p.h - d; y > d; y--) {
        for (int x = p.w - d; x > d; x--) {
          if (!rng.nextBoolean()) {
            continue;
          }
          int dx = rng.nextInt(2 * d) - d;
          int dy = rng.nextInt(2 * d) - d;
          for (int ch = 0; ch < p.c; ch++) {
            float t = p.get(ch, y, x);
            p.set(ch, y, x, p.get(ch, y + dy, x + dx));
            p.set(ch, y + dy, x + dx, t);
          }
        }
      }
    }
    Filters.gaussian(p, c[0], Border.NEAREST);
    return p;
  }

  /**
   * Defocus blur: correlation with the reference's {@code disk(radius, alias_blur)}, the normalised
   * disk {@code x^2 + y^2 <= r^2} smoothed by a 3 x 3 Gaussian of {@code alias_blur} (a plain 3 x 3
   * Gaussian for the radii below 1), borders mirrored like OpenCV's {@code filter2D}.
   */
  static Picture defocus(Picture p, int severity, Random rng) {
    double[] c = DEFOCUS[severity - 1];
    float[][] kernel = disk(c[0], c[1]);
    for (int ch = 0; ch < p.c; ch++) {
      p.setChannel(ch, Filters.correlate(p.channel(ch), p.h, p.w, kernel, Border.MIRROR));
    }
    return p;
  }

  /** The anti-aliased disk kernel, trimmed to its non-zero rows and columns. */
  static float[][] disk(double radius, double aliasBlur) {
    int half = radius <= 8 ? 8 : (int) radius;
    int size = 2 * half + 1;
    float[] plane = new float[size * size];
    int count = 0;
    for (int y = -half; y <= half; y++) {
      for (int x = -half; x <= half; x++) {
        if (x * x + y * y <= radius * radius) {
          plane[(y + half) * size + x + half] = 1;
          count++;
        }
      }
    }
    for (int k = 0; k < plane.length; k++) {
      plane[k] /= count;
    }
    int ksize = radius <= 8 ? 3 : 5;
    float[] g = new float[ksize];
    double sum = 0;
    for (int i = 0; i < ksize; i++) {
      double t = i - (ksize - 1) / 2.0;
      g[i] = (float) Math.exp(-t * t / (2 * aliasBlur * aliasBlur));
      sum += g[i];
    }
    for (int i = 0; i < ksize; i++) {
      g[i] /= (float) sum;
    }
    float[] blurred = Filters.separable(plane, size, size, g, g, Border.MIRROR);
    int reach = (int) Math.floor(radius) + ksize / 2;
    int from = half - reach;
    float[][] kernel = new float[2 * reach + 1][2 * reach + 1];
    for (int y = 0; y < kernel.length; y++) {
      for (int x = 0; x < kernel.length; x++) {
        kernel[y][x] = blurred[(y + from) * size + x + from];
      }
    }
    return kernel;
  }

  /**
   * Motion blur: ImageMagick's one-sided motion blur ({@link Filters#motionBlur}) along an angle
   * drawn uniformly from -45 to 45 degrees.
   */
  static Picture motion(Picture p, int severity, Random rng) {
    double[] c = MOTION[severity - 1];
    double angle = -45 + 90 * rng.nextDouble();
    for (int ch = 0; ch < p.c; ch++) {
      p.setChannel(ch, Filters.motionBlur(p.channel(ch), p.h, p.w, c[0], c[1], angle));
    }
    return p;
  }

  /**
   * Zoom blur: the mean of the picture and its centre zooms by {@code 1, 1.01, ..., 1 + 0.01 (n -
   * 1)}.
   */
  static Picture zoom(Picture p, int severity, Random rng) {
    int n = ZOOMS[severity - 1];
    for (int ch = 0; ch < p.c; ch++) {
      float[] plane = p.channel(ch);
      float[] sum = plane.clone();
      for (int i = 0; i < n; i++) {
        float[] zoomed = Warp.clippedZoom(plane, p.h, p.w, 1 + 0.01 * i);
        for (int k = 0; k < sum.length; k++) {
          sum[k] += zoomed[k];
        }
      }
      for (int k = 0; k < sum.length; k++) {
        sum[k] /= n + 1;
      }
      p.setChannel(ch, sum);
    }
    return p;
  }
}
