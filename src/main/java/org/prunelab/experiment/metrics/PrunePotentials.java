package org.prunelab.experiment.metrics;

import java.util.OptionalDouble;

/**
 * Prune potential (Liebenwein et al., "Lost in Pruning", MLSys 2021): the largest share of the
 * network a method can remove while its top-1 error on a test distribution D stays within a
 * tolerance delta of the unpruned network's error on D,
 *
 * <pre>  P(delta, D) = 1 - min { s_k : err_k(D) &lt;= err_unpruned(D) + delta }</pre>
 *
 * where k runs over the tested keep ratios of the method, {@code err_k(D)} is the mean top-1 error
 * of its repetitions evaluated on D and {@code s_k} the mean realised size over all its
 * repetitions, relative to the original network, in parameters or in FLOPs ({@link SizeBasis}; the
 * papers report parameters). Only tested ratios count: nothing is interpolated between them, and a
 * tested ratio that qualifies counts even when a larger one did not (the minimum runs over all
 * qualifying ratios). With no qualifying ratio P = 0 (the unpruned network itself). The comparison
 * allows {@value #ROUNDING} for floating-point rounding.
 */
public final class PrunePotentials {
  /** The default tolerance delta, half a percentage point of top-1 error. */
  public static final double DEFAULT_TOLERANCE = 0.005;

  /**
   * Slack of the comparison {@code err_k <= err_unpruned + delta}, for rounding of stored
   * accuracies.
   */
  public static final double ROUNDING = 1e-12;

  private PrunePotentials() {}

  /**
   * P(delta, D) of {@code method} in {@code sweep} on {@code distribution} with sizes in {@code
   * basis}.
   */
  public static Potential of(
      Sweep sweep, String method, String distribution, double tolerance, SizeBasis basis) {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new MetricsException(
          "the tolerance is a fraction of top-1 error in [0, 1) (0.005 = 0.5 points), got "
              + tolerance);
    }
    double referenceTop1 = sweep.referenceTop1(distribution);
    double threshold = (1 - referenceTop1) + tolerance + ROUNDING;
    RatioGroup best = null;
    double bestSize = Double.POSITIVE_INFINITY;
    for (RatioGroup group : sweep.groups(method)) {
      OptionalDouble top1 = group.meanTop1(distribution);
      double size = group.meanSize(basis);
      if (top1.isPresent() && 1 - top1.getAsDouble() <= threshold && size < bestSize) {
        best = group;
        bestSize = size;
      }
    }
    if (best == null) {
      return new Potential(
          method, distribution, basis, tolerance, 0, Double.NaN, Double.NaN, referenceTop1);
    }
    double potential = Math.max(0, Math.min(1, 1 - bestSize));
    return new Potential(
        method,
        distribution,
        basis,
        tolerance,
        potential,
        best.keepRatio(),
        best.meanTop1(distribution).getAsDouble(),
        referenceTop1);
  }
}
