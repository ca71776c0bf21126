package org.prunelab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** The robustness view's method-coloured figures: excess error by method and agreement vs noise. */
class RobustnessChartsTest {

  private static final double TOL = 1e-12;

  @Test
  void excessErrorByMethodHoldsOneBandedSeriesPerMethodInPercentOfParameters() {
    JFreeChart chart =
        ExcessErrorByMethodChart.of(
            "fog/3",
            List.of(
                new MethodExcessPoint("pfp", 0.6, 6.0, 0.5),
                new MethodExcessPoint("ft", 0.2, -1.0, 0.0),
                new MethodExcessPoint("pfp", 0.2, 2.0, 0.25)));
    XYPlot plot = chart.getXYPlot();
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
    assertEquals(2, data.getSeriesCount());
    assertEquals("pfp", data.getSeriesKey(0));
    assertEquals("ft", data.getSeriesKey(1));
    // pfp sorted by prune ratio: (20 %, 2 +- 0.25), (60 %, 6 +- 0.5)
    assertEquals(20.0, data.getXValue(0, 0), TOL);
    assertEquals(2.0, data.getYValue(0, 0), TOL);
    assertEquals(1.75, data.getStartYValue(0, 0), TOL);
    assertEquals(2.25, data.getEndYValue(0, 0), TOL);
    assertEquals(60.0, data.getXValue(0, 1), TOL);
    assertEquals(5.5, data.getStartYValue(0, 1), TOL);
    assertEquals(-1.0, data.getYValue(1, 0), TOL);
    assertEquals("Excess error on fog/3", chart.getTitle().getText());
    assertEquals("Prune ratio (% of parameters removed)", plot.getDomainAxis().getLabel());
    assertEquals("Excess error (points)", plot.getRangeAxis().getLabel());
    assertEquals(MethodColors.of("pfp"), plot.getRenderer().getSeriesPaint(0));
    assertEquals(MethodColors.of("ft"), plot.getRenderer().getSeriesPaint(1));
    assertEquals(1, plot.getRangeMarkers(Layer.FOREGROUND).size());
  }

  @Test
  void excessErrorByMethodRefusesTwoPointsAtOneRatioAndNoPoints() {
    ChartException twice =
        assertThrows(
            ChartException.class,
            () ->
                ExcessErrorByMethodChart.of(
                    "fog/3",
                    List.of(
                        new MethodExcessPoint("pfp", 0.5, 1, 0),
                        new MethodExcessPoint("pfp", 0.5, 2, 0))));
    assertTrue(twice.getMessage().contains("pfp has two points at x = 50.0"), twice.getMessage());
    assertThrows(ChartException.class, () -> ExcessErrorByMethodChart.of("fog/3", List.of()));
    assertThrows(ChartException.class, () -> new MethodExcessPoint("pfp", 0.5, 1, -0.1));
    assertThrows(ChartException.class, () -> new MethodExcessPoint("pfp", 50, 1, 0));
  }

  @Test
  void agreementIsInPercentAgainstEpsWithTheKeepRatioInTheTitle() {
    JFreeChart chart =
        AgreementChart.of(
            List.of(
                new AgreementPoint("pfp", 0.1, 0.88, 0.02),
                new AgreementPoint("pfp", 0.0, 0.95, 0.01),
                new AgreementPoint("sipp", 0.0, 0.92, 0.0)),
            0.4);
    XYPlot plot = chart.getXYPlot();
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
    assertEquals(2, data.getSeriesCount());
    assertEquals(0.0, data.getXValue(0, 0), TOL);
    assertEquals(95.0, data.getYValue(0, 0), 1e-9);
    assertEquals(94.0, data.getStartYValue(0, 0), 1e-9);
    assertEquals(0.1, data.getXValue(0, 1), TOL);
    assertEquals(88.0, data.getYValue(0, 1), 1e-9);
    assertEquals(90.0, data.getEndYValue(0, 1), 1e-9);
    assertEquals(92.0, data.getYValue(1, 0), 1e-9);
    assertEquals("Input noise level eps (normalised input)", plot.getDomainAxis().getLabel());
    assertEquals("Agreement (%)", plot.getRangeAxis().getLabel());
    assertEquals(MethodColors.of("sipp"), plot.getRenderer().getSeriesPaint(1));
    assertEquals("Agreement with unpruned, keep 0.4", chart.getTitle().getText());
    assertThrows(ChartException.class, () -> new AgreementPoint("pfp", 0.1, 1.2, 0));
    assertThrows(ChartException.class, () -> AgreementChart.of(List.of(), 0.4));
  }
}
