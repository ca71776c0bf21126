package org.prunelab.data.corrupt;

/**
 * Linear filters on single {@code h x w} planes (row-major floats): Gaussian kernels as scipy
 * builds them, separable and full 2-D correlation with a chosen {@link Border}, and ImageMagick's
 * one-sided motion-blur line kernel.
 */
final class Filters {

  private Filters() {}

  /**
   * The normalised 1-D Gaussian {@code exp(-i^2 / (2 sigma^2))} for {@code i = -r..r}, {@code r =
   * (int) (truncate * sigma + 0.5)}, as {@code scipy.ndimage.gaussian_filter1d} builds it; {@code
   * {1}} for {@code sigma == 0}.
   */
  static float[] gaussianKernel(double sigma, double truncate) {
    int radius = (int) (truncate * sigma + 0.5);
    if (sigma <= 0 || radius == 0) {
      return new float[] {1f};
    }
    float[] k = new float[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      double g = Math.exp(-(double) i * i / (2 * sigma * sigma));
      k[i + radius] = (float) g;
      sum += g;
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= (float) sum;
    }
    return k;
  }

  /**
   * The plane blurred with a Gaussian of {@code sigma} (truncated at 4 sigma, skimage's default).
   */
  static float[] gaussian(float[] plane, int h, int w, double sigma, Border border) {
    return gaussian(plane, h, w, sigma, 4.0, border);
  }

  /** The plane blurred with a Gaussian of {@code sigma} truncated at {@code truncate} sigma. */
  static float[] gaussian(
      float[] plane, int h, int w, double sigma, double truncate, Border border) {
    float[] k = gaussianKernel(sigma, truncate);
    return separable(plane, h, w, k, k, border);
  }

  /** Blurs every channel of {@code p} in place with a Gaussian of {@code sigma}. */
  static void gaussian(Picture p, double sigma, Border border) {
    for (int ch = 0; ch < p.c; ch++) {
      p.setChannel(ch, gaussian(p.channel(ch), p.h, p.w, sigma, border));
    }
  }

  /**
   * Correlates the plane with the outer product {@code column x row} of two odd-length kernels
   * centred on their middle: first along each row with {@code row}, then along each column with
   * {@code column}.
   */
  static float[] separable(
      float[] plane, int h, int w, float[] column, float[] row, Border border) {
    float[] tmp = new float[h * w];
    int[] xs = taps(w, row.length, border);
    for (int y = 0; y < h; y++) {
      int base = y * w;
      for (int x = 0, t = 0; x < w; x++) {
        float s = 0;
        for (int i = 0; i < row.length; i++, t++) {
          if (xs[t] >= 0) {
            s += row[i] * plane[base + xs[t]];
          }
        }
        tmp[base + x] = s;
      }
    }
    float[] out = new float[h * w];
    int[] ys = taps(h, column.length, border);
    for (int y = 0, t = 0; y < h; y++, t += column.length) {
      for (int i = 0; i < column.length; i++) {
        if (ys[t + i] < 0) {
          continue;
        }
        float k = column[i];
        int src = ys[t + i] * w;
        for (int x = 0; x < w; x++) {
          out[y * w + x] += k * tmp[src + x];
        }
      }
    }
    return out;
  }

  /**
   * For each position {@code p} of a row of {@code n} and tap {@code i}, the index read (or -1 for
   * a zero).
   */
  private static int[] taps(int n, int length, Border border) {
    int r = length / 2;
    int[] idx = new int[n * length];
    for (int p = 0, t = 0; p < n; p++) {
      for (int i = 0; i < length; i++, t++) {
        idx[t] = border.index(p + i - r, n);
      }
    }
    return idx;
  }

  /**
   * Correlates the plane with the odd-sized kernel {@code k[ky][kx]} centred on its middle (OpenCV
   * filter2D).
   */
  static float[] correlate(float[] plane, int h, int w, float[][] k, Border border) {
    int ry = k.length / 2;
    int rx = k[0].length / 2;
    float[] out = new float[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float s = 0;
        for (int i = 0; i < k.length; i++) {
          int yy = border.index(y + i - ry, h);
          if (yy < 0) {
            continue;
          }
          for (int j = 0; j < k[i].length; j++) {
            int xx = border.index(x + j - rx, w);
            if (xx >= 0) {
              s += k[i][j] * plane[yy * w + xx];
            }
          }
        }
        out[y * w + x] = s;
      }
    }
    return out;
  }

  /**
   * ImageMagick's {@code MotionBlurImage(radius, sigma, angle)}: each pixel becomes the weighted
   * mean of the {@code n = 2 ceil(radius) + 1} pixels at offsets {@code round(i cos a), round(i sin
   * a)}, {@code i = 0..n-1}, with weights {@code exp(-i^2 / (2 sigma^2))} (normalised), edges
   * repeated: a one-sided streak along {@code angle}.
   */
  static float[] motionBlur(
      float[] plane, int h, int w, double radius, double sigma, double angleDegrees) {
    int n = (int) (2 * Math.ceil(radius) + 1);
    double a = Math.toRadians(angleDegrees);
    double px = n * Math.sin(a);
    double py = n * Math.cos(a);
    double norm = Math.hypot(px, py);
    int[] dx = new int[n];
    int[] dy = new int[n];
    float[] weight = new float[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      dx[i] = (int) Math.ceil(i * py / norm - 0.5);
      dy[i] = (int) Math.ceil(i * px / norm - 0.5);
      double g = Math.exp(-(double) i * i / (2 * sigma * sigma));
      weight[i] = (float) g;
      sum += g;
    }
    float[] out = new float[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          int yy = Border.NEAREST.index(y + dy[i], h);
          int xx = Border.NEAREST.index(x + dx[i], w);
          s += weight[i] * plane[yy * w + xx];
        }
        out[y * w + x] = (float) (s / sum);
      }
    }
    return out;
  }
}
