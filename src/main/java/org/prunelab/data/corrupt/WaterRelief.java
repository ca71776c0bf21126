package org.prunelab.data.corrupt;

/**
 * The shading of the water drops of the reference's {@code spatter} (severities 1-3), step by step:
 * the liquid layer rounded to 8 bits; its Canny edges (thresholds 50 and 150 of 255, no
 * pre-smoothing; L2 gradient magnitude where OpenCV uses L1); the distance of every pixel to the
 * nearest edge (OpenCV's 5 x 5 chamfer approximation of the Euclidean distance, {@code DIST_L2,
 * 5}), capped at 20; a 3 x 3 box blur; histogram equalisation; the emboss kernel {@code
 * [[-2,-1,0],[-1,1,1],[0,1,2]]} with 8-bit saturation; another 3 x 3 box blur. The result times the
 * liquid layer, divided by its maximum, is the drop opacity in [0, 1].
 */
final class WaterRelief {

  private static final float[][] BOX = {
    {1 / 9f, 1 / 9f, 1 / 9f}, {1 / 9f, 1 / 9f, 1 / 9f}, {1 / 9f, 1 / 9f, 1 / 9f}
  };
  private static final float[][] EMBOSS = {{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}};

  /** Chamfer weights of OpenCV's 5 x 5 mask for DIST_L2: axial, diagonal, knight's move. */
  private static final float AXIAL = 1f;

  private static final float DIAGONAL = 1.4f;
  private static final float KNIGHT = 2.1969f;
  private static final int[][] FORWARD = {
    {-2, -1}, {-2, 1}, {-1, -2}, {-1, -1}, {-1, 0}, {-1, 1}, {-1, 2}, {0, -1}
  };

  private WaterRelief() {}

  /** The drop opacity of the thresholded liquid layer {@code liquid} ({@code h x w}). */
  static float[] shade(float[] liquid, int h, int w) {
    int n = h * w;
    float[] bytes = new float[n];
    for (int k = 0; k < n; k++) {
      bytes[k] = (float) Math.floor(Math.min(1f, Math.max(0f, liquid[k])) * 255) / 255f;
    }
    float[] edges = Canny.edges(bytes, h, w, 0, 50 / 255.0, 150 / 255.0);
    float[] dist = chamfer(edges, h, w);
    for (int k = 0; k < n; k++) {
      dist[k] = Math.min(dist[k], 20f);
    }
    dist = floor(Filters.correlate(dist, h, w, BOX, Border.MIRROR));
    dist = equalize(dist);
    dist = Filters.correlate(dist, h, w, EMBOSS, Border.MIRROR);
    for (int k = 0; k < n; k++) {
      dist[k] = Math.min(255f, Math.max(0f, Math.round(dist[k])));
    }
    dist = Filters.correlate(dist, h, w, BOX, Border.MIRROR);
    float max = 0;
    float[] m = new float[n];
    for (int k = 0; k < n; k++) {
      m[k] = liquid[k] * dist[k];
      max = Math.max(max, m[k]);
    }
    for (int k = 0; k < n; k++) {
      m[k] = max > 0 ? m[k] / max : 0;
    }
    return m;
  }

  /**
   * Chamfer distance of every pixel to the nearest pixel with {@code edges > 0} (infinite when
   * there is none).
   */
  static float[] chamfer(float[] edges, int h, int w) {
    float[] d = new float[h * w];
    for (int k = 0; k < d.length; k++) {
      d[k] = edges[k] > 0 ? 0 : Float.POSITIVE_INFINITY;
    }
    for (int pass = 0; pass < 2; pass++) {
      int sign = pass == 0 ? 1 : -1;
      for (int i = 0; i < h; i++) {
        int y = pass == 0 ? i : h - 1 - i;
        for (int j = 0; j < w; j++) {
          int x = pass == 0 ? j : w - 1 - j;
          float best = d[y * w + x];
          for (int[] o : FORWARD) {
            int yy = y + sign * o[0];
            int xx = x + sign * o[1];
            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
              best = Math.min(best, d[yy * w + xx] + weight(o));
            }
          }
          d[y * w + x] = best;
        }
      }
    }
    return d;
  }

  private static float weight(int[] o) {
    int a = Math.abs(o[0]) + Math.abs(o[1]);
    return a == 1 ? AXIAL : a == 2 ? DIAGONAL : KNIGHT;
  }

  private static float[] floor(float[] v) {
    for (int k = 0; k < v.length; k++) {
      v[k] = (float) Math.floor(v[k]);
    }
    return v;
  }

  /** OpenCV's {@code equalizeHist} of 8-bit values (held as floats 0..255). */
  static float[] equalize(float[] v) {
    int[] hist = new int[256];
    for (float x : v) {
      hist[(int) x]++;
    }
    int first = 0;
    while (hist[first] == 0) {
      first++;
    }
    float[] out = new float[v.length];
    if (hist[first] == v.length) {
      java.util.Arrays.fill(out, first);
      return out;
    }
    float scale = 255f / (v.length - hist[first]);
    float[] lut = new float[256];
    int sum = 0;
    for (int i = first + 1; i < 256; i++) {
      sum += hist[i];
      lut[i] = Math.min(255, Math.round(sum * scale));
    }
    for (int k = 0; k < v.length; k++) {
      out[k] = lut[(int) v[k]];
    }
    return out;
  }
}
