package org.prunelab.data.corrupt;

/**
 * Geometric resampling with bilinear interpolation: reading a plane at fractional coordinates,
 * affine warps given by their inverse map (as skimage's {@code warp(image, inverse_map)} takes
 * them) and the centre zoom of the corruption papers' {@code clipped_zoom}.
 */
final class Warp {

  private Warp() {}

  /**
   * The plane read at row {@code y}, column {@code x} by bilinear interpolation, outside values per
   * {@code border}.
   */
  static float bilinear(float[] plane, int h, int w, double y, double x, Border border) {
    int y0 = (int) Math.floor(y);
    int x0 = (int) Math.floor(x);
    float fy = (float) (y - y0);
    float fx = (float) (x - x0);
    float a = read(plane, h, w, y0, x0, border);
    float b = read(plane, h, w, y0, x0 + 1, border);
    float c = read(plane, h, w, y0 + 1, x0, border);
    float d = read(plane, h, w, y0 + 1, x0 + 1, border);
    return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
  }

  private static float read(float[] plane, int h, int w, int y, int x, Border border) {
    int yy = border.index(y, h);
    int xx = border.index(x, w);
    return yy < 0 || xx < 0 ? 0f : plane[yy * w + xx];
  }

  /**
   * Warps every channel of {@code p} in place: output pixel {@code (x, y)} (column, row) reads the
   * input at {@code (m[0] x + m[1] y + m[2], m[3] x + m[4] y + m[5])}.
   *
   * @param m the inverse map, a 2 x 3 affine matrix in row-major order over (column, row)
   *     coordinates
   */
  static void affine(Picture p, double[] m, Border border) {
    for (int ch = 0; ch < p.c; ch++) {
      float[] src = p.channel(ch);
      for (int y = 0; y < p.h; y++) {
        for (int x = 0; x < p.w; x++) {
          double sx = m[0] * x + m[1] * y + m[2];
          double sy = m[3] * x + m[4] * y + m[5];
          p.set(ch, y, x, bilinear(src, p.h, p.w, sy, sx, border));
        }
      }
    }
  }

  /**
   * The inverse map of the 2 x 2 linear part {@code a} applied about the image centre {@code
   * ((w-1)/2, (h-1)/2)}, as MNIST-C builds it: the translation is chosen so that the centre stays
   * fixed.
   */
  static double[] aboutCentre(double a0, double a1, double b0, double b1, int h, int w) {
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    return new double[] {a0, a1, cx - a0 * cx - a1 * cy, b0, b1, cy - b0 * cx - b1 * cy};
  }

  /**
   * The {@code clipped_zoom} of Hendrycks and Dietterich: crops the central {@code ceil(h / z) x
   * ceil(w / z)} window, enlarges it by {@code z} with {@code scipy.ndimage.zoom(order=1)} (output
   * size {@code round(size * z)}, corner pixels aligned) and crops the centre {@code h x w} of the
   * result.
   */
  static float[] clippedZoom(float[] plane, int h, int w, double z) {
    int[] y0 = new int[h];
    float[] fy = new float[h];
    zoomAxis(h, z, y0, fy);
    int[] x0 = new int[w];
    float[] fx = new float[w];
    zoomAxis(w, z, x0, fx);
    float[] out = new float[h * w];
    for (int y = 0; y < h; y++) {
      int top = y0[y] * w;
      int bottom = Math.min(y0[y] + 1, h - 1) * w;
      for (int x = 0; x < w; x++) {
        int left = x0[x];
        int right = Math.min(left + 1, w - 1);
        float upper = plane[top + left] + fx[x] * (plane[top + right] - plane[top + left]);
        float lower = plane[bottom + left] + fx[x] * (plane[bottom + right] - plane[bottom + left]);
        out[y * w + x] = upper + fy[y] * (lower - upper);
      }
    }
    return out;
  }

  /**
   * For each output index of one axis of {@code n} zoomed by {@code z}: the input cell and the
   * fraction into it.
   */
  private static void zoomAxis(int n, double z, int[] cell, float[] frac) {
    int crop = (int) Math.ceil(n / z);
    int start = (n - crop) / 2;
    int zoomed = (int) Math.round(crop * z);
    int trim = (zoomed - n) / 2;
    double step = zoomed > 1 ? (crop - 1) / (double) (zoomed - 1) : 0;
    for (int i = 0; i < n; i++) {
      double pos = start + (i + trim) * step;
      cell[i] = Math.min(n - 1, (int) Math.floor(pos));
      frac[i] = (float) (pos - cell[i]);
    }
  }
}
