package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * The digital corruptions of Hendrycks and Dietterich with the severity constants of their {@code
 * make_cifar_c.py} (CIFAR-10-C), except where a method says otherwise.
 */
final class Digital {

  private static final double[] BRIGHTNESS = {0.05, 0.1, 0.15, 0.2, 0.3};
  private static final double[] CONTRAST = {0.75, 0.5, 0.4, 0.3, 0.15};
  private static final double[] PIXELATE = {0.95, 0.9, 0.85, 0.75, 0.65};
  private static final int[] JPEG = {80, 65, 58, 50, 40};

  /** Saturate on colour (CIFAR-10-C): factor and offset of the saturation. */
  private static final double[][] SATURATE = {{0.3, 0}, {0.1, 0}, {1.5, 0}, {2, 0.1}, {2.5, 0.2}};

  /** Saturate on grey (MNIST-C): factor and offset of all of H, S and V. */
  private static final double[][] SATURATE_GREY = {{0.3, 0}, {0.1, 0}, {2, 0}, {5, 0.1}, {20, 0.2}};

  /** skimage's {@code rgb2gray} weights (ITU-R 709 luma), which MNIST-C's grey saturate uses. */
  private static final float[] GREY_709 = {0.2125f, 0.7154f, 0.0721f};

  /**
   * Elastic: displacement amplitude, displacement smoothness (sigma) and affine jitter, as
   * fractions of the image side. PruneLab's own ladder: the published CIFAR-10-C and MNIST-C tables
   * trade a shrinking affine jitter for a growing elastic field and are not ordered by distance
   * from the clean image (severity 1 there moves pixels farther than severity 5). Here both parts
   * grow: the RMS displacement is about 0.7, 1.0, 1.4, 1.7 and 2.0 pixels on a 28 x 28 image, the
   * affine jitter 1 % to 5 % of the side.
   */
  private static final double[][] ELASTIC = {
    {0.25, 0.06, 0.01},
    {0.375, 0.06, 0.02},
    {0.5, 0.06, 0.03},
    {0.625, 0.06, 0.04},
    {0.75, 0.06, 0.05}
  };

  private Digital() {}

  /**
   * Brightness: the HSV value {@code V + b}, {@code b} from 0.05 to 0.3 ({@code x + b} on grey).
   */
  static Picture brightness(Picture p, int severity, Random rng) {
    float b = (float) BRIGHTNESS[severity - 1];
    if (p.c == 1) {
      for (int k = 0; k < p.v.length; k++) {
        p.v[k] += b;
      }
      return p;
    }
    Hsv.fromRgb(p);
    int n = p.plane();
    for (int k = 2 * n; k < 3 * n; k++) {
      p.v[k] = Math.min(1f, Math.max(0f, p.v[k] + b));
    }
    Hsv.toRgb(p);
    return p;
  }

  /** Contrast: {@code (x - mean) a + mean} per channel, {@code a} from 0.75 down to 0.15. */
  static Picture contrast(Picture p, int severity, Random rng) {
    float a = (float) CONTRAST[severity - 1];
    int n = p.plane();
    for (int ch = 0; ch < p.c; ch++) {
      double sum = 0;
      for (int k = ch * n; k < (ch + 1) * n; k++) {
        sum += p.v[k];
      }
      float mean = (float) (sum / n);
      for (int k = ch * n; k < (ch + 1) * n; k++) {
        p.v[k] = (p.v[k] - mean) * a + mean;
      }
    }
    return p;
  }

  /**
   * Elastic transform (Simard et al. 2003, as in the reference): a random affine map that moves
   * three control points by up to {@code j} pixels each (borders mirrored), then a displacement
   * field {@code alpha * gaussian_sigma(U(-1, 1))} per axis sampled bilinearly (borders reflected).
   */
  static Picture elastic(Picture p, int severity, Random rng) {
    double side = Math.min(p.h, p.w);
    double[] c = ELASTIC[severity - 1];
    double alpha = side * c[0];
    double sigma = side * c[1];
    double jitter = side * c[2];
    double cx = Math.floor(p.w / 2.0);
    double cy = Math.floor(p.h / 2.0);
    double sq = Math.floor(side / 3);
    double[][] from = {{cx + sq, cy + sq}, {cx + sq, cy - sq}, {cx - sq, cy - sq}};
    double[][] to = new double[3][2];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        to[i][j] = from[i][j] + jitter * (2 * rng.nextDouble() - 1);
      }
    }
    Warp.affine(p, affineThrough(to, from), Border.MIRROR);
    float[] dx = displacement(p.h, p.w, alpha, sigma, rng);
    float[] dy = displacement(p.h, p.w, alpha, sigma, rng);
    for (int ch = 0; ch < p.c; ch++) {
      float[] src = p.channel(ch);
      for (int y = 0; y < p.h; y++) {
        for (int x = 0; x < p.w; x++) {
          int k = y * p.w + x;
          p.set(ch, y, x, Warp.bilinear(src, p.h, p.w, y + dy[k], x + dx[k], Border.REFLECT));
        }
      }
    }
    return p;
  }

  private static float[] displacement(int h, int w, double alpha, double sigma, Random rng) {
    float[] field = new float[h * w];
    for (int k = 0; k < field.length; k++) {
      field[k] = (float) (2 * rng.nextDouble() - 1);
    }
    field = Filters.gaussian(field, h, w, sigma, 3.0, Border.REFLECT);
    for (int k = 0; k < field.length; k++) {
      field[k] *= (float) alpha;
    }
    return field;
  }

  /**
   * The affine map (2 x 3, row-major, over (x, y)) that sends the three points {@code a[i]} to
   * {@code b[i]}.
   */
  static double[] affineThrough(double[][] a, double[][] b) {
    double det =
        (a[1][0] - a[0][0]) * (a[2][1] - a[0][1]) - (a[2][0] - a[0][0]) * (a[1][1] - a[0][1]);
    double[] m = new double[6];
    for (int row = 0; row < 2; row++) {
      double d1 = b[1][row] - b[0][row];
      double d2 = b[2][row] - b[0][row];
      double p = (d1 * (a[2][1] - a[0][1]) - d2 * (a[1][1] - a[0][1])) / det;
      double q = (d2 * (a[1][0] - a[0][0]) - d1 * (a[2][0] - a[0][0])) / det;
      m[3 * row] = p;
      m[3 * row + 1] = q;
      m[3 * row + 2] = b[0][row] - p * a[0][0] - q * a[0][1];
    }
    return m;
  }

  /**
   * Pixelate: Pillow's BOX resize down to {@code (int) (side f)} pixels, {@code f} from 0.95 to
   * 0.65, and back up ({@link BoxResize}).
   */
  static Picture pixelate(Picture p, int severity, Random rng) {
    double f = PIXELATE[severity - 1];
    int sh = Math.max(1, (int) (p.h * f));
    int sw = Math.max(1, (int) (p.w * f));
    for (int ch = 0; ch < p.c; ch++) {
      float[] small = BoxResize.resize(p.channel(ch), p.h, p.w, sh, sw);
      p.setChannel(ch, BoxResize.resize(small, sh, sw, p.h, p.w));
    }
    return p;
  }

  /** JPEG compression at quality 80, 65, 58, 50, 40 ({@link JpegCodec}). */
  static Picture jpeg(Picture p, int severity, Random rng) {
    return JpegCodec.roundTrip(p, JPEG[severity - 1]);
  }

  /**
   * Saturate. Colour (CIFAR-10-C): the HSV saturation {@code S a + b} with {@code (a, b)} = (0.3,
   * 0), (0.1, 0), (1.5, 0), (2, 0.1), (2.5, 0.2): severities 1-2 wash colours out, 3-5 make them
   * garish, so the distance from the clean image is not monotone in the severity. Grey (MNIST-C,
   * whose grey images have no saturation to change): the grey picture lifted to RGB, all of H, S
   * and V mapped to {@code clip(a t + b, 0, 1)} with {@code (a, b)} = (0.3, 0), (0.1, 0), (2, 0),
   * (5, 0.1), (20, 0.2), and converted back with skimage's {@code rgb2gray}: in effect a brightness
   * change {@code V' = clip(a V + b)} with a faint tint at severities 4-5.
   */
  static Picture saturate(Picture p, int severity, Random rng) {
    if (p.c == 1) {
      return saturateGrey(p, SATURATE_GREY[severity - 1]);
    }
    double[] c = SATURATE[severity - 1];
    Hsv.fromRgb(p);
    int n = p.plane();
    for (int k = n; k < 2 * n; k++) {
      p.v[k] = (float) Math.min(1, Math.max(0, p.v[k] * c[0] + c[1]));
    }
    Hsv.toRgb(p);
    return p;
  }

  private static Picture saturateGrey(Picture p, double[] c) {
    int n = p.plane();
    Picture hsv = new Picture(3, p.h, p.w);
    for (int k = 0; k < n; k++) {
      // grey lifted to RGB has H = 0, S = 0, V = x
      hsv.v[k] = (float) Math.min(1, Math.max(0, c[1]));
      hsv.v[n + k] = (float) Math.min(1, Math.max(0, c[1]));
      hsv.v[2 * n + k] = (float) Math.min(1, Math.max(0, p.v[k] * c[0] + c[1]));
    }
    Hsv.toRgb(hsv);
    for (int k = 0; k < n; k++) {
      p.v[k] = GREY_709[0] * hsv.v[k] + GREY_709[1] * hsv.v[n + k] + GREY_709[2] * hsv.v[2 * n + k];
    }
    return p;
  }
}
