package org.prunelab.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * What pruned networks decide from, against the share of parameters pruned (percent): one line per
 * method in its {@link MethodColors} colour with a band of mean +- one standard deviation over
 * repetitions, of one measure of their sufficient input subsets (SIS) compared with the unpruned
 * network's ("Lost in Pruning", informative features), in percent.
 */
public final class FeatureChart {

  /** The SIS measure drawn, with its axis label and the CLI's name for it. */
  public enum Measure {
    OVERLAP(
        "overlap", "SIS overlap with unpruned (IoU, %)", "SIS overlap with the unpruned network"),
    SIZE("size", "SIS size (% of the image)", "Size of the sufficient input subsets"),
    UNPRUNED_ON_PRUNED(
        "unpruned-on-pruned",
        "Unpruned confidence on pruned SIS (%)",
        "Unpruned network shown the pruned SIS"),
    PRUNED_ON_UNPRUNED(
        "pruned-on-unpruned",
        "Pruned confidence on unpruned SIS (%)",
        "Pruned network shown the unpruned SIS");

    private final String cliName;
    private final String axisLabel;
    private final String title;

    Measure(String cliName, String axisLabel, String title) {
      this.cliName = cliName;
      this.axisLabel = axisLabel;
      this.title = title;
    }

    /** The name {@code plot --measure} takes. */
    public String cliName() {
      return cliName;
    }

    /** The measure named {@code name}; the error lists the names. */
    public static Measure parse(String name) {
      for (Measure m : values()) {
        if (m.cliName.equals(name)) {
          return m;
        }
      }
      throw new ChartException(
          "unknown SIS measure '"
              + name
              + "'; choose one of overlap, size, unpruned-on-pruned, pruned-on-unpruned");
    }
  }

  private FeatureChart() {}

  /**
   * The chart of {@code points}, one series per method in order of first appearance; series item
   * {@code (x, y, low, high)} is {@code 100 * (prunedFraction, value, value - std, value + std)}; a
   * method with two points at one pruned share is an error.
   */
  public static JFreeChart of(List<FeaturePoint> points, Measure measure) {
    YIntervalSeriesCollection dataset =
        MethodBands.collection(
            Inputs.nonEmpty(points, "informative features"),
            FeaturePoint::method,
            p -> 100 * p.prunedFraction(),
            p -> 100 * p.value(),
            p -> 100 * p.std());
    NumberAxis xAxis = new NumberAxis("Pruned parameters (%)");
    xAxis.setRange(0, 100);
    NumberAxis yAxis = new NumberAxis(measure.axisLabel);
    yAxis.setRange(0, 100);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, MethodBands.renderer(dataset));
    return ChartStyle.apply(new JFreeChart(measure.title, ChartStyle.TITLE, plot, true));
  }
}
