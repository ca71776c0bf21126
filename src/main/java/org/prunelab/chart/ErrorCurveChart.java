package org.prunelab.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Per-group error curves eps_l(r) = ||z - z_hat|| / ||z|| against keep ratio r (percent): one line
 * per prunable group, the curves the allocator reads to give each group its ratio.
 */
public final class ErrorCurveChart {

  private ErrorCurveChart() {}

  /**
   * The chart of {@code points}: one series per group in order of first appearance, items {@code
   * (100 * keepRatio, relativeError)} sorted by ratio.
   */
  public static JFreeChart of(List<ErrorCurvePoint> points) {
    XYSeriesCollection dataset =
        XYLines.collection(
            Inputs.nonEmpty(points, "error curve"),
            ErrorCurvePoint::group,
            ErrorCurvePoint::keepRatio,
            ErrorCurvePoint::relativeError);
    NumberAxis xAxis = new NumberAxis("Keep ratio r (%)");
    xAxis.setRange(0, 100);
    NumberAxis yAxis = new NumberAxis("Relative output error \u03b5(r)");
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, XYLines.renderer(dataset.getSeriesCount()));
    return ChartStyle.apply(
        new JFreeChart("Layer error vs keep ratio", ChartStyle.TITLE, plot, true));
  }
}
