package org.prunelab.experiment.report;

import java.util.List;
import org.prunelab.experiment.metrics.ExcessError;
import org.prunelab.experiment.metrics.ExcessErrors;
import org.prunelab.experiment.metrics.SlopeInterval;
import org.prunelab.experiment.metrics.Sweep;

/**
 * Excess error of one method on one shifted distribution (or averaged over the paper's
 * corruptions), as the report's table row: at the method's highest prune ratio (its smallest keep
 * ratio) the mean prune ratio and mean excess error of the repetitions, and the slope of excess
 * error against prune ratio over all its jobs with its bootstrap interval (with an intercept per
 * corruption, through the origin for the paper's average).
 *
 * @param method the pruning method
 * @param distribution the shifted test distribution
 * @param highestPruneRatio mean 1 - realised parameter ratio at the smallest keep ratio
 * @param excessAtHighest mean excess error there (fraction of error)
 * @param slope the slope and its interval; null when the jobs cover fewer than two prune ratios
 *     (with an intercept) or none above zero (through the origin)
 * @param jobs the number of jobs with an excess error
 */
public record ExcessSummary(
    String method,
    String distribution,
    double highestPruneRatio,
    double excessAtHighest,
    SlopeInterval slope,
    int jobs) {

  /**
   * The summary of {@code method} on {@code distribution}; null when no job was evaluated on both
   * distributions.
   */
  public static ExcessSummary of(
      Sweep sweep, String method, String distribution, int resamples, long seed) {
    List<ExcessError> errors = ExcessErrors.of(sweep, method, distribution);
    long ratios = errors.stream().mapToDouble(ExcessError::pruneRatio).distinct().count();
    return summary(
        method,
        distribution,
        errors,
        ratios >= 2 ? ExcessErrors.slope(errors, resamples, seed) : null);
  }

  /**
   * The paper's summary of {@code method}: excess error averaged over the corruptions at severity 3
   * ({@link ExcessErrors#averaged}) and its slope through the origin; null when no job was
   * evaluated on clean and all of them.
   */
  public static ExcessSummary averaged(Sweep sweep, String method, int resamples, long seed) {
    List<ExcessError> errors = ExcessErrors.averaged(sweep, method);
    boolean pruned = errors.stream().anyMatch(e -> e.pruneRatio() > 0);
    return summary(
        method,
        ExcessErrors.AVERAGED,
        errors,
        pruned ? ExcessErrors.slopeThroughOrigin(errors, resamples, seed) : null);
  }

  private static ExcessSummary summary(
      String method, String distribution, List<ExcessError> errors, SlopeInterval slope) {
    if (errors.isEmpty()) {
      return null;
    }
    double smallestKeep = errors.stream().mapToDouble(ExcessError::keepRatio).min().orElseThrow();
    List<ExcessError> highest = errors.stream().filter(e -> e.keepRatio() == smallestKeep).toList();
    return new ExcessSummary(
        method,
        distribution,
        highest.stream().mapToDouble(ExcessError::pruneRatio).average().orElseThrow(),
        highest.stream().mapToDouble(ExcessError::excess).average().orElseThrow(),
        slope,
        errors.size());
  }
}
