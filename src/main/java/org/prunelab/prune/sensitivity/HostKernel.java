package org.prunelab.prune.sensitivity;

import java.util.stream.IntStream;

/**
 * The fused reduction of {@link HostReducer} over plain arrays. A holds per group g and weight row
 * jk the values of {@code images} images side by side ({@code positions} each); R holds per group
 * first the reciprocals of z+ for its F/G outputs, then those of |z-|. For every output i of group
 * g and weight row jk,
 *
 * <pre>
 *   acc[i, jk] = max(acc[i, jk], max_x red_p A[g, jk, (x, p)] R[g, i (+ F/G for w < 0), (x, p)]),
 * </pre>
 *
 * red = max or mean over the positions p, with acc = plus for a positive weight w[i, jk] and acc =
 * minus for a negative one; a zero weight is skipped. For max, images and positions are one long
 * run. Output channels run in parallel; each writes only its own rows of the accumulators.
 *
 * @param groups G
 * @param outs output channels per group (F / G)
 * @param rows weights per output channel ((C / G) K)
 * @param images images side by side in a row
 * @param positions output positions P per image
 * @param max reduce positions by max (else by mean, summed in float64)
 */
record HostKernel(int groups, int outs, int rows, int images, int positions, boolean max) {

  /** A: (G, rows, images P); R: (G, 2 outs, images P); w, plus, minus: (G outs, rows). */
  void run(float[] a, float[] r, float[] w, float[] plus, float[] minus) {
    int length = images * positions;
    IntStream.range(0, groups * outs)
        .parallel()
        .forEach(
            f -> {
              int g = f / outs;
              int i = f % outs;
              int plusRow = (g * 2 * outs + i) * length;
              int minusRow = plusRow + outs * length;
              for (int jk = 0; jk < rows; jk++) {
                int e = f * rows + jk;
                float weight = w[e];
                if (weight == 0) {
                  continue;
                }
                int aRow = (g * rows + jk) * length;
                int rRow = weight > 0 ? plusRow : minusRow;
                float v =
                    max ? maxProduct(a, aRow, r, rRow, length) : meanProduct(a, aRow, r, rRow);
                float[] acc = weight > 0 ? plus : minus;
                if (v > acc[e]) {
                  acc[e] = v;
                }
              }
            });
  }

  private static float maxProduct(float[] a, int aFrom, float[] r, int rFrom, int length) {
    float m = 0;
    for (int q = 0; q < length; q++) {
      float v = a[aFrom + q] * r[rFrom + q];
      m = v > m ? v : m;
    }
    return m;
  }

  /** The largest per-image mean over positions. */
  private float meanProduct(float[] a, int aFrom, float[] r, int rFrom) {
    float m = 0;
    for (int x = 0; x < images; x++) {
      double sum = 0;
      int offset = x * positions;
      for (int p = 0; p < positions; p++) {
        sum += a[aFrom + offset + p] * r[rFrom + offset + p];
      }
      float mean = (float) (sum / positions);
      m = mean > m ? mean : m;
    }
    return m;
  }
}
