package org.prunelab.chart;

/**
 * The excess error of one method at one keep ratio on one shifted distribution D', averaged over
 * the repetitions: e = (err(p, D') - err(p, D)) - (err(u, D') - err(u, D)) with p the pruned and u
 * the unpruned network, D the clean test set and err the top-1 error, in percentage points.
 *
 * @param method the method's name (one series per method)
 * @param pruneRatio mean share of the parameters removed, in [0, 1]
 * @param excessError mean excess error in percentage points (negative: the pruned network loses
 *     less under the shift than the unpruned one)
 * @param std sample standard deviation of the excess error over the repetitions, in points, >= 0 (0
 *     for a single run)
 */
public record MethodExcessPoint(String method, double pruneRatio, double excessError, double std) {

  /** Checks the name, that the ratio is a fraction, the error finite and the deviation >= 0. */
  public MethodExcessPoint {
    Inputs.name(method, "method");
    Inputs.fraction(pruneRatio, "pruneRatio of " + method);
    Inputs.finite(excessError, "excessError of " + method);
    Inputs.deviation(std, "std of " + method);
  }
}
