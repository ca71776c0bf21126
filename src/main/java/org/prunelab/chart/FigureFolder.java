package org.prunelab.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Writes a set of charts into one folder, each as {@code <name>.<format>} ({@link FigureExport},
 * the code {@code prunelab plot} uses) beside {@code <name>.csv} with the data behind it ({@link
 * FigureData}): what the workbench's "Export all figures" writes.
 */
public final class FigureFolder {
  /** The formats a folder of figures can be written in. */
  public static final List<String> FORMATS = List.of("png", "svg", "pdf");

  private FigureFolder() {}

  /**
   * Writes every chart of {@code charts} (file name stem to chart, in order) into {@code dir} as
   * {@code format} at {@code width} x {@code height}, each with its CSV; returns the files written,
   * figure then data per chart.
   *
   * @throws ChartException for an unknown format or a file that cannot be written
   */
  public static List<Path> write(
      Path dir, Map<String, JFreeChart> charts, String format, int width, int height) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new ChartException("figure format '" + format + "' is not one of " + FORMATS);
    }
    List<Path> written = new ArrayList<>();
    charts.forEach(
        (name, chart) -> {
          Path figure = dir.resolve(name + "." + f);
          FigureExport.write(chart, figure, width, height);
          Path data = dir.resolve(name + ".csv");
          FigureData.writeCsv(chart, data);
          written.add(figure);
          written.add(data);
        });
    return written;
  }
}
