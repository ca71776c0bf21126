package org.prunelab.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Change of top-1 accuracy (percentage points, mean over repetitions) against the share of
 * parameters or FLOPs pruned (percent): one line per method in its {@link MethodColors} colour,
 * with a translucent band of mean +- one standard deviation. A dashed line marks "no change".
 */
public final class AccuracyVsPrunedChart {

  /** What the x axis counts. */
  public enum Pruned {
    PARAMETERS("Pruned parameters (%)"),
    FLOPS("Pruned FLOPs (%)");

    private final String axisLabel;

    Pruned(String axisLabel) {
      this.axisLabel = axisLabel;
    }

    /** The x axis label, with its unit. */
    public String axisLabel() {
      return axisLabel;
    }
  }

  private AccuracyVsPrunedChart() {}

  /**
   * The chart of {@code points}, one series per method in order of first appearance, each sorted by
   * pruned share; series item {@code (x, y, low, high)} is {@code (100 * prunedFraction, change,
   * change - std, change + std)}.
   */
  public static JFreeChart of(List<CurvePoint> points, Pruned x) {
    Map<String, YIntervalSeries> series = new LinkedHashMap<>();
    for (CurvePoint p : Inputs.nonEmpty(points, "accuracy change")) {
      YIntervalSeries s =
          series.computeIfAbsent(p.method(), m -> new YIntervalSeries(m, true, false));
      double xValue = 100 * p.prunedFraction();
      if (s.indexOf(xValue) >= 0) {
        throw new ChartException(
            p.method()
                + " has two points at "
                + xValue
                + " %; give one mean and std per"
                + " pruned share");
      }
      s.add(xValue, p.accuracyChange(), p.accuracyChange() - p.std(), p.accuracyChange() + p.std());
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    series.values().forEach(dataset::addSeries);

    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.18f);
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      Color colour = MethodColors.of(dataset.getSeriesKey(s).toString());
      renderer.setSeriesPaint(s, colour);
      renderer.setSeriesFillPaint(s, colour);
      renderer.setSeriesStroke(s, ChartStyle.LINE);
    }
    NumberAxis xAxis = new NumberAxis(x.axisLabel());
    xAxis.setRange(0, 100);
    NumberAxis yAxis = new NumberAxis("Top-1 change (points)");
    yAxis.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
    plot.addRangeMarker(ChartStyle.zeroLine());
    JFreeChart chart =
        new JFreeChart(
            "Accuracy change vs " + (x == Pruned.FLOPS ? "pruned FLOPs" : "pruned parameters"),
            ChartStyle.TITLE,
            plot,
            true);
    return ChartStyle.apply(chart);
  }
}
