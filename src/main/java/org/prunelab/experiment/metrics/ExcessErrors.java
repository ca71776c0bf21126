package org.prunelab.experiment.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.prunelab.results.JobResult;

/**
 * Excess error ("Lost in Pruning", Liebenwein et al. 2021): how much more a pruned network p loses
 * under a distribution shift than the unpruned network u does, per job,
 *
 * <pre>  e = (err(p, D') - err(p, D)) - (err(u, D') - err(u, D))</pre>
 *
 * with D the clean test set, D' a shifted one (a corruption at a severity) and err the top-1 error.
 * Its trend with pruning is the least-squares slope of e against the prune ratio 1 - realised
 * parameter ratio over the jobs of one method, with a percentile bootstrap interval over resampled
 * jobs ({@link BootstrapSlope}).
 */
public final class ExcessErrors {
  /** Bootstrap resamples B used by default. */
  public static final int DEFAULT_RESAMPLES = 1000;

  private ExcessErrors() {}

  /**
   * e of every pruned job of {@code method} on {@code shifted}, in store order; jobs not evaluated
   * on both {@value Sweep#CLEAN} and {@code shifted} are left out.
   */
  public static List<ExcessError> of(Sweep sweep, String method, String shifted) {
    if (shifted.equals(Sweep.CLEAN)) {
      throw new MetricsException(
          "excess error compares a shifted test distribution with '"
              + Sweep.CLEAN
              + "'; name a corruption such as fog/3, one of "
              + sweep.shiftedDistributions());
    }
    double referenceGap = sweep.referenceTop1(Sweep.CLEAN) - sweep.referenceTop1(shifted);
    List<ExcessError> errors = new ArrayList<>();
    for (JobResult job : sweep.jobs(method)) {
      OptionalDouble clean = Sweep.top1(job, Sweep.CLEAN);
      OptionalDouble moved = Sweep.top1(job, shifted);
      if (clean.isPresent() && moved.isPresent()) {
        double gap = clean.getAsDouble() - moved.getAsDouble();
        errors.add(
            new ExcessError(
                method,
                job.key().keepRatio(),
                job.key().repetition(),
                shifted,
                1 - job.paramRatio(),
                gap - referenceGap));
      }
    }
    return errors;
  }

  /**
   * The least-squares slope of e against prune ratio over {@code errors}, with a 95 % percentile
   * bootstrap interval from {@code resamples} resamples of the jobs drawn with {@code seed}.
   */
  public static SlopeInterval slope(List<ExcessError> errors, int resamples, long seed) {
    double[] x = errors.stream().mapToDouble(ExcessError::pruneRatio).toArray();
    double[] y = errors.stream().mapToDouble(ExcessError::excess).toArray();
    return BootstrapSlope.interval(x, y, resamples, seed);
  }
}
