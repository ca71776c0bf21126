package org.prunelab.prune.allocate;

import java.util.Arrays;
import java.util.List;

/**
 * Each unit's importance scores, normalised to sum 1 (p_j = s_j / sum_j s_j; uniform when all are
 * zero) or raw, sorted in descending order: the common currency of the global threshold and of the
 * top-up step.
 */
final class RankedUnits {
  private final double[][] sortedShares;

  RankedUnits(List<AllocationUnit> units) {
    this(units, true);
  }

  RankedUnits(List<AllocationUnit> units, boolean normalised) {
    sortedShares = new double[units.size()][];
    for (int u = 0; u < units.size(); u++) {
      float[] importance = units.get(u).importance();
      double sum = 0;
      for (float v : importance) {
        sum += Math.abs(v);
      }
      double[] shares = new double[importance.length];
      for (int j = 0; j < shares.length; j++) {
        if (normalised) {
          shares[j] = sum > 0 ? Math.abs(importance[j]) / sum : 1.0 / shares.length;
        } else {
          shares[j] = Math.abs(importance[j]);
        }
      }
      Arrays.sort(shares);
      reverse(shares);
      sortedShares[u] = shares;
    }
  }

  /** Share of the unit's (kept+1)-th most important element, or 0 when the unit is whole. */
  double nextShare(int unit, int kept) {
    double[] shares = sortedShares[unit];
    return kept < shares.length ? shares[kept] : 0;
  }

  /** Number of elements of the unit whose share is at least the threshold (at least 1). */
  int countAtLeast(int unit, double threshold) {
    double[] shares = sortedShares[unit];
    int lo = 0;
    int hi = shares.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (shares[mid] >= threshold) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Math.max(1, lo);
  }

  /** All shares of all units, descending. */
  double[] allSharesDescending() {
    double[] all = Arrays.stream(sortedShares).flatMapToDouble(Arrays::stream).sorted().toArray();
    reverse(all);
    return all;
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
