package org.prunelab.data.corrupt;

import java.util.ArrayDeque;

/**
 * Canny's edge detector (Canny 1986) with the defaults of skimage's {@code feature.canny}: Gaussian
 * smoothing ({@code sigma = 1}, normalised at the image border), Sobel gradients {@code g =
 * hypot(Gx, Gy)}, non-maximum suppression along the gradient direction (quantised to 0, 45, 90 and
 * 135 degrees), and hysteresis: pixels with {@code g >= high} are edges, and so are pixels with
 * {@code g >= low} 8-connected to them. Pixels on the outer border are never edges.
 */
final class Canny {

  private static final float TAN_22_5 = (float) Math.tan(Math.PI / 8);

  private Canny() {}

  /** The edge map (1 on edges, 0 elsewhere) of the grey plane {@code img}. */
  static float[] edges(float[] img, int h, int w, double sigma, double low, double high) {
    float[] ones = new float[h * w];
    java.util.Arrays.fill(ones, 1f);
    float[] smooth = Filters.gaussian(img, h, w, sigma, Border.ZERO);
    float[] weight = Filters.gaussian(ones, h, w, sigma, Border.ZERO);
    for (int k = 0; k < smooth.length; k++) {
      smooth[k] /= weight[k];
    }
    float[] deriv = {-1, 0, 1};
    float[] average = {1, 2, 1};
    float[] gy = Filters.separable(smooth, h, w, deriv, average, Border.REFLECT);
    float[] gx = Filters.separable(smooth, h, w, average, deriv, Border.REFLECT);
    float[] mag = new float[h * w];
    for (int k = 0; k < mag.length; k++) {
      mag[k] = (float) Math.sqrt(gx[k] * gx[k] + gy[k] * gy[k]);
    }
    byte[] state = new byte[h * w]; // 0 none, 1 weak, 2 strong
    ArrayDeque<Integer> strong = new ArrayDeque<>();
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int k = y * w + x;
        float m = mag[k];
        if (m < low || !isLocalMaximum(mag, w, k, gx[k], gy[k])) {
          continue;
        }
        state[k] = (byte) (m >= high ? 2 : 1);
        if (m >= high) {
          strong.add(k);
        }
      }
    }
    while (!strong.isEmpty()) {
      int k = strong.poll();
      int y = k / w;
      int x = k % w;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int yy = y + dy;
          int xx = x + dx;
          if (yy >= 0 && yy < h && xx >= 0 && xx < w && state[yy * w + xx] == 1) {
            state[yy * w + xx] = 2;
            strong.add(yy * w + xx);
          }
        }
      }
    }
    float[] out = new float[h * w];
    for (int k = 0; k < out.length; k++) {
      out[k] = state[k] == 2 ? 1f : 0f;
    }
    return out;
  }

  /**
   * Whether {@code mag[k]} is not smaller than its two neighbours along the quantised gradient
   * direction.
   */
  private static boolean isLocalMaximum(float[] mag, int w, int k, float gx, float gy) {
    float ax = Math.abs(gx);
    float ay = Math.abs(gy);
    int step;
    if (ay <= TAN_22_5 * ax) {
      step = 1; // gradient within 22.5 degrees of x: compare left and right
    } else if (ax <= TAN_22_5 * ay) {
      step = w; // gradient within 22.5 degrees of y: compare above and below
    } else {
      step = (gx > 0) == (gy > 0) ? w + 1 : w - 1; // diagonal (rows grow downwards)
    }
    return mag[k] >= mag[k - step] && mag[k] >= mag[k + step];
  }
}
