package org.prunelab.data.corrupt;

/**
 * Pillow's {@code Image.resize(size, Image.BOX)}, separable: output pixel {@code i} of a row of
 * {@code n} values resized to {@code m} averages the input pixels whose centres fall in the window
 * of width {@code max(n / m, 1)} centred at {@code (i + 0.5) n / m} (half-open on the left);
 * upscaling therefore repeats pixels (nearest neighbour). Unlike Pillow the intermediate result
 * between the two passes is not rounded to 8 bits.
 */
final class BoxResize {

  private BoxResize() {}

  /** The {@code h x w} plane resized to {@code outH x outW}. */
  static float[] resize(float[] plane, int h, int w, int outH, int outW) {
    float[][] cols = coefficients(w, outW);
    int[] colStart = starts(w, outW);
    float[] tmp = new float[h * outW];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < outW; x++) {
        float s = 0;
        for (int i = 0; i < cols[x].length; i++) {
          s += cols[x][i] * plane[y * w + colStart[x] + i];
        }
        tmp[y * outW + x] = s;
      }
    }
    float[][] rows = coefficients(h, outH);
    int[] rowStart = starts(h, outH);
    float[] out = new float[outH * outW];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        float s = 0;
        for (int i = 0; i < rows[y].length; i++) {
          s += rows[y][i] * tmp[(rowStart[y] + i) * outW + x];
        }
        out[y * outW + x] = s;
      }
    }
    return out;
  }

  private static int[] starts(int in, int out) {
    double scale = (double) in / out;
    double support = 0.5 * Math.max(scale, 1);
    int[] start = new int[out];
    for (int i = 0; i < out; i++) {
      double centre = (i + 0.5) * scale;
      start[i] = Math.max(0, (int) (centre - support + 0.5));
    }
    return start;
  }

  private static float[][] coefficients(int in, int out) {
    double scale = (double) in / out;
    double filterScale = Math.max(scale, 1);
    double support = 0.5 * filterScale;
    int[] start = starts(in, out);
    float[][] k = new float[out][];
    for (int i = 0; i < out; i++) {
      double centre = (i + 0.5) * scale;
      int end = Math.min(in, (int) (centre + support + 0.5));
      float[] weights = new float[Math.max(0, end - start[i])];
      float sum = 0;
      for (int j = 0; j < weights.length; j++) {
        double t = (start[i] + j - centre + 0.5) / filterScale;
        weights[j] = t > -0.5 && t <= 0.5 ? 1f : 0f;
        sum += weights[j];
      }
      for (int j = 0; j < weights.length; j++) {
        weights[j] /= sum;
      }
      k[i] = weights;
    }
    return k;
  }
}
