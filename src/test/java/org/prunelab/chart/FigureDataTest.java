package org.prunelab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV behind a chart holds exactly the numbers drawn (means with their +- std band, bars with
 * their values), and a folder of figures has one figure and one CSV per chart.
 */
class FigureDataTest {
  @TempDir Path dir;

  @Test
  void anAccuracyCurveWritesEveryPointWithItsBand() {
    JFreeChart chart =
        AccuracyVsPrunedChart.of(
            List.of(
                new CurvePoint("pfp", 0.5, -1.25, 0.5),
                new CurvePoint("pfp", 0.25, -0.5, 0),
                new CurvePoint("ft, l1", 0.5, -3, 1)),
            AccuracyVsPrunedChart.Pruned.PARAMETERS);
    assertEquals(
        """
        # x: Pruned parameters (%); y: Top-1 change (points)
        series,x,y,y_low,y_high
        pfp,25.0,-0.5,-0.5,-0.5
        pfp,50.0,-1.25,-1.75,-0.75
        "ft, l1",50.0,-3.0,-4.0,-2.0
        """,
        FigureData.csv(chart));
  }

  @Test
  void barsWriteOneRowPerBarAndAMissingBarIsEmpty() {
    JFreeChart chart =
        PrunePotentialChart.of(
            List.of(
                new PrunePotential("pfp", 0.8, 0.5), new PrunePotential("wt", 0.25, Double.NaN)));
    assertEquals(
        """
        # category: Method; value: Prunable params (%)
        series,category,value
        clean,pfp,80.0
        clean,wt,25.0
        corrupted,pfp,50.0
        corrupted,wt,
        """,
        FigureData.csv(chart));
  }

  @Test
  void aFolderHasOneFigureAndOneCsvPerChart() throws Exception {
    Map<String, JFreeChart> charts = new LinkedHashMap<>();
    charts.put(
        "pareto",
        ParetoFrontChart.of(
            List.of(new ParetoPoint("unpruned", 1, 92), new ParetoPoint("pfp", 0.5, 91))));
    charts.put("allocation", AllocationChart.of(List.of(new LayerKeep("pfp", "conv1", 0.5))));
    List<Path> files = FigureFolder.write(dir, charts, "svg", 800, 500);
    assertEquals(
        List.of(
            dir.resolve("pareto.svg"),
            dir.resolve("pareto.csv"),
            dir.resolve("allocation.svg"),
            dir.resolve("allocation.csv")),
        files);
    for (Path f : files) {
      assertTrue(Files.size(f) > 40, f + " is not empty");
    }
    List<String> pareto = Files.readAllLines(dir.resolve("pareto.csv"));
    assertTrue(pareto.contains("pfp,50.0,91.0,,"), pareto.toString());
    assertTrue(pareto.contains("Pareto front,100.0,92.0,,"), pareto.toString());
  }
}
