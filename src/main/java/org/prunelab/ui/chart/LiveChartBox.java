package org.prunelab.ui.chart;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.prunelab.error.PruneLabException;
import org.prunelab.ui.FxThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chart that follows running jobs, drawn off the FX thread: {@link #show} hands a chart builder
 * to the one chart thread of the workbench, which builds the chart and rasterises it at the box's
 * size (and the screen's scale); the FX thread only swaps the finished image in. Drawing a chart on
 * the FX thread costs 10-25 ms of CPU (text measuring above all), and on a 2-core machine whose
 * cores both train, that much CPU per frame stretches a frame past 100 ms; an image costs the FX
 * thread almost nothing. Only the newest request of a box is drawn, and only while the box is shown
 * (a hidden view's charts are drawn when it is shown again). A builder that throws a {@link
 * PruneLabException} shows its message as a placeholder (style class {@code placeholder}). Hovering
 * a chart item shows its tooltip, clicking one reports its entity, and right-click offers the
 * {@link ChartExportMenu}. Style class {@code live-chart}. Each draw builds its chart anew, so the
 * chart the FX thread holds for export is never drawn by the chart thread. FX thread only, except
 * the builders.
 */
public final class LiveChartBox extends StackPane {
  private static final Logger LOG = LoggerFactory.getLogger(LiveChartBox.class);

  /** The chart thread: one for the workbench, a daemon that never holds the FX thread. */
  private static final ExecutorService CHARTS =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "prunelab-charts");
            t.setDaemon(true);
            return t;
          });

  private final ImageView image = new ImageView();
  private final Label placeholder = new Label();
  private final Tooltip tooltip = new Tooltip();
  private final ReadOnlyBooleanWrapper drawn = new ReadOnlyBooleanWrapper(false);
  private final ContextMenu menu;
  private Supplier<JFreeChart> build;
  private final AtomicLong requested = new AtomicLong();
  private JFreeChart chart;
  private EntityCollection entities;
  private Consumer<ChartEntity> onClick = e -> {};

  /** An empty box (a placeholder saying {@code empty}); export errors go to {@code onError}. */
  public LiveChartBox(String empty, Consumer<Throwable> onError) {
    placeholder.setText(empty);
    placeholder.setWrapText(true);
    placeholder.getStyleClass().add("placeholder");
    image.setManaged(false);
    image.setPreserveRatio(false);
    menu = new ContextMenu();
    menu.getItems().setAll(ChartExportMenu.items(this, () -> chart, onError));
    setMinSize(200, 150);
    getStyleClass().add("live-chart");
    getChildren().setAll(placeholder);
    widthProperty().addListener((o, a, b) -> redraw());
    heightProperty().addListener((o, a, b) -> redraw());
    sceneProperty().addListener((o, a, b) -> redraw());
    setOnMouseMoved(this::hover);
    setOnMouseClicked(this::clicked);
    setOnContextMenuRequested(
        e -> {
          if (chart != null) {
            menu.show(this, e.getScreenX(), e.getScreenY());
          }
        });
  }

  /**
   * Draws what {@code builder} makes, on the chart thread, replacing a draw still pending; the
   * builder must read only what it captured (no FX properties).
   */
  public void show(Supplier<JFreeChart> builder) {
    this.build = Objects.requireNonNull(builder, "builder");
    redraw();
  }

  /** Reports the entity under a click on the chart (an item, an axis, the plot). */
  public void setOnEntityClicked(Consumer<ChartEntity> action) {
    this.onClick = Objects.requireNonNull(action, "action");
  }

  /** The chart shown now, empty while a placeholder is shown. */
  public Optional<JFreeChart> chart() {
    return Optional.ofNullable(chart);
  }

  /** Whether the newest request has been drawn (tests wait for it). */
  public ReadOnlyBooleanProperty drawnProperty() {
    return drawn.getReadOnlyProperty();
  }

  private void redraw() {
    Supplier<JFreeChart> builder = build;
    int width = (int) Math.floor(getWidth());
    int height = (int) Math.floor(getHeight());
    long request = requested.incrementAndGet();
    drawn.set(false);
    if (builder == null || width <= 0 || height <= 0 || getScene() == null) {
      return; // drawn once the box is laid out and shown
    }
    double scale =
        getScene() == null || getScene().getWindow() == null
            ? 1
            : Math.max(1, getScene().getWindow().getOutputScaleX());
    CHARTS.execute(() -> draw(request, builder, width, height, scale));
  }

  /** On the chart thread: builds and rasterises, then hands the image to the FX thread. */
  private void draw(long request, Supplier<JFreeChart> builder, int width, int height, double s) {
    if (request != requested.get()) {
      return; // a newer request is queued behind this one
    }
    JFreeChart built;
    try {
      built = builder.get();
    } catch (PruneLabException e) {
      FxThread.run(() -> showPlaceholder(request, e.getMessage()));
      return;
    } catch (RuntimeException e) {
      LOG.warn("could not draw a chart", e);
      FxThread.run(() -> showPlaceholder(request, "could not draw this chart: " + e.getMessage()));
      return;
    }
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage pixels =
        built.createBufferedImage(
            (int) Math.round(width * s), (int) Math.round(height * s), width, height, info);
    Image fx = SwingFXUtils.toFXImage(pixels, null);
    FxThread.run(() -> showImage(request, built, fx, info.getEntityCollection(), width, height));
  }

  private void showPlaceholder(long request, String why) {
    if (request != requested.get()) {
      return;
    }
    chart = null;
    entities = null;
    placeholder.setText(why);
    getChildren().setAll(placeholder);
    drawn.set(true);
  }

  private void showImage(
      long request, JFreeChart built, Image fx, EntityCollection items, int width, int height) {
    if (request != requested.get()) {
      return;
    }
    chart = built;
    entities = items;
    image.setImage(fx);
    image.setFitWidth(width);
    image.setFitHeight(height);
    if (getChildren().size() != 1 || getChildren().get(0) != image) {
      getChildren().setAll(image);
    }
    drawn.set(true);
  }

  private Optional<ChartEntity> entityAt(MouseEvent e) {
    return entities == null
        ? Optional.empty()
        : Optional.ofNullable(entities.getEntity(e.getX(), e.getY()));
  }

  private void hover(MouseEvent e) {
    String text = entityAt(e).map(ChartEntity::getToolTipText).orElse(null);
    if (text == null) {
      Tooltip.uninstall(this, tooltip);
    } else if (!text.equals(tooltip.getText()) || !tooltip.isShowing()) {
      tooltip.setText(text);
      Tooltip.install(this, tooltip);
    }
  }

  private void clicked(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY) {
      entityAt(e).ifPresent(onClick);
    }
  }
}
