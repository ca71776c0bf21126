package org.prunelab.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines of a mean per method with a translucent band of mean +- one standard deviation, each in its
 * {@link MethodColors} colour: shared by the figures that compare methods along one axis.
 */
final class MethodBands {

  private MethodBands() {}

  /**
   * One series per method in order of first appearance, each item {@code (x, y, y - std, y + std)}
   * sorted by x; a repeated x within one method is an error.
   */
  static <T> YIntervalSeriesCollection collection(
      List<T> points,
      Function<T, String> method,
      ToDoubleFunction<T> x,
      ToDoubleFunction<T> y,
      ToDoubleFunction<T> std) {
    Map<String, YIntervalSeries> series = new LinkedHashMap<>();
    for (T p : points) {
      String name = method.apply(p);
      YIntervalSeries s = series.computeIfAbsent(name, m -> new YIntervalSeries(m, true, false));
      double xValue = x.applyAsDouble(p);
      if (s.indexOf(xValue) >= 0) {
        throw new ChartException(
            name + " has two points at x = " + xValue + "; give one mean and std per x");
      }
      double yValue = y.applyAsDouble(p);
      double spread = std.applyAsDouble(p);
      s.add(xValue, yValue, yValue - spread, yValue + spread);
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    series.values().forEach(dataset::addSeries);
    return dataset;
  }

  /** Lines with dots and bands, series {@code s} in the colour of its method. */
  static DeviationRenderer renderer(YIntervalSeriesCollection dataset) {
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.18f);
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      Color colour = MethodColors.of(dataset.getSeriesKey(s).toString());
      renderer.setSeriesPaint(s, colour);
      renderer.setSeriesFillPaint(s, colour);
      renderer.setSeriesStroke(s, ChartStyle.LINE);
    }
    return renderer;
  }
}
