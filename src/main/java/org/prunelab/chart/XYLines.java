package org.prunelab.chart;

import java.awt.geom.Ellipse2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line series keyed by a name, shared by the figures that draw one line per corruption or per
 * group.
 */
final class XYLines {

  private XYLines() {}

  /**
   * One series per distinct key in order of first appearance, each item {@code (100 * fraction,
   * value)}, sorted by x; a repeated x within one series is an error.
   */
  static <T> XYSeriesCollection collection(
      List<T> points,
      Function<T, String> key,
      ToDoubleFunction<T> fraction,
      ToDoubleFunction<T> value) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (T p : points) {
      XYSeries s = series.computeIfAbsent(key.apply(p), k -> new XYSeries(k, true, false));
      double x = 100 * fraction.applyAsDouble(p);
      if (s.indexOf(x) >= 0) {
        throw new ChartException(
            key.apply(p)
                + " has two points at "
                + x
                + " %; give one value per x (average"
                + " repetitions first)");
      }
      s.add(x, value.applyAsDouble(p));
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    series.values().forEach(dataset::addSeries);
    return dataset;
  }

  /** Lines with small dots, series {@code i} in palette colour {@code i}. */
  static XYLineAndShapeRenderer renderer(int seriesCount) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int s = 0; s < seriesCount; s++) {
      renderer.setSeriesPaint(s, MethodColors.series(s));
      renderer.setSeriesStroke(s, ChartStyle.LINE);
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    return renderer;
  }
}
