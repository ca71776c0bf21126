package org.prunelab.ui.sensitivity;

import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.prunelab.chart.ChannelImportance;
import org.prunelab.chart.ErrorCurveChart;
import org.prunelab.chart.ErrorCurvePoint;
import org.prunelab.chart.LayerSensitivitySum;
import org.prunelab.chart.SensitivityBoxChart;
import org.prunelab.chart.SensitivitySumChart;

/**
 * The sensitivity view's charts from its view-model's data: the library's chart builders (the
 * figures the CLI exports), with the hover texts the workbench shows.
 */
final class SensitivityCharts {
  private SensitivityCharts() {}

  /** Box plot of channel importance per prunable group. */
  static JFreeChart box(String method, List<ChannelImportance> importance) {
    return SensitivityBoxChart.of(method, importance);
  }

  /** S_l bars per layer. */
  static JFreeChart sums(String method, List<LayerSensitivitySum> sums) {
    return SensitivitySumChart.of(method, sums);
  }

  /** A group's error curve; hovering a point shows its keep ratio and error. */
  static JFreeChart curve(List<ErrorCurvePoint> points) {
    JFreeChart chart = ErrorCurveChart.of(points);
    chart
        .getXYPlot()
        .getRenderer()
        .setDefaultToolTipGenerator(
            new StandardXYToolTipGenerator(
                "{0}: keep {1} % -> \u03b5 = {2}",
                new DecimalFormat("0"), new DecimalFormat("0.0000")));
    return chart;
  }
}
