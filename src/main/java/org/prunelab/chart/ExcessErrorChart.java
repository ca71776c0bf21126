package org.prunelab.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Excess error e = (err(p, D') - err(p, D)) - (err(u, D') - err(u, D)) (percentage points; p the
 * pruned and u the unpruned network, D the clean test set, D' a corruption) against prune ratio
 * (percent of parameters removed): one line per corruption, a dashed line at zero excess.
 */
public final class ExcessErrorChart {

  private ExcessErrorChart() {}

  /**
   * The chart of {@code points} pruned by {@code method} (named in the title): one series per
   * corruption in order of first appearance, items {@code (100 * pruneRatio, excessError)} sorted
   * by ratio.
   */
  public static JFreeChart of(String method, List<ExcessErrorPoint> points) {
    Inputs.name(method, "method");
    XYSeriesCollection dataset =
        XYLines.collection(
            Inputs.nonEmpty(points, "excess error"),
            ExcessErrorPoint::corruption,
            ExcessErrorPoint::pruneRatio,
            ExcessErrorPoint::excessError);
    NumberAxis xAxis = new NumberAxis("Prune ratio (% of parameters removed)");
    xAxis.setRange(0, 100);
    NumberAxis yAxis = new NumberAxis("Excess error (points)");
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, XYLines.renderer(dataset.getSeriesCount()));
    plot.addRangeMarker(ChartStyle.zeroLine());
    return ChartStyle.apply(
        new JFreeChart(
            "Excess error under corruption (" + method + ")", ChartStyle.TITLE, plot, true));
  }
}
