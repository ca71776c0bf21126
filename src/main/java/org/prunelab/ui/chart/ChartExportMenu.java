package org.prunelab.ui.chart;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.prunelab.chart.FigureExport;

/**
 * The right-click menu of a chart in the workbench: export the shown chart as PNG (96 or 192 dpi),
 * SVG or PDF at one of {@link #SIZES} through {@link FigureExport} (the code the CLI uses), and
 * copy it to the clipboard as an image of its shown size. Failures go to the error handler (a
 * dialog in the views).
 */
public final class ChartExportMenu {
  /**
   * Figure sizes offered in the export menus, width x height (pixels for PNG, points for SVG/PDF).
   */
  public static final List<int[]> SIZES =
      List.of(new int[] {800, 500}, new int[] {1200, 800}, new int[] {2400, 1600});

  private final Node owner;
  private final Supplier<JFreeChart> chart;
  private final Consumer<Throwable> onError;

  private ChartExportMenu(Node owner, Supplier<JFreeChart> chart, Consumer<Throwable> onError) {
    this.owner = owner;
    this.chart = chart;
    this.onError = onError;
  }

  /**
   * The menu items for the chart {@code chart} returns (null while there is none) shown in {@code
   * owner}.
   */
  public static List<MenuItem> items(
      Node owner, Supplier<JFreeChart> chart, Consumer<Throwable> onError) {
    ChartExportMenu menu = new ChartExportMenu(owner, chart, onError);
    return List.of(
        menu.exportMenu("PNG", "png"),
        menu.exportMenu("SVG", "svg"),
        menu.exportMenu("PDF", "pdf"),
        new SeparatorMenuItem(),
        menu.copyItem());
  }

  /** Puts {@code chart} on the clipboard as an image of {@code owner}'s current size. */
  public static void copyToClipboard(JFreeChart chart, Node owner) {
    int w = Math.max(1, (int) Math.round(owner.getLayoutBounds().getWidth()));
    int h = Math.max(1, (int) Math.round(owner.getLayoutBounds().getHeight()));
    BufferedImage image = chart.createBufferedImage(w, h);
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
    copy.setOnAction(
        e -> {
          JFreeChart shown = chart.get();
          if (shown != null) {
            copyToClipboard(shown, owner);
          }
        });
    return copy;
  }

  private void chooseAndExport(String label, String extension, int width, int height, int scale) {
    JFreeChart shown = chart.get();
    if (shown == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export chart as " + label);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(label, "*." + extension));
    String title = shown.getTitle() == null ? "chart" : shown.getTitle().getText();
    chooser.setInitialFileName(
        title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT)
            + "."
            + extension);
    Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
    File file = chooser.showSaveDialog(window);
    if (file == null) {
      return;
    }
    Path path = file.toPath();
    if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
      path = path.resolveSibling(path.getFileName() + "." + extension);
    }
    try {
      FigureExport.write(shown, path, width, height, scale);
    } catch (RuntimeException ex) {
      onError.accept(ex);
    }
  }
}
