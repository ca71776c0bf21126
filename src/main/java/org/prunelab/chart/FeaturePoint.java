package org.prunelab.chart;

/**
 * One point of an informative-features curve: a method pruned to {@code prunedFraction} of the
 * parameters has a sufficient-input-subset measure ({@link FeatureChart.Measure}) of {@code value}
 * on average over repetitions, with sample standard deviation {@code std}.
 *
 * @param method the method's name (one series per method)
 * @param prunedFraction share of the parameters removed, in [0, 1]
 * @param value the mean measure, a fraction in [0, 1]
 * @param std its sample standard deviation over repetitions, >= 0 (0 for a single run)
 */
public record FeaturePoint(String method, double prunedFraction, double value, double std) {

  /** Checks the name, that the fraction and value are in [0, 1] and the deviation >= 0. */
  public FeaturePoint {
    Inputs.name(method, "method");
    Inputs.fraction(prunedFraction, "prunedFraction of " + method);
    Inputs.fraction(value, "value of " + method);
    Inputs.deviation(std, "std of " + method);
  }
}
