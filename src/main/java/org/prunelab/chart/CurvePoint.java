package org.prunelab.chart;

/**
 * One point of an accuracy-change curve: a method pruned to {@code prunedFraction} of the
 * parameters (or FLOPs) changes top-1 accuracy by {@code accuracyChange} percentage points on
 * average over repetitions, with standard deviation {@code std}.
 *
 * @param method the method's name (one series per method)
 * @param prunedFraction share of the parameters or FLOPs removed, in [0, 1]
 * @param accuracyChange mean change of top-1 accuracy in percentage points (negative: worse than
 *     unpruned)
 * @param std standard deviation of that change over repetitions, in points, >= 0 (0 for a single
 *     run)
 */
public record CurvePoint(String method, double prunedFraction, double accuracyChange, double std) {

  /**
   * Checks the name, that the fraction is in [0, 1], the change finite and the deviation finite and
   * >= 0.
   */
  public CurvePoint {
    Inputs.name(method, "method");
    Inputs.fraction(prunedFraction, "prunedFraction of " + method);
    Inputs.finite(accuracyChange, "accuracyChange of " + method);
    if (!(Inputs.finite(std, "std of " + method) >= 0)) {
      throw new ChartException("std of " + method + " must be >= 0, got " + std);
    }
  }
}
