package org.prunelab.ui.chart;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.prunelab.error.PruneLabException;

/**
 * Fills a view's chart slot: the chart a builder makes, in the slot's existing {@link ChartBox} so
 * a redraw keeps its size and mouse handlers, or a placeholder label (style class {@code
 * placeholder}) with the builder's {@link PruneLabException} message saying why there is none.
 */
public final class ChartSlot {
  private ChartSlot() {}

  /**
   * Shows what {@code build} makes in {@code slot}; a new box reports export errors to {@code
   * onError} and is handed to {@code onNewBox} (to add mouse handlers) before it is shown.
   */
  public static void fill(
      StackPane slot,
      Supplier<JFreeChart> build,
      Consumer<Throwable> onError,
      Consumer<ChartBox> onNewBox) {
    JFreeChart chart;
    try {
      chart = build.get();
    } catch (PruneLabException e) {
      Label placeholder = new Label(e.getMessage());
      placeholder.setWrapText(true);
      placeholder.getStyleClass().add("placeholder");
      slot.getChildren().setAll(placeholder);
      return;
    }
    if (!slot.getChildren().isEmpty() && slot.getChildren().get(0) instanceof ChartBox box) {
      box.setChart(chart);
      return;
    }
    ChartBox box = new ChartBox(chart, onError);
    onNewBox.accept(box);
    slot.getChildren().setAll(box);
  }
}
