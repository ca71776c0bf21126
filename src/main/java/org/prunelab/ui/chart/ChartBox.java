package org.prunelab.ui.chart;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.prunelab.chart.FigureExport;

/**
 * A JFreeChart drawn on the FX thread in the workbench: the FX chart viewer (tooltips on hover, no
 * mouse zoom) with the {@link ChartExportMenu} on right-click. For charts the user edits with the
 * mouse (the allocation view's bars) and those redrawn only on a user's action; charts that follow
 * a running job use {@link LiveChartBox}, which draws off the FX thread.
 */
public final class ChartBox extends StackPane {
  private final ChartViewer viewer;

  /** A box showing {@code chart}; export errors go to {@code onError}. */
  public ChartBox(JFreeChart chart, Consumer<Throwable> onError) {
    this.viewer = new ChartViewer(chart, true);
    viewer.getCanvas().setDomainZoomable(false);
    viewer.getCanvas().setRangeZoomable(false);
    for (String handler : List.of("zoom", "pan", "scroll")) {
      MouseHandlerFX h = viewer.getCanvas().getMouseHandler(handler);
      if (h != null) {
        viewer.getCanvas().removeMouseHandler(h);
      }
    }
    viewer.getContextMenu().getItems().setAll(ChartExportMenu.items(this, this::chart, onError));
    setMinSize(200, 150);
    getChildren().add(viewer);
  }

  /** The chart shown now. */
  public JFreeChart chart() {
    return viewer.getChart();
  }

  /** Shows another chart (FX thread). */
  public void setChart(JFreeChart chart) {
    viewer.setChart(chart);
  }

  /** The FX viewer, for views that add mouse interaction (bar dragging). */
  public ChartViewer viewer() {
    return viewer;
  }

  /**
   * Writes the shown chart to {@code file} (format from its extension) at {@code width} x {@code
   * height}.
   */
  public void export(Path file, int width, int height) {
    FigureExport.write(viewer.getChart(), file, width, height);
  }
}
