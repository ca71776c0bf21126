package org.prunelab.experiment.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.prunelab.chart.AgreementPoint;
import org.prunelab.chart.CurvePoint;
import org.prunelab.chart.ExcessErrorPoint;
import org.prunelab.chart.FeatureChart;
import org.prunelab.chart.FeaturePoint;
import org.prunelab.chart.LayerKeep;
import org.prunelab.chart.MethodExcessPoint;
import org.prunelab.chart.ParetoPoint;
import org.prunelab.chart.PrunePotential;
import org.prunelab.experiment.metrics.ExcessError;
import org.prunelab.experiment.metrics.ExcessErrors;
import org.prunelab.experiment.metrics.MetricsException;
import org.prunelab.experiment.metrics.PrunePotentials;
import org.prunelab.experiment.metrics.RatioGroup;
import org.prunelab.experiment.metrics.SizeBasis;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.SimilarityMetric;

/**
 * The inputs of each chart builder (package {@code chart}) from the jobs of one experiment:
 * repetitions averaged per method and keep ratio, accuracies compared with the unpruned reference
 * job, fractions as the records expect (the charts turn them into percent).
 */
public final class FigureInputs {
  /**
   * Relative tolerance when a keep ratio given by hand selects a tested one (0.1516 selects
   * 0.15157...).
   */
  static final double KEEP_MATCH = 5e-4;

  private FigureInputs() {}

  /**
   * Accuracy change against pruned share, one point per method and keep ratio: pruned fraction
   * {@code 1 - mean size}, change {@code 100 (mean top1 - top1_unpruned)} and the standard
   * deviation of the repetitions' top-1, in points, on {@code distribution}.
   */
  public static List<CurvePoint> accuracyCurve(Sweep sweep, String distribution, SizeBasis basis) {
    double reference = sweep.referenceTop1(distribution);
    List<CurvePoint> points = new ArrayList<>();
    for (String method : sweep.methods()) {
      for (RatioGroup g : sweep.groups(method)) {
        OptionalDouble top1 = g.meanTop1(distribution);
        if (top1.isPresent()) {
          points.add(
              new CurvePoint(
                  method,
                  clamp(1 - g.meanSize(basis)),
                  100 * (top1.getAsDouble() - reference),
                  100 * g.stdTop1(distribution)));
        }
      }
    }
    return nonEmpty(points, "accuracy on " + distribution);
  }

  /**
   * Every network as a point (kept FLOPs, top-1 in percent) on {@code distribution}: each pruned
   * job, and the unpruned reference under its own name {@value Sweep#REFERENCE}.
   */
  public static List<ParetoPoint> pareto(Sweep sweep, String distribution) {
    List<ParetoPoint> points = new ArrayList<>();
    points.add(
        new ParetoPoint(
            Sweep.REFERENCE,
            clamp(sweep.reference().flopRatio()),
            100 * sweep.referenceTop1(distribution)));
    for (JobResult job : sweep.pruned()) {
      OptionalDouble top1 = Sweep.top1(job, distribution);
      if (top1.isPresent()) {
        points.add(
            new ParetoPoint(job.key().method(), clamp(job.flopRatio()), 100 * top1.getAsDouble()));
      }
    }
    return points;
  }

  /**
   * Prune potential in parameters at {@code tolerance} per method: clean, and corrupted on {@code
   * shifted}, or when that is null the mean of the potentials over every shifted distribution of
   * the experiment (NaN, not measured, when the experiment has none), or for {@link
   * ExcessErrors#AVERAGED} the mean over the corruptions at severity 3.
   */
  public static List<PrunePotential> prunePotential(Sweep sweep, double tolerance, String shifted) {
    List<String> targets =
        shifted == null && sweep.shiftedDistributions().isEmpty()
            ? List.of()
            : targets(sweep, shifted);
    List<PrunePotential> potentials = new ArrayList<>();
    for (String method : sweep.methods()) {
      double clean =
          PrunePotentials.of(sweep, method, Sweep.CLEAN, tolerance, SizeBasis.PARAMS).potential();
      double corrupted =
          targets.stream()
              .mapToDouble(
                  d ->
                      PrunePotentials.of(sweep, method, d, tolerance, SizeBasis.PARAMS).potential())
              .average()
              .orElse(Double.NaN);
      potentials.add(new PrunePotential(method, clean, corrupted));
    }
    return potentials;
  }

  /**
   * Excess error of {@code method} in points, one series per shifted distribution ({@code shifted},
   * or all when null), one point per keep ratio: mean prune ratio and mean excess error of its
   * repetitions.
   */
  public static List<ExcessErrorPoint> excessError(Sweep sweep, String method, String shifted) {
    List<ExcessErrorPoint> points = new ArrayList<>();
    for (String d : targets(sweep, shifted)) {
      List<ExcessError> errors = ExcessErrors.of(sweep, method, d);
      for (RatioGroup g : sweep.groups(method)) {
        List<ExcessError> at = errors.stream().filter(e -> e.keepRatio() == g.keepRatio()).toList();
        if (!at.isEmpty()) {
          points.add(
              new ExcessErrorPoint(
                  d,
                  clamp(at.stream().mapToDouble(ExcessError::pruneRatio).average().orElseThrow()),
                  100 * at.stream().mapToDouble(ExcessError::excess).average().orElseThrow()));
        }
      }
    }
    return nonEmpty(points, "excess error of " + method);
  }

  /**
   * Excess error on {@code shifted} (or, for {@link ExcessErrors#AVERAGED}, averaged per job over
   * the corruptions at severity 3 as "Lost in Pruning" defines it) of every method, one point per
   * method and keep ratio: over the repetitions evaluated on both the clean set D and D' = {@code
   * shifted}, the mean prune ratio 1 - realised parameter ratio, the mean excess error e = (err(p,
   * D') - err(p, D)) - (err(u, D') - err(u, D)) in points (p the pruned job, u the unpruned
   * reference) and its sample standard deviation in points (0 for one repetition).
   */
  public static List<MethodExcessPoint> excessErrorByMethod(Sweep sweep, String shifted) {
    targets(sweep, Objects.requireNonNull(shifted, "shifted"));
    List<MethodExcessPoint> points = new ArrayList<>();
    for (String method : sweep.methods()) {
      List<ExcessError> errors =
          ExcessErrors.AVERAGED.equals(shifted)
              ? ExcessErrors.averaged(sweep, method)
              : ExcessErrors.of(sweep, method, shifted);
      for (RatioGroup g : sweep.groups(method)) {
        List<ExcessError> at = errors.stream().filter(e -> e.keepRatio() == g.keepRatio()).toList();
        if (!at.isEmpty()) {
          double[] excess = at.stream().mapToDouble(e -> 100 * e.excess()).toArray();
          points.add(
              new MethodExcessPoint(
                  method,
                  clamp(at.stream().mapToDouble(ExcessError::pruneRatio).average().orElseThrow()),
                  Arrays.stream(excess).average().orElseThrow(),
                  std(excess)));
        }
      }
    }
    return nonEmpty(points, "excess error on " + shifted);
  }

  /**
   * Top-1 agreement with the unpruned network against input noise of every method pruned to {@code
   * keepRatio}, from the experiment's functional {@code similarity} (by job, as the results store
   * records it): one point per method and recorded eps, the mean agreement over the repetitions
   * that recorded that eps and its sample standard deviation (0 for one repetition). The keep ratio
   * matches the nearest tested one within a relative {@value #KEEP_MATCH}; methods that did not
   * test it are left out.
   */
  public static List<AgreementPoint> agreement(
      Sweep sweep, Map<JobKey, List<SimilarityMetric>> similarity, double keepRatio) {
    if (similarity.isEmpty()) {
      throw new MetricsException(
          "the store holds no functional similarity for this experiment; the sweep runner"
              + " records it with every job (at eps 0 and the test's noise levels), so run the"
              + " experiment with prunelab experiment run");
    }
    List<AgreementPoint> points = new ArrayList<>();
    boolean tested = false;
    for (String method : sweep.methods()) {
      Optional<RatioGroup> group =
          sweep.groups(method).stream()
              .filter(g -> Math.abs(g.keepRatio() - keepRatio) <= KEEP_MATCH * keepRatio)
              .min(Comparator.comparingDouble(g -> Math.abs(g.keepRatio() - keepRatio)));
      if (group.isEmpty()) {
        continue;
      }
      tested = true;
      Map<Double, List<Double>> byEps = new TreeMap<>();
      for (JobResult job : group.get().jobs()) {
        for (SimilarityMetric m : similarity.getOrDefault(job.key(), List.of())) {
          byEps.computeIfAbsent(m.eps(), e -> new ArrayList<>()).add(m.agreement());
        }
      }
      byEps.forEach(
          (eps, agreements) -> {
            double[] values = agreements.stream().mapToDouble(Double::doubleValue).toArray();
            points.add(
                new AgreementPoint(
                    method, eps, Arrays.stream(values).average().orElseThrow(), std(values)));
          });
    }
    if (!tested) {
      throw new MetricsException(
          "no method was tested at keep ratio "
              + keepRatio
              + "; pick one of "
              + sweep.pruned().stream()
                  .map(j -> j.key().keepRatio())
                  .distinct()
                  .sorted(Comparator.reverseOrder())
                  .map(k -> String.format(Locale.ROOT, "%.4g", k))
                  .toList());
    }
    return nonEmpty(points, "agreement at keep ratio " + keepRatio);
  }

  /**
   * One informative-features measure against pruned parameters, one point per method and keep
   * ratio: pruned fraction {@code 1 - mean size}, the mean of {@code measure} over the repetitions
   * that have it defined (an SIS-based mean is undefined for a job whose network was below the
   * threshold on every probe image) and its sample standard deviation, from the experiment's {@code
   * features} (by job, as the results store records them).
   */
  public static List<FeaturePoint> features(
      Sweep sweep, Map<JobKey, FeatureMetric> features, FeatureChart.Measure measure) {
    if (features.isEmpty()) {
      throw new MetricsException(
          "the store holds no informative features for this experiment; add"
              + " features: {images: 20} to its spec and run it with prunelab experiment run");
    }
    List<FeaturePoint> points = new ArrayList<>();
    for (String method : sweep.methods()) {
      for (RatioGroup g : sweep.groups(method)) {
        double[] values =
            g.jobs().stream()
                .map(j -> features.get(j.key()))
                .filter(Objects::nonNull)
                .mapToDouble(m -> value(m, measure))
                .filter(v -> !Double.isNaN(v))
                .toArray();
        if (values.length > 0) {
          points.add(
              new FeaturePoint(
                  method,
                  clamp(1 - g.meanSize(SizeBasis.PARAMS)),
                  Arrays.stream(values).average().orElseThrow(),
                  std(values)));
        }
      }
    }
    return nonEmpty(points, "informative features (" + measure.cliName() + ")");
  }

  private static double value(FeatureMetric m, FeatureChart.Measure measure) {
    return switch (measure) {
      case OVERLAP -> m.overlap();
      case SIZE -> m.sisFraction();
      case UNPRUNED_ON_PRUNED -> m.referenceOnCandidate();
      case PRUNED_ON_UNPRUNED -> m.candidateOnReference();
    };
  }

  /** Sample standard deviation (divides by n - 1); 0 for fewer than two values. */
  private static double std(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }

  /**
   * Kept share per unit (channel group or layer) of repetition 0 of each of {@code methods} at
   * {@code keepRatio}: the job's kept units over the unpruned reference's units of the same name.
   * The keep ratio matches the nearest tested one within a relative {@value #KEEP_MATCH}, so the
   * four significant digits the report prints select it.
   */
  public static List<LayerKeep> allocation(Sweep sweep, List<String> methods, double keepRatio) {
    Map<String, Integer> full = sweep.reference().keptPerUnit();
    if (full.isEmpty()) {
      throw new MetricsException(
          "the unpruned reference job records no units per layer, so kept fractions are"
              + " unknown; re-run the reference job with a runner that records keptPerUnit");
    }
    List<LayerKeep> keeps = new ArrayList<>();
    for (String method : methods) {
      RatioGroup group =
          sweep.groups(method).stream()
              .filter(g -> Math.abs(g.keepRatio() - keepRatio) <= KEEP_MATCH * keepRatio)
              .min(Comparator.comparingDouble(g -> Math.abs(g.keepRatio() - keepRatio)))
              .orElseThrow(
                  () ->
                      new MetricsException(
                          method
                              + " has no jobs at keep ratio "
                              + keepRatio
                              + "; its keep ratios are "
                              + sweep.groups(method).stream()
                                  .map(g -> String.format(Locale.ROOT, "%.4g", g.keepRatio()))
                                  .toList()));
      JobResult job =
          group.jobs().stream()
              .min((a, b) -> Integer.compare(a.key().repetition(), b.key().repetition()))
              .orElseThrow();
      job.keptPerUnit()
          .forEach(
              (unit, kept) -> {
                Integer total = full.get(unit);
                if (total == null || total == 0) {
                  throw new MetricsException(
                      "unit "
                          + unit
                          + " of "
                          + method
                          + " is not in the unpruned reference's units "
                          + full.keySet()
                          + "; the jobs and the reference must come from the same network");
                }
                keeps.add(new LayerKeep(method, unit, Math.min(1, (double) kept / total)));
              });
    }
    return nonEmpty(keeps, "allocation");
  }

  private static List<String> targets(Sweep sweep, String shifted) {
    if (ExcessErrors.AVERAGED.equals(shifted)) {
      List<String> corruptions = ExcessErrors.paperCorruptions(sweep);
      if (corruptions.isEmpty()) {
        throw new MetricsException(
            "the experiment tested no corruption at severity "
                + ExcessErrors.PAPER_SEVERITY
                + "; choose one of "
                + sweep.shiftedDistributions());
      }
      return corruptions;
    }
    if (shifted != null) {
      sweep.referenceTop1(shifted);
      if (shifted.equals(Sweep.CLEAN)) {
        throw new MetricsException(
            "this figure compares '"
                + Sweep.CLEAN
                + "' with a corruption; pass"
                + " --distribution with one of "
                + sweep.shiftedDistributions());
      }
      return List.of(shifted);
    }
    if (sweep.shiftedDistributions().isEmpty()) {
      throw new MetricsException(
          "the experiment measured only the clean test set; this figure needs a corrupted"
              + " one (test: corruptions: [...] in the spec)");
    }
    return sweep.shiftedDistributions();
  }

  private static double clamp(double fraction) {
    return Math.max(0, Math.min(1, fraction));
  }

  private static <T> List<T> nonEmpty(List<T> points, String what) {
    if (points.isEmpty()) {
      throw new MetricsException(
          "no finished job has a value for "
              + what
              + "; wait for the sweep or pick another"
              + " distribution");
    }
    return points;
  }
}
