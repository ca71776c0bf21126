package org.prunelab.chart;

import java.awt.Color;
import java.awt.Paint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Prune potential (percent of parameters prunable within the tolerated accuracy drop) per method: a
 * pair of bars per method, clean inputs in the method's colour and corrupted inputs in a lighter
 * tint of it (left out for an experiment that measured clean inputs only). The legend shows the
 * conditions in grey.
 */
public final class PrunePotentialChart {

  /** Row keys of the dataset. */
  public static final String CLEAN = "clean";

  public static final String CORRUPTED = "corrupted";

  private PrunePotentialChart() {}

  /**
   * The chart of {@code potentials}: dataset rows {@link #CLEAN} and, when any was measured, {@link
   * #CORRUPTED} (empty cells where a method's was not), columns the methods in input order, values
   * in percent.
   */
  public static JFreeChart of(List<PrunePotential> potentials) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (PrunePotential p : Inputs.nonEmpty(potentials, "prune potential")) {
      if (dataset.getColumnIndex(p.method()) >= 0) {
        throw new ChartException(
            "method "
                + p.method()
                + " appears twice in the prune potential figure; give one"
                + " entry per method");
      }
      dataset.addValue(100 * p.clean(), CLEAN, p.method());
    }
    boolean corrupted = potentials.stream().anyMatch(PrunePotential::hasCorrupted);
    if (corrupted) {
      for (PrunePotential p : potentials) {
        dataset.addValue(p.hasCorrupted() ? 100 * p.corrupted() : null, CORRUPTED, p.method());
      }
    }
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            Color colour = MethodColors.of(dataset.getColumnKey(column).toString());
            return row == 0 ? colour : tint(colour);
          }
        };
    renderer.setSeriesPaint(0, Color.DARK_GRAY);
    renderer.setSeriesPaint(1, tint(Color.DARK_GRAY));
    renderer.setItemMargin(0.05);
    renderer.setDrawBarOutline(false);
    NumberAxis yAxis = new NumberAxis("Prunable params (%)");
    yAxis.setRange(0, 100);
    CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("Method"), yAxis, renderer);
    return ChartStyle.apply(
        new JFreeChart(
            corrupted ? "Prune potential, clean vs corrupted" : "Prune potential on clean inputs",
            ChartStyle.TITLE,
            plot,
            true));
  }

  /**
   * The chart of {@code potentials} measured at {@code tolerance} (a fraction of top-1: 0.005 is
   * half a point), which a subtitle states.
   */
  public static JFreeChart of(List<PrunePotential> potentials, double tolerance) {
    JFreeChart chart = of(potentials);
    chart.addSubtitle(
        new TextTitle(
            "top-1 drop at most "
                + new BigDecimal(String.format(Locale.ROOT, "%.3g", 100 * tolerance))
                    .stripTrailingZeros()
                    .toPlainString()
                + " points",
            ChartStyle.LABEL));
    return chart;
  }

  /** {@code colour} mixed 55 % of the way to white. */
  static Color tint(Color colour) {
    return new Color(mix(colour.getRed()), mix(colour.getGreen()), mix(colour.getBlue()));
  }

  private static int mix(int channel) {
    return Math.round(channel + 0.55f * (255 - channel));
  }
}
