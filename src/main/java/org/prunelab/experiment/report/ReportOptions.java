package org.prunelab.experiment.report;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.experiment.metrics.ExcessErrors;

/**
 * Settings of an experiment report.
 *
 * @param tolerances the tolerances delta of the prune potential tables, fractions of top-1 error in
 *     [0, 1) (0.005 = half a point), at least one
 * @param resamples bootstrap resamples B of the excess-error slope intervals, >= 1
 * @param seed seed of the bootstrap
 */
public record ReportOptions(List<Double> tolerances, int resamples, long seed) {

  /** Copies the tolerances and checks every value. */
  public ReportOptions {
    tolerances = List.copyOf(tolerances);
    if (tolerances.isEmpty()) {
      throw new InvalidSettingException("a report needs at least one tolerance");
    }
    for (double t : tolerances) {
      if (!(t >= 0 && t < 1)) {
        throw new InvalidSettingException(
            "tolerance must be a fraction of top-1 error in [0, 1) (0.005 = 0.5"
                + " points), got "
                + t);
      }
    }
    if (resamples < 1) {
      throw new InvalidSettingException("resamples must be >= 1, got " + resamples);
    }
  }

  /**
   * {@code tolerance} followed by 1 % and 2 % (each once, in increasing order), B = 1000, seed 0.
   */
  public static ReportOptions standard(double tolerance) {
    List<Double> values = new ArrayList<>(List.of(tolerance));
    for (double t : List.of(0.01, 0.02)) {
      if (Math.abs(t - tolerance) > 1e-12) {
        values.add(t);
      }
    }
    values.sort(Double::compare);
    return new ReportOptions(values, ExcessErrors.DEFAULT_RESAMPLES, 0);
  }
}
