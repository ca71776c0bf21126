package org.prunelab.ui.chart;

import static org.prunelab.ui.shell.WorkbenchFixture.onFx;

import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;

/**
 * Test access to the {@link LiveChartBox} in a view's chart slot (CSS id), from the test thread or
 * the FX thread (inside an {@code await} condition).
 */
public final class LiveCharts {
  private LiveCharts() {}

  private static <T> T fx(Callable<T> action) {
    if (!Platform.isFxApplicationThread()) {
      return onFx(action);
    }
    try {
      return action.call();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The box in the slot with CSS id {@code id} of {@code view}. */
  public static LiveChartBox box(Node view, String id) {
    return fx(() -> (LiveChartBox) ((StackPane) view.lookup("#" + id)).getChildren().get(0));
  }

  /** The chart the slot shows once its newest request is drawn; empty for a placeholder. */
  public static Optional<JFreeChart> chart(Node view, String id) {
    LiveChartBox box = box(view, id);
    return fx(() -> box.drawnProperty().get() ? box.chart() : Optional.<JFreeChart>empty());
  }

  /** The placeholder's text once the slot's newest request is drawn, empty while a chart shows. */
  public static Optional<String> placeholder(Node view, String id) {
    LiveChartBox box = box(view, id);
    return fx(
        () ->
            box.drawnProperty().get() && box.chart().isEmpty()
                ? Optional.of(((Label) box.lookup(".placeholder")).getText())
                : Optional.<String>empty());
  }
}
