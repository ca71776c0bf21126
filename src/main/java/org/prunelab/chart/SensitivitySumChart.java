package org.prunelab.chart;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * S_l = sum_j s_j per layer as bars (PFP, Liebenwein, Baykal et al., ICLR 2020): the larger S_l,
 * the more spread a layer's importance and the more samples m_l(eps) = ceil(3 (6 + 2 eps) alpha_l
 * S_l / eps^2) it needs for a given error, so the more channels it keeps. The tooltip also gives
 * alpha_l S_l.
 */
public final class SensitivitySumChart {

  /** Dataset row of the S_l bars. */
  public static final String SERIES = "S_l";

  private SensitivitySumChart() {}

  /**
   * The chart of {@code sums}: one bar per layer (column key the layer name). A layer given twice
   * is an error.
   */
  public static JFreeChart of(String method, List<LayerSensitivitySum> sums) {
    Inputs.name(method, "method");
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    Map<String, Double> bound = new HashMap<>();
    for (LayerSensitivitySum s : Inputs.nonEmpty(sums, "sensitivity sum")) {
      if (bound.put(s.layer(), s.boundTerm()) != null) {
        throw new ChartException("layer " + s.layer() + " is given twice; give one S_l per layer");
      }
      dataset.addValue(s.sum(), SERIES, s.layer());
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setSeriesPaint(0, MethodColors.of(method));
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.06);
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
    format.setMaximumFractionDigits(4);
    renderer.setDefaultToolTipGenerator(
        new StandardCategoryToolTipGenerator("{1}: S_l = {2}", format) {
          @Override
          public String generateToolTip(CategoryDataset data, int row, int column) {
            String layer = data.getColumnKey(column).toString();
            return super.generateToolTip(data, row, column)
                + String.format(Locale.ROOT, ", alpha_l S_l = %.1f", bound.get(layer));
          }
        });
    CategoryAxis layerAxis = new CategoryAxis("Layer");
    layerAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    NumberAxis sumAxis = new NumberAxis("S_l = \u03a3_j s_j");
    CategoryPlot plot = new CategoryPlot(dataset, layerAxis, sumAxis, renderer);
    return ChartStyle.apply(
        new JFreeChart(
            "Sum of sensitivities per layer (" + method + ")", ChartStyle.TITLE, plot, false));
  }
}
