package org.prunelab.ui.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxImportOptions;
import org.prunelab.nn.onnx.OnnxImporter;
import org.prunelab.prune.Surgery;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.TestWorkbenchContext;
import org.prunelab.ui.shell.ErrorDialog;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real allocation view on the bundled trained LeNet-5 (Fashion-MNIST): scoring, dragging
 * a bar with the mouse, undo, the budget slider with the optimal allocator, an impossible budget,
 * Prune, and the PNG and ONNX exports. Sizes are checked against networks actually built by
 * surgery.
 */
@ExtendWith(ApplicationExtension.class)
class AllocationViewTest {
  private static LoadedModel model;
  private TestWorkbenchContext context;
  private AllocationView view;
  private Stage stage;

  @BeforeAll
  static void load() {
    model = TestWorkbenchContext.lenet5();
  }

  @AfterAll
  static void close() {
    model.network().close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    context = new TestWorkbenchContext();
    context.setWindow(stage);
    view = new AllocationView(context);
    view.viewModel().scoring().samplesProperty().set(64);
    stage.setScene(new Scene(new javafx.scene.layout.VBox(view, context.jobPanel()), 1280, 800));
    javafx.scene.layout.VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
    stage.show();
    context.open(model);
  }

  @AfterEach
  void stop() {
    runFx(() -> context.open(null));
    context.close();
  }

  private AllocationViewModel vm() {
    return view.viewModel();
  }

  private void awaitScored() {
    await(
        "the view to settle",
        Duration.ofSeconds(120),
        () -> vm().editor().calculatorProperty().get() != null && view.chartBox() != null);
  }

  private void awaitMeasured() {
    await(
        "the view to settle",
        Duration.ofSeconds(120),
        () -> vm().measurement().measuredProperty().get());
  }

  private double[] ratios() {
    return onFx(() -> vm().editor().state().ratios());
  }

  private long parameters() {
    return onFx(() -> vm().summary().totalsProperty().get().parameters());
  }

  /** Screen point of group {@code u}'s bar row at keep ratio {@code ratio}. */
  private Point2D barPoint(int u, double ratio) {
    return onFx(
        () -> {
          ChartCanvas canvas = view.chartBox().viewer().getCanvas();
          CategoryPlot plot = canvas.getChart().getCategoryPlot();
          Rectangle2D area = canvas.getRenderingInfo().getPlotInfo().getDataArea();
          int n = plot.getDataset().getColumnCount();
          double y = plot.getDomainAxis().getCategoryMiddle(u, n, area, plot.getDomainAxisEdge());
          double x = plot.getRangeAxis().valueToJava2D(100 * ratio, area, plot.getRangeAxisEdge());
          return canvas.localToScreen(x, y);
        });
  }

  @Test
  void dragUndoBudgetPruneAndExport(FxRobot robot, @TempDir Path dir) throws Exception {
    awaitScored();
    awaitMeasured();
    long full = model.network().parameterCount();
    assertEquals(full, parameters(), "all ratios 1 give the unpruned network's parameter count");
    int conv2 =
        onFx(
            () ->
                vm().summary().rows().stream()
                    .filter(r -> r.id().equals("conv2"))
                    .findFirst()
                    .orElseThrow()
                    .index());
    int channels = onFx(() -> vm().summary().rows().get(conv2).channels());

    // drag conv2's bar from 100 % to 30 % (a pixel is about 0.2 %: within one channel of 30 %)
    robot
        .moveTo(barPoint(conv2, 0.99))
        .press(MouseButton.PRIMARY)
        .moveTo(barPoint(conv2, 0.6))
        .moveTo(barPoint(conv2, 0.3))
        .release(MouseButton.PRIMARY);
    double dragged = ratios()[conv2];
    int keep = (int) Math.round(dragged * channels);
    assertEquals(keep, dragged * channels, 1e-9, "the ratio snaps to whole channels");
    assertEquals(0.3, dragged, 1.0 / channels + 1e-9, "the dragged bar follows the mouse to 30 %");
    int[] first = new int[keep];
    Arrays.setAll(first, i -> i);
    long expected;
    try (Network pruned = Surgery.keep(model.network(), Map.of("conv2", first))) {
      expected = pruned.parameterCount();
    }
    assertEquals(
        expected, parameters(), "totals equal the parameter count of the network surgery builds");
    assertTrue(onFx(() -> context.history().undoTextProperty().get()).contains("conv2"));
    awaitMeasured();
    assertTrue(
        onFx(() -> vm().measurement().measuredTextProperty().get()).startsWith("measured top-1"));

    // undo the drag with the Undo button
    robot.clickOn("#allocation-undo");
    assertEquals(1.0, ratios()[conv2], 0);
    assertEquals(full, parameters());

    // the budget slider with the optimal allocator: click the track at about 10 %
    assertEquals(AllocatorKind.OPTIMAL, onFx(() -> vm().editor().allocatorProperty().get()));
    Point2D track =
        onFx(
            () -> {
              Node slider = stage.getScene().lookup("#allocation-budget");
              Node t = slider.lookup(".track");
              javafx.geometry.Bounds b = t.localToScreen(t.getBoundsInLocal());
              return new Point2D(b.getMinX() + 0.1 * b.getWidth(), b.getCenterY());
            });
    robot.clickOn(track);
    double budget = onFx(() -> vm().editor().budgetProperty().get());
    assertTrue(budget > 0.05 && budget < 0.2, "the slider moved to about 10 %: " + budget);
    double[] allocated = ratios();
    for (int u = 0; u < allocated.length; u++) {
      assertTrue(allocated[u] < 1, "group " + u + " changed: " + allocated[u]);
    }
    assertTrue(parameters() <= budget * full, "the optimal allocation meets the budget");

    // Prune: the pruned network has exactly the predicted parameters
    robot.clickOn("#allocation-prune");
    await(
        "the view to settle",
        Duration.ofSeconds(120),
        () -> vm().actions().pruneTextProperty().get().contains("measured top-1"));
    String pruned = onFx(() -> vm().actions().pruneTextProperty().get());
    assertTrue(
        pruned.contains(String.format(java.util.Locale.ROOT, "%,d parameters", parameters())),
        pruned);

    // exports: the chart as PNG, the pruned network as ONNX (re-imported: same parameter count)
    Path png = dir.resolve("allocation.png");
    runFx(() -> view.chartBox().export(png, 800, 500));
    assertTrue(Files.size(png) > 1000);
    Path onnx = dir.resolve("pruned.onnx");
    boolean[] done = new boolean[1];
    runFx(() -> vm().actions().exportOnnx(onnx, () -> done[0] = true));
    await("the view to settle", Duration.ofSeconds(120), () -> done[0]);
    try (Network back = OnnxImporter.load(onnx, OnnxImportOptions.on(Devices.preferred()))) {
      assertEquals(parameters(), back.parameterCount());
    }
    Path json = dir.resolve("allocation.csv");
    assertTrue(onFx(() -> vm().actions().exportAllocation(json)));
    assertEquals(allocated.length + 1, Files.readAllLines(json).size());
    WorkbenchFixture.screenshot(stage.getScene(), "allocation.png");
  }

  private void typeBudget(FxRobot robot, String text) {
    runFx(
        () ->
            ((javafx.scene.control.TextField) stage.getScene().lookup("#allocation-budget-field"))
                .clear());
    robot.clickOn("#allocation-budget-field").write(text).type(KeyCode.ENTER);
  }

  @Test
  void impossibleBudgetShowsDialogAndKeepsState(FxRobot robot) {
    awaitScored();
    typeBudget(robot, "0.5");
    double[] before = ratios();
    long parameters = parameters();
    assertTrue(Arrays.stream(before).anyMatch(r -> r < 1));
    typeBudget(robot, "0.0001");
    DialogPane dialog =
        onFx(
            () ->
                Window.getWindows().stream()
                    .map(w -> w.getScene().getRoot())
                    .filter(r -> ErrorDialog.PANE_ID.equals(r.getId()))
                    .map(r -> (DialogPane) r)
                    .findFirst()
                    .orElse(null));
    assertTrue(dialog != null, "a dialog names the problem");
    String text = onFx(() -> ((Label) dialog.getContent()).getText());
    assertTrue(text.contains("below the smallest network"), text);
    assertTrue(Arrays.equals(before, ratios()), "ratios unchanged");
    assertEquals(parameters, parameters());
    assertEquals(0.5, onFx(() -> vm().editor().budgetProperty().get()), 0);
    assertTrue(
        onFx(() -> context.history().undoTextProperty().get()).contains("50.0 %"),
        "the refused budget recorded no edit");
  }
}
