package org.prunelab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class FigureChartsTest {

  private static final double TOL = 1e-12;

  @Test
  void theAcceptanceSweepsMethodsAndTheUnprunedReferenceHaveDistinctColours() {
    List<String> methods = List.of("unpruned", "pfp", "ft", "wt", "sipp", "random-filters");
    assertEquals(methods.size(), methods.stream().map(MethodColors::of).distinct().count());
    assertEquals(Color.BLACK, MethodColors.of("unpruned"));
  }

  @Test
  void accuracyCurvesHoldOneSeriesPerMethodWithTheStdBandInPercent() {
    JFreeChart chart =
        AccuracyVsPrunedChart.of(
            List.of(
                new CurvePoint("pfp", 0.5, -1.25, 0.5),
                new CurvePoint("sipp", 0.3, 0.1, 0.0),
                new CurvePoint("pfp", 0.2, 0.25, 0.125),
                new CurvePoint("sipp", 0.6, -2.0, 1.0)),
            AccuracyVsPrunedChart.Pruned.FLOPS);
    XYPlot plot = chart.getXYPlot();
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
    assertEquals(2, data.getSeriesCount());
    assertEquals("pfp", data.getSeriesKey(0));
    assertEquals("sipp", data.getSeriesKey(1));
    // pfp sorted by pruned share: (20 %, 0.25 +- 0.125), (50 %, -1.25 +- 0.5)
    assertEquals(20.0, data.getXValue(0, 0), TOL);
    assertEquals(0.25, data.getYValue(0, 0), TOL);
    assertEquals(0.125, data.getStartYValue(0, 0), TOL);
    assertEquals(0.375, data.getEndYValue(0, 0), TOL);
    assertEquals(50.0, data.getXValue(0, 1), TOL);
    assertEquals(-1.75, data.getStartYValue(0, 1), TOL);
    assertEquals(-0.75, data.getEndYValue(0, 1), TOL);
    assertEquals(60.0, data.getXValue(1, 1), TOL);
    assertEquals(-3.0, data.getStartYValue(1, 1), TOL);
    assertEquals("Pruned FLOPs (%)", plot.getDomainAxis().getLabel());
    assertEquals("Top-1 change (points)", plot.getRangeAxis().getLabel());
    assertEquals(MethodColors.of("pfp"), plot.getRenderer().getSeriesPaint(0));
    assertEquals(MethodColors.of("sipp"), plot.getRenderer().getSeriesPaint(1));
  }

  @Test
  void paretoFrontKeepsOnlyNetworksNothingElseBeats() {
    List<ParetoPoint> points =
        List.of(
            new ParetoPoint("pfp", 0.50, 90.0),
            new ParetoPoint("pfp", 0.30, 85.0),
            new ParetoPoint(
                "sipp", 0.40, 84.0), // dominated by pfp at 0.30 (cheaper and more accurate)
            new ParetoPoint(
                "sipp", 0.30, 86.0), // same cost as pfp 0.30 but more accurate: replaces it
            new ParetoPoint("alds", 0.80, 89.0), // dominated by pfp 0.50
            new ParetoPoint("alds", 1.00, 91.0));
    List<ParetoPoint> front = ParetoFrontChart.front(points);
    assertEquals(List.of(points.get(3), points.get(0), points.get(5)), front);

    XYPlot plot = ParetoFrontChart.of(points).getXYPlot();
    XYDataset dots = plot.getDataset(0);
    assertEquals(3, dots.getSeriesCount());
    assertEquals(
        List.of("pfp", "sipp", "alds"),
        List.of(dots.getSeriesKey(0), dots.getSeriesKey(1), dots.getSeriesKey(2)));
    assertEquals(2, dots.getItemCount(0));
    assertEquals(30.0, dots.getXValue(0, 0), TOL);
    assertEquals(85.0, dots.getYValue(0, 0), TOL);
    XYDataset line = plot.getDataset(1);
    assertEquals(1, line.getSeriesCount());
    assertEquals(ParetoFrontChart.FRONT, line.getSeriesKey(0));
    assertEquals(3, line.getItemCount(0));
    double[][] want = {{30, 86}, {50, 90}, {100, 91}};
    for (int i = 0; i < 3; i++) {
      assertEquals(want[i][0], line.getXValue(0, i), TOL);
      assertEquals(want[i][1], line.getYValue(0, i), TOL);
    }
    assertEquals("Kept FLOPs (%)", plot.getDomainAxis().getLabel());
  }

  @Test
  void prunePotentialHasCleanAndCorruptedBarsPerMethod() {
    JFreeChart chart =
        PrunePotentialChart.of(
            List.of(new PrunePotential("pfp", 0.8, 0.55), new PrunePotential("wt", 0.9, 0.3)));
    CategoryPlot plot = chart.getCategoryPlot();
    CategoryDataset data = plot.getDataset();
    assertEquals(
        List.of(PrunePotentialChart.CLEAN, PrunePotentialChart.CORRUPTED), data.getRowKeys());
    assertEquals(List.of("pfp", "wt"), data.getColumnKeys());
    assertEquals(80.0, data.getValue("clean", "pfp").doubleValue(), 1e-9);
    assertEquals(55.0, data.getValue("corrupted", "pfp").doubleValue(), 1e-9);
    assertEquals(30.0, data.getValue("corrupted", "wt").doubleValue(), 1e-9);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    assertEquals(MethodColors.of("wt"), renderer.getItemPaint(0, 1));
    assertEquals(PrunePotentialChart.tint(MethodColors.of("wt")), renderer.getItemPaint(1, 1));
    // the tint is 55 % of the way to white: 0 -> 140, 255 -> 255
    assertEquals(new Color(140, 255, 140), PrunePotentialChart.tint(new Color(0, 255, 0)));
  }

  @Test
  void prunePotentialWithOnlyCleanResultsHasOneRowAndStatesItsTolerance() {
    JFreeChart chart =
        PrunePotentialChart.of(
            List.of(
                new PrunePotential("pfp", 0.8, Double.NaN),
                new PrunePotential("ft", 0.4, Double.NaN)),
            0.005);
    assertEquals(
        List.of(PrunePotentialChart.CLEAN), chart.getCategoryPlot().getDataset().getRowKeys());
    assertEquals("Prune potential on clean inputs", chart.getTitle().getText());
    List<String> subtitles = new java.util.ArrayList<>();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
        subtitles.add(t.getText());
      }
    }
    assertEquals(List.of("top-1 drop at most 0.5 points"), subtitles);
  }

  @Test
  void excessErrorHasOneLinePerCorruptionSortedByRatio() {
    JFreeChart chart =
        ExcessErrorChart.of(
            "pfp",
            List.of(
                new ExcessErrorPoint("fog", 0.5, 3.0),
                new ExcessErrorPoint("fog", 0.1, 0.5),
                new ExcessErrorPoint("contrast", 0.1, -0.25)));
    XYDataset data = chart.getXYPlot().getDataset();
    assertEquals(2, data.getSeriesCount());
    assertEquals("fog", data.getSeriesKey(0));
    assertEquals(10.0, data.getXValue(0, 0), TOL);
    assertEquals(0.5, data.getYValue(0, 0), TOL);
    assertEquals(50.0, data.getXValue(0, 1), TOL);
    assertEquals(3.0, data.getYValue(0, 1), TOL);
    assertEquals(-0.25, data.getYValue(1, 0), TOL);
    assertTrue(chart.getTitle().getText().contains("pfp"));
    assertNotEquals(
        chart.getXYPlot().getRenderer().getSeriesPaint(0),
        chart.getXYPlot().getRenderer().getSeriesPaint(1));
  }

  @Test
  void errorCurvesHaveOneLinePerGroup() {
    XYDataset data =
        ErrorCurveChart.of(
                List.of(
                    new ErrorCurvePoint("conv1", 1.0, 0.0), new ErrorCurvePoint("conv1", 0.5, 0.3),
                    new ErrorCurvePoint("conv2", 0.5, 0.1),
                        new ErrorCurvePoint("conv3", 0.25, 0.7)))
            .getXYPlot()
            .getDataset();
    assertEquals(3, data.getSeriesCount());
    assertEquals(2, data.getItemCount(0));
    assertEquals(50.0, data.getXValue(0, 0), TOL);
    assertEquals(0.3, data.getYValue(0, 0), TOL);
    assertEquals(100.0, data.getXValue(0, 1), TOL);
    assertEquals(25.0, data.getXValue(2, 0), TOL);
    assertEquals(0.7, data.getYValue(2, 0), TOL);
  }

  @Test
  void allocationHasLayersInNetworkOrderAndOneRowPerMethod() {
    JFreeChart chart =
        AllocationChart.of(
            List.of(
                new LayerKeep("pfp", "conv2", 0.5), new LayerKeep("pfp", "conv1", 0.75),
                new LayerKeep("sipp", "conv1", 0.25), new LayerKeep("sipp", "conv2", 1.0)));
    CategoryDataset data = chart.getCategoryPlot().getDataset();
    assertEquals(List.of("pfp", "sipp"), data.getRowKeys());
    assertEquals(List.of("conv2", "conv1"), data.getColumnKeys());
    assertEquals(75.0, data.getValue("pfp", "conv1").doubleValue(), 1e-9);
    assertEquals(25.0, data.getValue("sipp", "conv1").doubleValue(), 1e-9);
    assertEquals(100.0, data.getValue("sipp", "conv2").doubleValue(), 1e-9);
    assertEquals(MethodColors.of("sipp"), chart.getCategoryPlot().getRenderer().getSeriesPaint(1));

    JFreeChart single = AllocationChart.of(List.of(new LayerKeep("alds", "fc", 0.5)));
    assertNull(single.getLegend());
    assertEquals("Per-layer keep ratio (alds)", single.getTitle().getText());
  }

  @Test
  void everyFigureDrawsItsSeriesInTheirColours() {
    List<CurvePoint> curve =
        List.of(
            new CurvePoint("pfp", 0.2, 0, 0.5),
            new CurvePoint("pfp", 0.8, -3, 1),
            new CurvePoint("ft", 0.2, -1, 0.5),
            new CurvePoint("ft", 0.8, -5, 1));
    assertDrawn(
        AccuracyVsPrunedChart.of(curve, AccuracyVsPrunedChart.Pruned.PARAMETERS),
        MethodColors.of("pfp"),
        MethodColors.of("ft"));
    assertDrawn(
        ParetoFrontChart.of(
            List.of(new ParetoPoint("alds", 0.3, 88), new ParetoPoint("wt", 0.6, 90))),
        MethodColors.of("alds"),
        MethodColors.of("wt"),
        Color.BLACK);
    assertDrawn(
        PrunePotentialChart.of(List.of(new PrunePotential("sipp", 0.8, 0.4))),
        MethodColors.of("sipp"),
        PrunePotentialChart.tint(MethodColors.of("sipp")));
    assertDrawn(
        AllocationChart.of(
            List.of(new LayerKeep("pfp", "conv1", 0.5), new LayerKeep("snip", "conv1", 1))),
        MethodColors.of("pfp"),
        MethodColors.of("snip"));
    assertDrawn(
        ExcessErrorChart.of(
            "pfp",
            List.of(new ExcessErrorPoint("fog", 0.1, 1), new ExcessErrorPoint("fog", 0.9, 5))),
        MethodColors.series(0));
    assertDrawn(
        ErrorCurveChart.of(
            List.of(
                new ErrorCurvePoint("a", 0.1, 1),
                new ErrorCurvePoint("a", 0.9, 0.1),
                new ErrorCurvePoint("b", 0.5, 0.5))),
        MethodColors.series(0),
        MethodColors.series(1));
  }

  /**
   * Renders {@code chart} at 480 x 320 and checks that each colour covers at least 20 pixels
   * exactly.
   */
  private static void assertDrawn(JFreeChart chart, Color... colours) {
    BufferedImage image = chart.createBufferedImage(480, 320);
    for (Color colour : colours) {
      int count = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          count += (image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff) ? 1 : 0;
        }
      }
      assertTrue(
          count >= 20, chart.getTitle().getText() + ": " + colour + " covers " + count + " pixels");
    }
  }

  @Test
  void methodColoursAreStableAndDistinctForTheMainMethods() {
    assertEquals(MethodColors.of("PFP"), MethodColors.of("pfp"));
    assertEquals(MethodColors.of("my-method"), MethodColors.of("my-method"));
    List<String> main =
        List.of("pfp", "sipp", "alds", "wt", "ft", "snip", "thinet", "svd", "pca", "lrank");
    assertEquals(main.size(), main.stream().map(MethodColors::of).distinct().count());
  }

  @Test
  void badInputsNameTheProblem() {
    ChartException percent =
        assertThrows(ChartException.class, () -> new CurvePoint("pfp", 50, 0, 0));
    assertTrue(percent.getMessage().contains("fraction in [0, 1]"), percent.getMessage());
    assertThrows(ChartException.class, () -> new CurvePoint("pfp", 0.5, Double.NaN, 0));
    assertThrows(ChartException.class, () -> new CurvePoint("pfp", 0.5, 0, -1));
    assertThrows(ChartException.class, () -> new CurvePoint(" ", 0.5, 0, 0));
    assertThrows(ChartException.class, () -> new ParetoPoint("pfp", 0.5, 101));
    assertThrows(ChartException.class, () -> new ErrorCurvePoint("g", 0.5, -0.1));
    ChartException empty = assertThrows(ChartException.class, () -> ParetoFrontChart.of(List.of()));
    assertTrue(empty.getMessage().contains("at least one point"), empty.getMessage());
    ChartException twice =
        assertThrows(
            ChartException.class,
            () ->
                ErrorCurveChart.of(
                    List.of(
                        new ErrorCurvePoint("g", 0.5, 0.1), new ErrorCurvePoint("g", 0.5, 0.2))));
    assertTrue(twice.getMessage().contains("two points at 50.0 %"), twice.getMessage());
    assertThrows(
        ChartException.class,
        () ->
            AccuracyVsPrunedChart.of(
                List.of(new CurvePoint("pfp", 0.5, 0, 0), new CurvePoint("pfp", 0.5, 1, 0)),
                AccuracyVsPrunedChart.Pruned.PARAMETERS));
    assertThrows(
        ChartException.class,
        () ->
            AllocationChart.of(
                List.of(new LayerKeep("pfp", "a", 0.5), new LayerKeep("pfp", "a", 0.6))));
    assertThrows(
        ChartException.class,
        () ->
            PrunePotentialChart.of(
                List.of(new PrunePotential("pfp", 0.5, 0.4), new PrunePotential("pfp", 0.6, 0.4))));
  }
}
