package org.prunelab.experiment.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;

/**
 * Prune potential, excess error and the bootstrap slope against numbers worked out by hand (see
 * SweepFixture).
 */
class MetricsTest {
  private static final double EXACT = 1e-12;

  @Test
  void slopeOfFourPointsIsTheHandValue() {
    // mean x 0.5, mean y 0.03; Sxy = 0.006 + 0 - 0.001 + 0.009 = 0.014, Sxx = 0.2: slope 0.07
    double[] x = {0.2, 0.4, 0.6, 0.8};
    double[] y = {0.01, 0.03, 0.02, 0.06};
    SlopeInterval fit = BootstrapSlope.interval(x, y, 2000, 7);
    assertEquals(0.07, fit.slope(), EXACT);
    // A resample's slope is a weighted mean of pairwise slopes, which run from -0.05 (x 0.4 and
    // 0.6) to 0.2
    // (x 0.6 and 0.8). Resamples drawing only those two x have probability (1/16 - 2/256) / (1 -
    // 4/256) = 5.6 %
    // each, more than 2.5 %, so the 95 % interval is exactly [-0.05, 0.2].
    assertEquals(-0.05, fit.low(), EXACT);
    assertEquals(0.2, fit.high(), EXACT);
    assertEquals(4, fit.points());
    assertEquals(2000, fit.resamples());
    assertEquals(fit, BootstrapSlope.interval(x, y, 2000, 7), "same seed, same interval");
  }

  @Test
  void bootstrapOfCollinearPointsHasZeroWidth() {
    double[] x = {0.1, 0.3, 0.35, 0.7, 0.9};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 0.25 - 0.4 * x[i];
    }
    SlopeInterval fit = BootstrapSlope.interval(x, y, 500, 1);
    assertEquals(-0.4, fit.slope(), EXACT);
    assertEquals(-0.4, fit.low(), EXACT);
    assertEquals(-0.4, fit.high(), EXACT);
    assertTrue(fit.belowZero());
    assertFalse(fit.aboveZero());
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertEquals(1.1, BootstrapSlope.quantile(sorted, 0.025), EXACT); // h = 0.1
    assertEquals(4.9, BootstrapSlope.quantile(sorted, 0.975), EXACT); // h = 3.9
    assertEquals(3, BootstrapSlope.quantile(sorted, 0.5), EXACT);
  }

  @Test
  void aSlopeNeedsTwoPruneRatios() {
    MetricsException e =
        assertThrows(
            MetricsException.class,
            () -> BootstrapSlope.interval(new double[] {0.5, 0.5}, new double[] {0.1, 0.2}, 10, 0));
    assertTrue(e.getMessage().contains("two different ones with an intercept"), e.getMessage());
  }

  @Test
  void slopeThroughTheOriginIsTheHandValue() {
    // the same four points: sum x y = 0.002 + 0.012 + 0.012 + 0.048 = 0.074, sum x^2 = 1.2, so
    // b0 = 0.074 / 1.2 = 0.061667 (with an intercept it is 0.07); one ratio is enough
    double[] x = {0.2, 0.4, 0.6, 0.8};
    double[] y = {0.01, 0.03, 0.02, 0.06};
    SlopeInterval fit = BootstrapSlope.throughOrigin(x, y, 2000, 7);
    assertEquals(0.074 / 1.2, fit.slope(), 1e-12);
    // every point lies above the origin with a ratio y / x in [1/30, 0.075], and a resample's b0 is
    // a weighted mean of those ratios
    assertTrue(fit.low() >= 1.0 / 30 - 1e-12 && fit.high() <= 0.075 + 1e-12, fit.toString());
    assertTrue(fit.aboveZero());
    assertEquals(
        0.5, BootstrapSlope.throughOrigin(new double[] {0.4}, new double[] {0.2}, 10, 0).slope());
  }

  @Test
  void theAveragedExcessErrorIsTheMeanOverSeverityThreeCorruptions() {
    Sweep sweep = SweepFixture.sweep();
    assertEquals(List.of("fog/3", "gaussian_noise/3"), ExcessErrors.paperCorruptions(sweep));
    // pfp at keep 0.2 (x = 0.8), repetition 0: fog e = 0.08, noise e = 0.06 + 0.005
    ExcessError e =
        ExcessErrors.averaged(sweep, "pfp").stream()
            .filter(j -> j.keepRatio() == 0.2 && j.repetition() == 0)
            .findFirst()
            .orElseThrow();
    assertEquals((0.08 + 0.065) / 2, e.excess(), 1e-9);
    assertEquals(ExcessErrors.AVERAGED, e.distribution());
    assertEquals(8, ExcessErrors.averaged(sweep, "pfp").size());
  }

  @Test
  void prunePotentialTakesTheSmallestTestedSizeWithinTheTolerance() {
    Sweep sweep = SweepFixture.sweep();
    // pfp clean drops 0, 0.4, 1.2, 5 points: within 0.5 up to keep 0.6 (params 0.6), within 2 up to
    // keep 0.4
    assertEquals(
        0.4, PrunePotentials.of(sweep, "pfp", "clean", 0.005, SizeBasis.PARAMS).potential(), EXACT);
    assertEquals(
        0.4, PrunePotentials.of(sweep, "pfp", "clean", 0.01, SizeBasis.PARAMS).potential(), EXACT);
    assertEquals(
        0.6, PrunePotentials.of(sweep, "pfp", "clean", 0.02, SizeBasis.PARAMS).potential(), EXACT);
    // ft clean drops 0.3, 0.8, 3, 10 points
    assertEquals(
        0.2, PrunePotentials.of(sweep, "ft", "clean", 0.005, SizeBasis.PARAMS).potential(), EXACT);
    assertEquals(
        0.4, PrunePotentials.of(sweep, "ft", "clean", 0.01, SizeBasis.PARAMS).potential(), EXACT);
    // FLOPs are keep^2: pfp's keep 0.6 has 36 % of the FLOPs
    Potential flops = PrunePotentials.of(sweep, "pfp", "clean", 0.005, SizeBasis.FLOPS);
    assertEquals(0.64, flops.potential(), EXACT);
    assertEquals(0.6, flops.keepRatio(), EXACT);
    assertEquals(0.896, flops.top1(), EXACT);
    assertEquals(0.90, flops.referenceTop1(), EXACT);
  }

  @Test
  void prunePotentialIsComputedPerRepetitionThenAveraged() {
    // reference clean 0.90; rep 0 drops 0.2 and 0.4 points at keep 0.8 and 0.5 (P_0 = 0.5), rep 1
    // drops 0.2 and 1.0 points (P_1 = 0.2). The mean curve drops 0.7 points at 0.5 and would give
    // 0.2; the paper's per-repetition mean is 0.35 with sample std sqrt(2 * 0.15^2) = 0.2121.
    List<JobResult> jobs = new ArrayList<>();
    jobs.add(job("unpruned", 1.0, 0, 0.90));
    jobs.add(job("pfp", 0.8, 0, 0.898));
    jobs.add(job("pfp", 0.5, 0, 0.896));
    jobs.add(job("pfp", 0.8, 1, 0.898));
    jobs.add(job("pfp", 0.5, 1, 0.890));
    Potential p = PrunePotentials.of(Sweep.of(jobs, null), "pfp", "clean", 0.005, SizeBasis.PARAMS);
    assertEquals(0.35, p.potential(), 1e-12);
    assertEquals(Math.sqrt(2 * 0.15 * 0.15), p.std(), 1e-12);
    assertEquals(2, p.repetitions());
    // the point read off the mean curve stays where the mean qualifies
    assertEquals(0.8, p.keepRatio(), EXACT);
    assertEquals(0.2, p.pointReduction(), 1e-12);
  }

  private static JobResult job(String method, double keep, int repetition, double clean) {
    return SweepFixture.job(
        SweepFixture.key(method, keep, repetition),
        Math.round(10_000 * keep),
        Math.round(100_000 * keep),
        SweepFixture.units(keep),
        clean,
        clean - 0.2,
        clean - 0.3);
  }

  @Test
  void prunePotentialUnderShift() {
    Sweep sweep = SweepFixture.sweep();
    // pfp on fog: drop + e = 0 + 0.02 at keep 0.8 already exceeds 0.5 points: potential 0, no point
    Potential none = PrunePotentials.of(sweep, "pfp", "fog/3", 0.005, SizeBasis.PARAMS);
    assertEquals(0, none.potential());
    assertFalse(none.found());
    // ft on fog: drop + e = -0.7, -1.2, 0, +6 points at keep 0.8 .. 0.2: keep 0.4 is the smallest
    // within
    assertEquals(
        0.6, PrunePotentials.of(sweep, "ft", "fog/3", 0.005, SizeBasis.PARAMS).potential(), EXACT);
    assertEquals(
        0,
        PrunePotentials.of(sweep, "ft", "gaussian_noise/3", 0.005, SizeBasis.PARAMS).potential());
    MetricsException e =
        assertThrows(
            MetricsException.class,
            () -> PrunePotentials.of(sweep, "pfp", "snow/5", 0.005, SizeBasis.PARAMS));
    assertTrue(e.getMessage().contains("not evaluated on 'snow/5'"), e.getMessage());
    assertThrows(
        MetricsException.class,
        () -> PrunePotentials.of(sweep, "pfp", "clean", 5, SizeBasis.PARAMS));
  }

  @Test
  void excessErrorPerJobAndItsSlope() {
    Sweep sweep = SweepFixture.sweep();
    List<ExcessError> fog = ExcessErrors.of(sweep, "pfp", "fog/3");
    assertEquals(8, fog.size());
    for (ExcessError e : fog) {
      assertEquals(1 - e.keepRatio(), e.pruneRatio(), EXACT);
      assertEquals(0.1 * e.pruneRatio(), e.excess(), 1e-9);
    }
    SlopeInterval collinear = ExcessErrors.slope(fog, 1000, 0);
    assertEquals(0.1, collinear.slope(), 1e-9);
    assertEquals(collinear.low(), collinear.high(), 1e-9);
    // the 4-point example with +-0.005 at each x: the pairs cancel in Sxy, slope 0.07
    SlopeInterval noise =
        ExcessErrors.slope(ExcessErrors.of(sweep, "pfp", "gaussian_noise/3"), 1000, 0);
    assertEquals(0.07, noise.slope(), 1e-9);
    assertTrue(noise.low() < 0.07 && noise.high() > 0.07);
    assertEquals(
        -0.05, ExcessErrors.slope(ExcessErrors.of(sweep, "ft", "fog/3"), 1000, 0).slope(), 1e-9);
    assertThrows(MetricsException.class, () -> ExcessErrors.of(sweep, "pfp", "clean"));
  }

  @Test
  void sweepNeedsItsReferenceAndOneMode() {
    List<JobResult> jobs = new ArrayList<>(SweepFixture.jobs());
    JobResult reference = jobs.remove(0);
    MetricsException missing = assertThrows(MetricsException.class, () -> Sweep.of(jobs, null));
    assertTrue(
        missing.getMessage().contains("no reference job for the unpruned lenet5"),
        missing.getMessage());

    jobs.add(reference);
    JobResult first = jobs.get(0);
    jobs.add(
        new JobResult(
            new JobKey(first.key().specHash(), "lenet5", "pfp", 0.5, 0, "prune"),
            5000,
            50_000,
            10_000,
            100_000,
            first.keptPerUnit(),
            first.metrics(),
            first.pruneTime(),
            first.retrainTime(),
            first.versions()));
    MetricsException modes = assertThrows(MetricsException.class, () -> Sweep.of(jobs, null));
    assertTrue(modes.getMessage().contains("pick one with --mode"), modes.getMessage());
    Sweep prune = Sweep.of(jobs, "prune");
    assertEquals(1, prune.pruned().size());
    assertEquals(List.of("pfp", "ft"), SweepFixture.sweep().methods());
    assertEquals(List.of("fog/3", "gaussian_noise/3"), prune.shiftedDistributions());
  }
}
