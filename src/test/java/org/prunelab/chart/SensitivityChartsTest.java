package org.prunelab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.junit.jupiter.api.Test;

/** The sensitivity figures' datasets, worked by hand. */
class SensitivityChartsTest {

  @Test
  void boxPlotDividesByTheGroupMean() {
    // values 1, 2, 3, 6: mean 3, relative 1/3, 2/3, 1, 2: median (2/3 + 1) / 2 = 5/6, mean 1
    JFreeChart chart =
        SensitivityBoxChart.of(
            "pfp", List.of(new ChannelImportance("conv1", new double[] {1, 2, 3, 6})));
    BoxAndWhiskerCategoryDataset data =
        (BoxAndWhiskerCategoryDataset) chart.getCategoryPlot().getDataset();
    assertEquals(5.0 / 6, data.getMedianValue(0, 0).doubleValue(), 1e-12);
    assertEquals(1.0, data.getMeanValue(0, 0).doubleValue(), 1e-12);
    assertEquals(2.0, data.getMaxRegularValue(0, 0).doubleValue(), 1e-12);
  }

  @Test
  void sumBarsOnePerLayerAndDuplicatesRefused() {
    JFreeChart chart =
        SensitivitySumChart.of(
            "pfp",
            List.of(
                new LayerSensitivitySum("conv2", 4.5, 90),
                new LayerSensitivitySum("fc1", 42, 400)));
    CategoryDataset data = chart.getCategoryPlot().getDataset();
    assertEquals(42.0, data.getValue(SensitivitySumChart.SERIES, "fc1").doubleValue(), 0);
    assertEquals(2, data.getColumnCount());
    assertThrows(
        ChartException.class,
        () ->
            SensitivitySumChart.of(
                "pfp",
                List.of(
                    new LayerSensitivitySum("fc1", 1, 1), new LayerSensitivitySum("fc1", 2, 2))));
    assertThrows(
        ChartException.class, () -> new ChannelImportance("conv1", new double[] {Double.NaN}));
  }
}
