package org.prunelab.data.corrupt;

/**
 * The soft line strokes of MNIST-C ({@code line_from_points}): a line through {@code (c0, r0)} and
 * {@code (c1, r1)} (column, row) drawn with intensity {@code clip(1 + ln(1 - d / 2.3), 0, 1)},
 * {@code d} the vertical distance of a pixel to the line (capped just below 2.3), limited to the
 * columns {@code floor(c0) .. ceil(c1) - 1}.
 */
final class Lines {

  private static final double REACH = 2.3;

  private Lines() {}

  /**
   * The stroke from {@code (c0, r0)} to {@code (c1, r1)} as an {@code h x w} plane (empty when
   * {@code c0 == c1}).
   */
  static float[] stroke(double c0, double r0, double c1, double r1, int h, int w) {
    float[] out = new float[h * w];
    if (c1 == c0) {
      return out;
    }
    double slope = (r1 - r0) / (c1 - c0);
    int left = Math.max(0, (int) Math.floor(c0));
    int right = Math.min(w, (int) Math.ceil(c1));
    for (int x = left; x < right; x++) {
      double line = slope * (x - c0) + r0;
      for (int y = 0; y < h; y++) {
        double d = Math.min(Math.abs(y - line), REACH - 1e-10);
        out[y * w + x] = (float) Math.max(0, Math.min(1, Math.log(1 - d / REACH) + 1));
      }
    }
    return out;
  }

  /** Adds {@code stroke} to every channel of {@code p} and clamps to [0, 1]. */
  static void add(Picture p, float[] stroke) {
    for (int ch = 0; ch < p.c; ch++) {
      int o = ch * p.plane();
      for (int k = 0; k < stroke.length; k++) {
        p.v[o + k] = Math.min(1f, p.v[o + k] + stroke[k]);
      }
    }
  }
}
