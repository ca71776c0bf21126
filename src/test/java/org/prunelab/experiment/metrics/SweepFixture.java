package org.prunelab.experiment.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.ResultsStore;

/**
 * A made-up sweep whose metrics are worked out by hand: methods pfp and ft, keep ratios 0.8, 0.6,
 * 0.4, 0.2, two repetitions, mode "retrain", and the unpruned reference (clean 0.90, fog/3 0.70,
 * gaussian_noise/3 0.60 top-1).
 *
 * <p>Sizes: realised params = keep x 10,000 exactly, FLOPs = keep^2 x 100,000. Clean top-1 = 0.90 -
 * drop(k) +- 0.001 (repetition 0 above, 1 below), drop: pfp 0, 0.004, 0.012, 0.05 and ft 0.003,
 * 0.008, 0.03, 0.10 at keep 0.8 .. 0.2. Shifted top-1 = clean top-1 - (reference gap: fog 0.2,
 * noise 0.3) - e, so the excess error of each job is exactly e, with x = 1 - keep: pfp fog e = 0.1
 * x (collinear); pfp noise e = y(x) +- 0.005 with y = 0.01, 0.03, 0.02, 0.06 at x = 0.2 .. 0.8
 * (slope 0.07 by hand); ft fog e = -0.05 x; ft noise e = 0.03 x +- 0.002.
 */
public final class SweepFixture {
  public static final String SPEC = "5e1f00d";
  public static final String NAME = "fixture-sweep";
  public static final String MODE = "retrain";
  public static final List<Double> KEEPS = List.of(0.8, 0.6, 0.4, 0.2);
  public static final Map<String, Integer> FULL_UNITS = units(1.0);

  private SweepFixture() {}

  /** Every job of the sweep, reference first. */
  public static List<JobResult> jobs() {
    List<JobResult> jobs = new ArrayList<>();
    jobs.add(job(key("unpruned", 1.0, 0), 10_000, 100_000, FULL_UNITS, 0.90, 0.70, 0.60));
    double[] pfpDrop = {0, 0.004, 0.012, 0.05};
    double[] ftDrop = {0.003, 0.008, 0.03, 0.10};
    double[] noiseY = {0.01, 0.03, 0.02, 0.06};
    for (int i = 0; i < KEEPS.size(); i++) {
      double keep = KEEPS.get(i);
      double x = 1 - keep;
      for (int rep = 0; rep < 2; rep++) {
        double sign = rep == 0 ? 1 : -1;
        double pfpClean = 0.90 - pfpDrop[i] + 0.001 * sign;
        jobs.add(
            job(
                key("pfp", keep, rep),
                size(10_000, keep),
                size(100_000, keep * keep),
                units(keep),
                pfpClean,
                pfpClean - 0.2 - 0.1 * x,
                pfpClean - 0.3 - (noiseY[i] + 0.005 * sign)));
        double ftClean = 0.90 - ftDrop[i] + 0.001 * sign;
        jobs.add(
            job(
                key("ft", keep, rep),
                size(10_000, keep),
                size(100_000, keep * keep),
                units(keep),
                ftClean,
                ftClean - 0.2 + 0.05 * x,
                ftClean - 0.3 - (0.03 * x + 0.002 * sign)));
      }
    }
    return jobs;
  }

  /** The fixture's sweep, as {@link Sweep#of} builds it from the jobs. */
  public static Sweep sweep() {
    return Sweep.of(jobs(), null);
  }

  /** The experiment record of the fixture. */
  public static ExperimentRecord experiment() {
    return new ExperimentRecord(
        SPEC,
        NAME,
        "name: fixture-sweep\nmethods: [pfp, ft]\n",
        Instant.ofEpochMilli(1_700_000_000_000L));
  }

  /** Writes the fixture into a new SQLite store at {@code file}. */
  public static void write(Path file) {
    try (ResultsStore store = ResultsStore.open(file)) {
      store.recordExperiment(experiment());
      jobs().forEach(j -> store.record(j, List.of(), Optional.of(features(j.key()))));
    }
  }

  /**
   * The informative features the written store holds for a job: 10 probe images, all with an SIS, 5
   * % of the image each, overlap and both confidences equal to the keep ratio.
   */
  public static FeatureMetric features(JobKey key) {
    double k = key.keepRatio();
    return new FeatureMetric(10, 10, 0.9, 2, 0.05, k, k, k);
  }

  static JobKey key(String method, double keep, int repetition) {
    return new JobKey(SPEC, "lenet5", method, keep, repetition, MODE);
  }

  private static long size(long full, double ratio) {
    return Math.round(full * ratio);
  }

  static Map<String, Integer> units(double keep) {
    Map<String, Integer> units = new LinkedHashMap<>();
    units.put("conv1", (int) Math.round(6 * keep));
    units.put("conv2", (int) Math.round(16 * keep));
    units.put("fc1", (int) Math.round(120 * keep));
    return units;
  }

  static JobResult job(
      JobKey key,
      long params,
      long flops,
      Map<String, Integer> units,
      double clean,
      double fog,
      double noise) {
    return new JobResult(
        key,
        params,
        flops,
        10_000,
        100_000,
        units,
        List.of(
            new DistributionMetric("clean", clean, 0.99, 0.3),
            new DistributionMetric("fog/3", fog, 0.9, 0.9),
            new DistributionMetric("gaussian_noise/3", noise, 0.8, 1.2)),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Map.of("prunelab", "test"));
  }
}
