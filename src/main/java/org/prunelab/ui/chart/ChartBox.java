package org.prunelab.ui.chart;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.prunelab.chart.FigureExport;

/**
 * A JFreeChart in the workbench: the FX chart viewer (tooltips on hover, no mouse zoom) whose
 * right-click menu exports the shown chart as PNG (96 or 192 dpi), SVG or PDF at a chosen size
 * through {@link FigureExport} (the code the CLI uses) and copies it to the clipboard as an image.
 * Export failures go to the error handler (a dialog in the views).
 */
public final class ChartBox extends StackPane {
  /**
   * Figure sizes offered in the export menus, width x height (pixels for PNG, points for SVG/PDF).
   */
  public static final List<int[]> SIZES =
      List.of(new int[] {800, 500}, new int[] {1200, 800}, new int[] {2400, 1600});

  private final ChartViewer viewer;
  private final Consumer<Throwable> onError;

  /** A box showing {@code chart}; export errors go to {@code onError}. */
  public ChartBox(JFreeChart chart, Consumer<Throwable> onError) {
    this.viewer = new ChartViewer(chart, true);
    this.onError = onError;
    viewer.getCanvas().setDomainZoomable(false);
    viewer.getCanvas().setRangeZoomable(false);
    for (String handler : List.of("zoom", "pan", "scroll")) {
      MouseHandlerFX h = viewer.getCanvas().getMouseHandler(handler);
      if (h != null) {
        viewer.getCanvas().removeMouseHandler(h);
      }
    }
    viewer
        .getContextMenu()
        .getItems()
        .setAll(
            exportMenu("PNG", "png"),
            exportMenu("SVG", "svg"),
            exportMenu("PDF", "pdf"),
            new SeparatorMenuItem(),
            copyItem());
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

  /** Puts the shown chart on the clipboard as an image of its current size. */
  public void copyToClipboard() {
    int w = Math.max(1, (int) Math.round(getWidth()));
    int h = Math.max(1, (int) Math.round(getHeight()));
    BufferedImage image = viewer.getChart().createBufferedImage(w, h);
    ClipboardContent content = new ClipboardContent();
    content.putImage(SwingFXUtils.toFXImage(image, null));
    Clipboard.getSystemClipboard().setContent(content);
  }

  private Menu exportMenu(String label, String extension) {
    Menu menu = new Menu("Export as " + label);
    boolean png = "png".equals(extension);
    for (int[] size : SIZES) {
      for (int scale : png ? List.of(1, 2) : List.of(1)) {
        MenuItem item =
            new MenuItem(
                String.format(
                    Locale.ROOT,
                    "%d \u00d7 %d%s",
                    size[0],
                    size[1],
                    !png ? " pt" : scale == 1 ? " px (96 dpi)" : " at 2\u00d7 (192 dpi)"));
        item.setOnAction(e -> chooseAndExport(label, extension, size[0], size[1], scale));
        menu.getItems().add(item);
      }
    }
    return menu;
  }

  private MenuItem copyItem() {
    MenuItem copy = new MenuItem("Copy to clipboard");
    copy.setOnAction(e -> copyToClipboard());
    return copy;
  }

  private void chooseAndExport(String label, String extension, int width, int height, int scale) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export chart as " + label);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(label, "*." + extension));
    String title =
        viewer.getChart().getTitle() == null ? "chart" : viewer.getChart().getTitle().getText();
    chooser.setInitialFileName(
        title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT)
            + "."
            + extension);
    Window owner = getScene() == null ? null : getScene().getWindow();
    File file = chooser.showSaveDialog(owner);
    if (file == null) {
      return;
    }
    Path path = file.toPath();
    if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
      path = path.resolveSibling(path.getFileName() + "." + extension);
    }
    try {
      FigureExport.write(viewer.getChart(), path, width, height, scale);
    } catch (RuntimeException ex) {
      onError.accept(ex);
    }
  }
}
