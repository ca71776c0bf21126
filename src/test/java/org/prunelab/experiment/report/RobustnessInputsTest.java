package org.prunelab.experiment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.chart.AgreementPoint;
import org.prunelab.chart.MethodExcessPoint;
import org.prunelab.experiment.metrics.MetricsException;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.metrics.SweepFixture;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.SimilarityMetric;

/**
 * The robustness view's chart inputs on the hand-worked SweepFixture: excess error per method on
 * one corruption, and agreement with the unpruned network against noise at one keep ratio.
 */
class RobustnessInputsTest {
  private static final double EXACT = 1e-9;

  @Test
  void excessErrorByMethodAveragesRepetitionsInPoints() {
    Sweep sweep = SweepFixture.sweep();
    // fog/3: pfp e = 0.1 x, ft e = -0.05 x exactly in both repetitions, x = 1 - keep
    List<MethodExcessPoint> fog = FigureInputs.excessErrorByMethod(sweep, "fog/3");
    assertEquals(8, fog.size());
    assertEquals("pfp", fog.get(0).method());
    assertEquals(0.2, fog.get(0).pruneRatio(), EXACT);
    assertEquals(2.0, fog.get(0).excessError(), EXACT);
    assertEquals(0.0, fog.get(0).std(), EXACT);
    assertEquals(0.8, fog.get(3).pruneRatio(), EXACT);
    assertEquals(8.0, fog.get(3).excessError(), EXACT);
    assertEquals("ft", fog.get(4).method());
    assertEquals(-1.0, fog.get(4).excessError(), EXACT);
    assertEquals(-4.0, fog.get(7).excessError(), EXACT);

    // gaussian_noise/3: pfp e = y +- 0.005 with y = 0.01, 0.03, 0.02, 0.06; ft e = 0.03 x +- 0.002
    List<MethodExcessPoint> noise = FigureInputs.excessErrorByMethod(sweep, "gaussian_noise/3");
    assertEquals(3.0, noise.get(1).excessError(), EXACT);
    // sample std of +-0.5 points: sqrt((0.25 + 0.25) / 1)
    assertEquals(Math.sqrt(0.5), noise.get(1).std(), EXACT);
    assertEquals(2.4, noise.get(7).excessError(), EXACT);
    assertEquals(Math.sqrt(0.08), noise.get(7).std(), EXACT);
  }

  @Test
  void excessErrorByMethodNeedsAShiftedDistributionTheReferenceWasEvaluatedOn() {
    Sweep sweep = SweepFixture.sweep();
    assertThrows(MetricsException.class, () -> FigureInputs.excessErrorByMethod(sweep, "clean"));
    MetricsException unknown =
        assertThrows(
            MetricsException.class, () -> FigureInputs.excessErrorByMethod(sweep, "snow/3"));
    assertTrue(unknown.getMessage().contains("'snow/3'"), unknown.getMessage());
  }

  @Test
  void agreementAveragesTheRepetitionsOfOneKeepRatioPerEps() {
    Sweep sweep = SweepFixture.sweep();
    JobKey pfp0 = key(sweep, "pfp", 0.4, 0);
    JobKey pfp1 = key(sweep, "pfp", 0.4, 1);
    JobKey ft0 = key(sweep, "ft", 0.4, 0);
    JobKey pfpOther = key(sweep, "pfp", 0.8, 0);
    Map<JobKey, List<SimilarityMetric>> similarity =
        Map.of(
            pfp0, List.of(metric(0, 0.96), metric(0.1, 0.90)),
            pfp1, List.of(metric(0, 0.94), metric(0.1, 0.86)),
            ft0, List.of(metric(0.1, 0.80), metric(0, 0.92)),
            pfpOther, List.of(metric(0, 0.5)));
    List<AgreementPoint> points = FigureInputs.agreement(sweep, similarity, 0.4);
    // pfp: (0.96 + 0.94) / 2, std sqrt(2 * 0.01^2); (0.90 + 0.86) / 2, std sqrt(2 * 0.02^2);
    // ft: its one repetition with similarity, eps ascending
    assertEquals(4, points.size());
    assertPoint("pfp", 0, 0.95, Math.sqrt(2e-4), points.get(0));
    assertPoint("pfp", 0.1, 0.88, Math.sqrt(8e-4), points.get(1));
    assertPoint("ft", 0, 0.92, 0, points.get(2));
    assertPoint("ft", 0.1, 0.80, 0, points.get(3));
    assertEquals(points, FigureInputs.agreement(sweep, similarity, 0.40019), "within 5e-4");
  }

  @Test
  void agreementSaysWhatIsMissing() {
    Sweep sweep = SweepFixture.sweep();
    MetricsException none =
        assertThrows(MetricsException.class, () -> FigureInputs.agreement(sweep, Map.of(), 0.4));
    assertTrue(none.getMessage().contains("no functional similarity"), none.getMessage());
    Map<JobKey, List<SimilarityMetric>> one =
        Map.of(key(sweep, "pfp", 0.4, 0), List.of(metric(0, 0.9)));
    MetricsException ratio =
        assertThrows(MetricsException.class, () -> FigureInputs.agreement(sweep, one, 0.5));
    assertTrue(
        ratio
            .getMessage()
            .contains(
                "no method was tested at keep ratio 0.5; pick one of [0.8000, 0.6000, 0.4000,"
                    + " 0.2000]"),
        ratio.getMessage());
    assertThrows(MetricsException.class, () -> FigureInputs.agreement(sweep, one, 0.2));
  }

  private static JobKey key(Sweep sweep, String method, double keep, int repetition) {
    return sweep.jobs(method).stream()
        .map(JobResult::key)
        .filter(k -> k.keepRatio() == keep && k.repetition() == repetition)
        .findFirst()
        .orElseThrow();
  }

  private static SimilarityMetric metric(double eps, double agreement) {
    return new SimilarityMetric(eps, agreement, 1.0, 0.1);
  }

  private static void assertPoint(
      String method, double eps, double agreement, double std, AgreementPoint p) {
    assertEquals(method, p.method());
    assertEquals(eps, p.eps(), EXACT);
    assertEquals(agreement, p.agreement(), EXACT);
    assertEquals(std, p.std(), EXACT);
  }
}
