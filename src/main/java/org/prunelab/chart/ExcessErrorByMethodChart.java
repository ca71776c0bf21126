package org.prunelab.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Excess error on one shifted distribution D' against prune ratio, comparing methods: one line per
 * method in its {@link MethodColors} colour with a translucent band of mean +- one standard
 * deviation over repetitions, and a dashed line at zero excess. The excess error of a pruned
 * network p is e = (err(p, D') - err(p, D)) - (err(u, D') - err(u, D)) in percentage points, u the
 * unpruned network and D the clean test set: what p loses under the shift beyond what u loses
 * ("Lost in Pruning", Liebenwein et al. 2021).
 */
public final class ExcessErrorByMethodChart {

  private ExcessErrorByMethodChart() {}

  /**
   * The chart of {@code points} measured on {@code distribution} (named in the title, e.g.
   * "fog/3"): one series per method in order of first appearance, items {@code (100 * pruneRatio,
   * excessError, excessError - std, excessError + std)} sorted by ratio.
   */
  public static JFreeChart of(String distribution, List<MethodExcessPoint> points) {
    Inputs.name(distribution, "distribution");
    YIntervalSeriesCollection dataset =
        MethodBands.collection(
            Inputs.nonEmpty(points, "excess error by method"),
            MethodExcessPoint::method,
            p -> 100 * p.pruneRatio(),
            MethodExcessPoint::excessError,
            MethodExcessPoint::std);
    NumberAxis xAxis = new NumberAxis("Prune ratio (% of parameters removed)");
    xAxis.setRange(0, 100);
    NumberAxis yAxis = new NumberAxis("Excess error (points)");
    yAxis.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, MethodBands.renderer(dataset));
    plot.addRangeMarker(ChartStyle.zeroLine());
    return ChartStyle.apply(
        new JFreeChart("Excess error on " + distribution, ChartStyle.TITLE, plot, true));
  }
}
