package org.prunelab.experiment.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.prunelab.results.JobResult;

/**
 * Excess error ("Lost in Pruning", Liebenwein et al. 2021): how much more a pruned network p loses
 * under a distribution shift than the unpruned network u does, per job,
 *
 * <pre>  e = (err(p, D') - err(p, D)) - (err(u, D') - err(u, D))</pre>
 *
 * with D the clean test set, D' a shifted one (a corruption at a severity) and err the top-1 error.
 * As the paper defines it ({@link #averaged}), e of a job is averaged over the test corruptions at
 * severity {@value #PAPER_SEVERITY} and its trend with pruning is the least-squares slope through
 * the origin of e against the prune ratio x = 1 - realised parameter ratio ({@link
 * #slopeThroughOrigin}: an unpruned network has no excess error); per corruption ({@link #of}) the
 * trend is the slope with an intercept ({@link #slope}). Both come with a percentile bootstrap
 * interval over resampled jobs ({@link BootstrapSlope}).
 */
public final class ExcessErrors {
  /** Bootstrap resamples B used by default. */
  public static final int DEFAULT_RESAMPLES = 1000;

  /** The corruption severity "Lost in Pruning" averages its excess error over. */
  public static final int PAPER_SEVERITY = 3;

  /** The distribution label of the averaged excess error. */
  public static final String AVERAGED = "corruptions at severity " + PAPER_SEVERITY + " (mean)";

  private ExcessErrors() {}

  /**
   * The shifted distributions the paper's excess error averages over: the corruptions at severity
   * {@value #PAPER_SEVERITY} ("fog/3"; uniform-noise sets "noise/eps" are not corruptions).
   */
  public static List<String> paperCorruptions(Sweep sweep) {
    return sweep.shiftedDistributions().stream()
        .filter(d -> d.endsWith("/" + PAPER_SEVERITY) && !d.startsWith("noise/"))
        .toList();
  }

  /**
   * e of every pruned job of {@code method} averaged over {@link #paperCorruptions}, labelled
   * {@link #AVERAGED}; jobs not evaluated on clean and every one of them are left out, and there is
   * none when the sweep tested no corruption at that severity.
   */
  public static List<ExcessError> averaged(Sweep sweep, String method) {
    List<String> corruptions = paperCorruptions(sweep);
    Map<JobPoint, List<ExcessError>> byJob = new LinkedHashMap<>();
    for (String d : corruptions) {
      for (ExcessError e : of(sweep, method, d)) {
        byJob
            .computeIfAbsent(new JobPoint(e.keepRatio(), e.repetition()), k -> new ArrayList<>())
            .add(e);
      }
    }
    List<ExcessError> averaged = new ArrayList<>();
    for (List<ExcessError> job : byJob.values()) {
      if (job.size() == corruptions.size()) {
        ExcessError first = job.get(0);
        averaged.add(
            new ExcessError(
                method,
                first.keepRatio(),
                first.repetition(),
                AVERAGED,
                first.pruneRatio(),
                job.stream().mapToDouble(ExcessError::excess).average().orElseThrow()));
      }
    }
    return averaged;
  }

  /** A pruned job of one method: its keep ratio and repetition. */
  private record JobPoint(double keepRatio, int repetition) {}

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
   * The least-squares slope through the origin of e against prune ratio over {@code errors} (the
   * paper's fit), with a 95 % percentile bootstrap interval from {@code resamples} resamples of the
   * jobs drawn with {@code seed}.
   */
  public static SlopeInterval slopeThroughOrigin(
      List<ExcessError> errors, int resamples, long seed) {
    return BootstrapSlope.throughOrigin(pruneRatios(errors), excesses(errors), resamples, seed);
  }

  /**
   * The least-squares slope with intercept of e against prune ratio over {@code errors}, with a 95
   * % percentile bootstrap interval from {@code resamples} resamples of the jobs drawn with {@code
   * seed}.
   */
  public static SlopeInterval slope(List<ExcessError> errors, int resamples, long seed) {
    return BootstrapSlope.interval(pruneRatios(errors), excesses(errors), resamples, seed);
  }

  private static double[] pruneRatios(List<ExcessError> errors) {
    return errors.stream().mapToDouble(ExcessError::pruneRatio).toArray();
  }

  private static double[] excesses(List<ExcessError> errors) {
    return errors.stream().mapToDouble(ExcessError::excess).toArray();
  }
}
