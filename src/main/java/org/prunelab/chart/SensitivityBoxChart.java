package org.prunelab.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.BoxAndWhiskerToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * The spread of channel importance inside every prunable group as box plots: per group the values
 * v_j = s_j / mean_k s_k (1 is the group's average channel), so groups of different widths compare;
 * a tall box means the method sees a few channels that matter and many that do not. Box: quartiles
 * and median, whiskers 1.5 IQR, no mean marker (it is 1 in every group by construction); the
 * tooltip gives the numbers.
 */
public final class SensitivityBoxChart {

  private SensitivityBoxChart() {}

  /**
   * The chart of {@code groups}: one box per group, dataset column key the group name, values
   * divided by the group's mean (left as they are when the mean is 0). A group given twice is an
   * error.
   */
  public static JFreeChart of(String method, List<ChannelImportance> groups) {
    Inputs.name(method, "method");
    DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    Set<String> seen = new HashSet<>();
    for (ChannelImportance g : Inputs.nonEmpty(groups, "sensitivity distribution")) {
      if (!seen.add(g.group())) {
        throw new ChartException(
            "group " + g.group() + " is given twice; give one entry per group");
      }
      double[] v = g.values();
      double mean = 0;
      for (double x : v) {
        mean += x / v.length;
      }
      List<Double> relative = new ArrayList<>(v.length);
      for (double x : v) {
        relative.add(mean != 0 ? x / mean : x);
      }
      dataset.add(relative, method, g.group());
    }
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    renderer.setSeriesPaint(0, MethodColors.of(method));
    renderer.setFillBox(true);
    renderer.setMeanVisible(false); // every group's mean is 1 after the normalisation
    renderer.setMaxOutlierVisible(true);
    renderer.setMinOutlierVisible(true);
    renderer.setMaximumBarWidth(0.06);
    renderer.setDefaultToolTipGenerator(new BoxAndWhiskerToolTipGenerator());
    CategoryAxis groupAxis = new CategoryAxis("Channel group");
    groupAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    NumberAxis valueAxis = new NumberAxis("s_j / group mean");
    valueAxis.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(dataset, groupAxis, valueAxis, renderer);
    return ChartStyle.apply(
        new JFreeChart(
            "Channel sensitivity per group (" + method + ")", ChartStyle.TITLE, plot, false));
  }
}
