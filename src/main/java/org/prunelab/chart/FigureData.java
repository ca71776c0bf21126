package org.prunelab.chart;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The numbers behind a chart as CSV, so a figure can be redrawn elsewhere: for an XY chart one row
 * per point, {@code series,x,y,y_low,y_high} (the band of a mean +- std series; empty elsewhere),
 * for a bar chart one row per bar, {@code series,category,value} (empty value for a missing bar),
 * each with the chart's axis labels in a first comment line. Values are written with full
 * precision, '.' as decimal point; text fields with a comma or quote are quoted.
 */
public final class FigureData {
  private FigureData() {}

  /**
   * Writes the data of {@code chart} to {@code file} (its folder created).
   *
   * @throws ChartException when the chart is neither XY nor category, or the file cannot be written
   */
  public static void writeCsv(JFreeChart chart, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(csv(chart));
      }
    } catch (IOException e) {
      throw new ChartException(
          "cannot write " + file + " (" + e.getMessage() + "); choose a writable folder");
    }
  }

  /** The CSV text of {@code chart}'s data. */
  public static String csv(JFreeChart chart) {
    Plot plot = chart.getPlot();
    StringBuilder text = new StringBuilder();
    if (plot instanceof XYPlot xy) {
      text.append("# x: ")
          .append(xy.getDomainAxis().getLabel())
          .append("; y: ")
          .append(xy.getRangeAxis().getLabel())
          .append('\n')
          .append("series,x,y,y_low,y_high\n");
      for (int d = 0; d < xy.getDatasetCount(); d++) {
        XYDataset data = xy.getDataset(d);
        if (data != null) {
          appendXy(text, data);
        }
      }
      return text.toString();
    }
    if (plot instanceof CategoryPlot category) {
      text.append("# category: ")
          .append(category.getDomainAxis().getLabel())
          .append("; value: ")
          .append(category.getRangeAxis().getLabel())
          .append('\n')
          .append("series,category,value\n");
      for (int d = 0; d < category.getDatasetCount(); d++) {
        CategoryDataset data = category.getDataset(d);
        if (data != null) {
          appendCategory(text, data);
        }
      }
      return text.toString();
    }
    throw new ChartException(
        "the chart '"
            + (chart.getTitle() == null ? "" : chart.getTitle().getText())
            + "' has a "
            + plot.getPlotType()
            + " plot; only XY and bar charts have a CSV form");
  }

  private static void appendXy(StringBuilder text, XYDataset data) {
    YIntervalSeriesCollection bands = data instanceof YIntervalSeriesCollection b ? b : null;
    for (int s = 0; s < data.getSeriesCount(); s++) {
      String series = field(data.getSeriesKey(s).toString());
      for (int i = 0; i < data.getItemCount(s); i++) {
        text.append(series)
            .append(',')
            .append(number(data.getXValue(s, i)))
            .append(',')
            .append(number(data.getYValue(s, i)))
            .append(',');
        if (bands != null) {
          text.append(number(bands.getStartYValue(s, i)))
              .append(',')
              .append(number(bands.getEndYValue(s, i)));
        } else {
          text.append(',');
        }
        text.append('\n');
      }
    }
  }

  private static void appendCategory(StringBuilder text, CategoryDataset data) {
    for (int r = 0; r < data.getRowCount(); r++) {
      for (int c = 0; c < data.getColumnCount(); c++) {
        Number value = data.getValue(r, c);
        text.append(field(data.getRowKey(r).toString()))
            .append(',')
            .append(field(data.getColumnKey(c).toString()))
            .append(',')
            .append(value == null ? "" : number(value.doubleValue()))
            .append('\n');
      }
    }
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%s", value);
  }

  private static String field(String text) {
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? '"' + text.replace("\"", "\"\"") + '"'
        : text;
  }
}
