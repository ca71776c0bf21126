package org.prunelab.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Per-layer keep ratio (percent of channels or weights kept) as horizontal bars, one bar per layer
 * and method, layers top to bottom in network order with their names on the axis, bars in the
 * methods' colours; with a single method its name goes into the title instead of a legend.
 */
public final class AllocationChart {

  private AllocationChart() {}

  /**
   * The chart of {@code keeps}: dataset rows the methods and columns the layers, both in order of
   * first appearance, values {@code 100 * keepRatio}. A (method, layer) pair given twice is an
   * error.
   */
  public static JFreeChart of(List<LayerKeep> keeps) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (LayerKeep k : Inputs.nonEmpty(keeps, "allocation")) {
      if (dataset.getRowIndex(k.method()) >= 0
          && dataset.getColumnIndex(k.layer()) >= 0
          && dataset.getValue(k.method(), k.layer()) != null) {
        throw new ChartException(
            "layer "
                + k.layer()
                + " has two keep ratios for method "
                + k.method()
                + "; give one per layer and method");
      }
      dataset.addValue(100 * k.keepRatio(), k.method(), k.layer());
    }
    BarRenderer renderer = new BarRenderer();
    for (int r = 0; r < dataset.getRowCount(); r++) {
      renderer.setSeriesPaint(r, MethodColors.of(dataset.getRowKey(r).toString()));
    }
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.02);
    NumberAxis keepAxis = new NumberAxis("Kept (%)");
    keepAxis.setRange(0, 100);
    CategoryAxis layerAxis = new CategoryAxis("Layer");
    layerAxis.setCategoryMargin(0.15);
    CategoryPlot plot = new CategoryPlot(dataset, layerAxis, keepAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    boolean oneMethod = dataset.getRowCount() == 1;
    String title = "Per-layer keep ratio" + (oneMethod ? " (" + dataset.getRowKey(0) + ")" : "");
    return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE, plot, !oneMethod));
  }
}
