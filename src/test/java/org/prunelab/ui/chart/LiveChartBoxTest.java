package org.prunelab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prunelab.error.PruneLabException;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A {@link LiveChartBox} in a 600x400 scene: its chart is built off the FX thread, a click on a
 * drawn point reports that point's entity (its place taken from the same chart rendered here with
 * JFreeChart's own entity info), a builder's {@link PruneLabException} becomes the placeholder, and
 * of requests made in a row only the newest is shown.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartBoxTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private LiveChartBox box;

  @Start
  void start(Stage stage) {
    box = new LiveChartBox("nothing yet", e -> {});
    stage.setScene(new Scene(new StackPane(box), 600, 400));
    stage.show();
  }

  private static JFreeChart chart(String title, double... ys) {
    XYSeries series = new XYSeries("s");
    for (int i = 0; i < ys.length; i++) {
      series.add(i, ys[i]);
    }
    return ChartFactory.createXYLineChart(title, "x", "y", new XYSeriesCollection(series));
  }

  private void awaitDrawn() {
    await("the chart to be drawn", WAIT, () -> box.drawnProperty().get());
  }

  @Test
  void aChartIsBuiltOffTheFxThreadAndAClickedPointReportsItsEntity() {
    AtomicReference<Boolean> builtOnFx = new AtomicReference<>();
    List<ChartEntity> clicked = new CopyOnWriteArrayList<>();
    runFx(
        () -> {
          box.setOnEntityClicked(clicked::add);
          box.show(
              () -> {
                builtOnFx.set(Platform.isFxApplicationThread());
                return chart("points", 1, 3, 2);
              });
        });
    awaitDrawn();
    assertEquals(false, builtOnFx.get(), "built on the chart thread");
    assertEquals("points", onFx(() -> box.chart().orElseThrow().getTitle().getText()));

    int width = onFx(() -> (int) Math.floor(box.getWidth()));
    int height = onFx(() -> (int) Math.floor(box.getHeight()));
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart("points", 1, 3, 2).createBufferedImage(width, height, info);
    XYItemEntity second =
        ((Collection<?>) info.getEntityCollection().getEntities())
            .stream()
                .map(e -> (ChartEntity) e)
                .filter(e -> e instanceof XYItemEntity i && i.getItem() == 1)
                .map(e -> (XYItemEntity) e)
                .findFirst()
                .orElseThrow();
    Rectangle2D at = second.getArea().getBounds2D();
    runFx(
        () ->
            Event.fireEvent(
                box,
                new MouseEvent(
                    MouseEvent.MOUSE_CLICKED,
                    at.getCenterX(),
                    at.getCenterY(),
                    0,
                    0,
                    MouseButton.PRIMARY,
                    1,
                    false,
                    false,
                    false,
                    false,
                    true,
                    false,
                    false,
                    true,
                    false,
                    false,
                    null)));
    assertEquals(1, clicked.size(), "one entity under the click");
    assertTrue(clicked.get(0) instanceof XYItemEntity);
    assertEquals(1, ((XYItemEntity) clicked.get(0)).getItem(), "the second point was clicked");
  }

  @Test
  void aBuilderProblemBecomesThePlaceholderAndOnlyTheNewestRequestIsShown() {
    runFx(
        () ->
            box.show(
                () -> {
                  throw new PruneLabException("no jobs have landed yet");
                }));
    awaitDrawn();
    assertTrue(onFx(() -> box.chart().isEmpty()));
    assertEquals(
        "no jobs have landed yet", onFx(() -> ((Label) box.lookup(".placeholder")).getText()));

    runFx(
        () -> {
          for (int i = 0; i < 20; i++) {
            String title = "request " + i;
            box.show(() -> chart(title, 1, 2));
          }
        });
    awaitDrawn();
    assertEquals("request 19", onFx(() -> box.chart().orElseThrow().getTitle().getText()));
    assertNotEquals(null, onFx(() -> box.lookup(".image-view")));
  }
}
