package org.prunelab.chart;

/**
 * One point of a group's error curve eps_l(r) = ||z - z_hat|| / ||z||: the relative error of the
 * layer's output on the sample set when only this group is pruned to keep ratio r.
 *
 * @param group the prunable group's name (one series per group)
 * @param keepRatio r, in [0, 1]
 * @param relativeError eps_l(r), finite and >= 0
 */
public record ErrorCurvePoint(String group, double keepRatio, double relativeError) {

  /** Checks the name, that r is a fraction and the error finite and >= 0. */
  public ErrorCurvePoint {
    Inputs.name(group, "group");
    Inputs.fraction(keepRatio, "keepRatio of group " + group);
    if (!(Inputs.finite(relativeError, "relativeError of group " + group) >= 0)) {
      throw new ChartException(
          "relativeError of group " + group + " must be >= 0, got " + relativeError);
    }
  }
}
