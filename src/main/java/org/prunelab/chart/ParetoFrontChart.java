package org.prunelab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Top-1 accuracy (percent) against kept FLOPs (percent): every pruned network as a point in its
 * method's colour, and the Pareto front, the networks no other network beats on both counts (fewer
 * or equal FLOPs and higher or equal accuracy, one of them strictly), joined by a dashed black line
 * from the cheapest to the most accurate.
 */
public final class ParetoFrontChart {

  /** The key of the front's series. */
  public static final String FRONT = "Pareto front";

  private ParetoFrontChart() {}

  /**
   * The chart of {@code points}: dataset 0 holds one point series per method (x = 100 * kept FLOPs,
   * y = accuracy) in order of first appearance, dataset 1 the single series {@link #FRONT}, sorted
   * by x.
   */
  public static JFreeChart of(List<ParetoPoint> points) {
    Map<String, XYSeries> byMethod = new LinkedHashMap<>();
    for (ParetoPoint p : Inputs.nonEmpty(points, "Pareto front")) {
      byMethod
          .computeIfAbsent(p.method(), m -> new XYSeries(m, true, true))
          .add(100 * p.keptFlopsFraction(), p.accuracy());
    }
    XYSeriesCollection pointSets = new XYSeriesCollection();
    byMethod.values().forEach(pointSets::addSeries);
    XYSeries frontSeries = new XYSeries(FRONT, true, true);
    front(points).forEach(p -> frontSeries.add(100 * p.keptFlopsFraction(), p.accuracy()));

    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < pointSets.getSeriesCount(); s++) {
      dots.setSeriesPaint(s, MethodColors.of(pointSets.getSeriesKey(s).toString()));
      dots.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, Color.BLACK);
    line.setSeriesStroke(
        0,
        new BasicStroke(
            1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f));

    NumberAxis xAxis = new NumberAxis("Kept FLOPs (%)");
    xAxis.setAutoRangeIncludesZero(false);
    NumberAxis yAxis = new NumberAxis("Top-1 accuracy (%)");
    yAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(pointSets, xAxis, yAxis, dots);
    plot.setDataset(1, new XYSeriesCollection(frontSeries));
    plot.setRenderer(1, line);
    return ChartStyle.apply(new JFreeChart("Accuracy vs kept FLOPs", ChartStyle.TITLE, plot, true));
  }

  /**
   * The non-dominated points, sorted by kept FLOPs: walking from the cheapest network up (ties:
   * most accurate first), a point is on the front when it is strictly more accurate than every
   * cheaper or equally cheap one.
   */
  public static List<ParetoPoint> front(List<ParetoPoint> points) {
    List<ParetoPoint> sorted = new ArrayList<>(points);
    sorted.sort(
        Comparator.comparingDouble(ParetoPoint::keptFlopsFraction)
            .thenComparing(Comparator.comparingDouble(ParetoPoint::accuracy).reversed()));
    List<ParetoPoint> front = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (ParetoPoint p : sorted) {
      if (p.accuracy() > best) {
        front.add(p);
        best = p.accuracy();
      }
    }
    return front;
  }
}
