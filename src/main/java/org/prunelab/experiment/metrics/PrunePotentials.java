package org.prunelab.experiment.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.prunelab.results.JobResult;

/**
 * Prune potential (Liebenwein et al., "Lost in Pruning", MLSys 2021): the largest share of the
 * network a method can remove while its top-1 error on a test distribution D stays within a
 * tolerance delta of the unpruned network's error on D. As in the paper it is computed per
 * repetition r first,
 *
 * <pre>  P_r(delta, D) = 1 - min { s_{k,r} : err_{k,r}(D) &lt;= err_unpruned(D) + delta }</pre>
 *
 * where k runs over the tested keep ratios of the method, {@code err_{k,r}(D)} is repetition r's
 * top-1 error on D at ratio k and {@code s_{k,r}} its realised size relative to the original
 * network, in parameters or in FLOPs ({@link SizeBasis}; the papers report parameters); then the
 * mean and the sample standard deviation over the repetitions are reported. Only tested ratios
 * count: nothing is interpolated between them, and a tested ratio that qualifies counts even when a
 * larger one did not. With no qualifying ratio P_r = 0 (the unpruned network itself). The
 * comparison allows {@value #ROUNDING} for floating-point rounding. The point reported beside the
 * potential (keep ratio, top-1) is where the curve of mean errors over the repetitions qualifies
 * with the smallest mean size, for reading the figure.
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
    List<RatioGroup> groups = sweep.groups(method);
    double[] perRepetition = perRepetition(groups, distribution, threshold, basis);
    double mean = mean(perRepetition);
    double std = std(perRepetition, mean);
    RatioGroup best = null;
    double bestSize = Double.POSITIVE_INFINITY;
    for (RatioGroup group : groups) {
      OptionalDouble top1 = group.meanTop1(distribution);
      double size = group.meanSize(basis);
      if (top1.isPresent() && 1 - top1.getAsDouble() <= threshold && size < bestSize) {
        best = group;
        bestSize = size;
      }
    }
    return new Potential(
        method,
        distribution,
        basis,
        tolerance,
        mean,
        std,
        perRepetition.length,
        best == null ? Double.NaN : best.keepRatio(),
        best == null ? Double.NaN : best.meanTop1(distribution).getAsDouble(),
        best == null ? 0 : Math.max(0, Math.min(1, 1 - bestSize)),
        referenceTop1);
  }

  /** P_r for every repetition evaluated on the distribution, in repetition order. */
  private static double[] perRepetition(
      List<RatioGroup> groups, String distribution, double threshold, SizeBasis basis) {
    TreeSet<Integer> repetitions = new TreeSet<>();
    for (RatioGroup group : groups) {
      for (JobResult job : group.jobs()) {
        if (Sweep.top1(job, distribution).isPresent()) {
          repetitions.add(job.key().repetition());
        }
      }
    }
    List<Double> potentials = new ArrayList<>();
    for (int r : repetitions) {
      double smallest = 1;
      for (RatioGroup group : groups) {
        for (JobResult job : group.jobs()) {
          OptionalDouble top1 = Sweep.top1(job, distribution);
          if (job.key().repetition() == r
              && top1.isPresent()
              && 1 - top1.getAsDouble() <= threshold) {
            smallest = Math.min(smallest, basis.ratio(job));
          }
        }
      }
      potentials.add(Math.max(0, Math.min(1, 1 - smallest)));
    }
    return potentials.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  /** Sample standard deviation (n - 1); 0 for fewer than two values. */
  private static double std(double[] values, double mean) {
    if (values.length < 2) {
      return 0;
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
