package org.prunelab.experiment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.chart.FeatureChart.Measure;
import org.prunelab.chart.FeaturePoint;
import org.prunelab.experiment.metrics.MetricsException;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.metrics.SweepFixture;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;

/**
 * Informative-features chart inputs and report rows on the hand-worked SweepFixture (pfp at keep
 * 0.4 keeps 40 % of the parameters in both repetitions, so 60 % are pruned).
 */
class FeatureInputsTest {
  private static final double EXACT = 1e-9;

  private static Map<JobKey, FeatureMetric> features(Sweep sweep) {
    return Map.of(
        sweep.reference().key(), new FeatureMetric(10, 10, 0.9, 2, 0.05, 1.0, 0.95, 0.95),
        key(sweep, "pfp", 0.4, 0), new FeatureMetric(10, 8, 0.9, 2, 0.06, 0.50, 0.70, 0.60),
        key(sweep, "pfp", 0.4, 1), new FeatureMetric(10, 6, 0.9, 2, 0.08, 0.30, 0.50, 0.40),
        key(sweep, "ft", 0.4, 0),
            new FeatureMetric(10, 0, 0.9, 2, Double.NaN, Double.NaN, Double.NaN, 0.20));
  }

  @Test
  void pointsAverageTheRepetitionsWhereTheMeasureIsDefined() {
    Sweep sweep = SweepFixture.sweep();
    List<FeaturePoint> overlap = FigureInputs.features(sweep, features(sweep), Measure.OVERLAP);
    // ft found no SIS: its overlap is undefined and it has no overlap point
    assertEquals(1, overlap.size());
    FeaturePoint pfp = overlap.get(0);
    assertEquals("pfp", pfp.method());
    assertEquals(0.6, pfp.prunedFraction(), EXACT);
    assertEquals(0.4, pfp.value(), EXACT);
    // sample std of 0.5 and 0.3: sqrt(2 * 0.1^2)
    assertEquals(Math.sqrt(0.02), pfp.std(), EXACT);

    List<FeaturePoint> shown =
        FigureInputs.features(sweep, features(sweep), Measure.PRUNED_ON_UNPRUNED);
    assertEquals(2, shown.size());
    assertEquals(0.5, shown.get(0).value(), EXACT);
    assertEquals("ft", shown.get(1).method());
    assertEquals(0.2, shown.get(1).value(), EXACT);
    assertEquals(
        0.07, FigureInputs.features(sweep, features(sweep), Measure.SIZE).get(0).value(), EXACT);
  }

  @Test
  void anExperimentWithoutFeaturesSaysHowToGetThem() {
    MetricsException e =
        assertThrows(
            MetricsException.class,
            () -> FigureInputs.features(SweepFixture.sweep(), Map.of(), Measure.OVERLAP));
    assertTrue(e.getMessage().contains("features: {images: 20}"), e.getMessage());
  }

  @Test
  void theReportHasAFeaturesTableWithTheReferenceFirst() {
    Sweep sweep = SweepFixture.sweep();
    String md =
        ExperimentReport.markdown(
            SweepFixture.experiment(), sweep, features(sweep), ReportOptions.standard(0.005));
    assertTrue(md.contains("## Informative features (sufficient input subsets)"), md);
    assertTrue(md.contains("threshold tau = 0.9"), md);
    assertTrue(md.contains("features of 2 x 2 pixels"), md);
    assertTrue(md.contains("| unpruned | 1 | 0.00 | 100.0 | 5.0 | 100.0 | 95.0 | 95.0 | 1 |"), md);
    // with SIS 80 % and 60 %: 70 ± 14.1; size 7 ± 1.4; overlap 40 ± 14.1; 60 ± 14.1; 50 ± 14.1
    assertTrue(
        md.contains(
            "| pfp | 0.4 | 60.00 | 70.0 ± 14.1 | 7.0 ± 1.4 | 40.0 ± 14.1 | 60.0 ± 14.1 |"
                + " 50.0 ± 14.1 | 2 |"),
        md);
    assertTrue(md.contains("| ft | 0.4 | 60.00 | 0.0 | n/a | n/a | n/a | 20.0 | 1 |"), md);
    assertTrue(
        !ExperimentReport.markdown(SweepFixture.experiment(), sweep, ReportOptions.standard(0.005))
            .contains("Informative features"));
  }

  private static JobKey key(Sweep sweep, String method, double keep, int repetition) {
    return sweep.jobs(method).stream()
        .map(JobResult::key)
        .filter(k -> k.keepRatio() == keep && k.repetition() == repetition)
        .findFirst()
        .orElseThrow();
  }
}
