package org.prunelab.ui.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ScoredModel;
import org.prunelab.ui.TestWorkbenchContext;
import org.prunelab.ui.chart.ChartBox;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real sensitivity view on the bundled trained LeNet-5: Run scores it with PFP as a job,
 * the charts and the channel table fill, the table ranks the selected group's channels by
 * importance, and the selection follows the workbench's selected layer both ways.
 */
@ExtendWith(ApplicationExtension.class)
class SensitivityViewTest {
  private static LoadedModel model;
  private TestWorkbenchContext context;
  private SensitivityView view;
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
    view = new SensitivityView(context);
    VBox root = new VBox(view, context.jobPanel());
    VBox.setVgrow(view, Priority.ALWAYS);
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.open(model);
  }

  @AfterEach
  void stop() {
    runFx(() -> context.open(null));
    context.close();
  }

  /** Titles of the charts in the view's chart slots, in slot order. */
  private List<String> chartTitles() {
    return view.lookupAll(".chart-slot").stream()
        .flatMap(slot -> ((javafx.scene.layout.StackPane) slot).getChildren().stream())
        .filter(n -> n instanceof ChartBox)
        .map(n -> ((ChartBox) n).chart().getTitle().getText())
        .toList();
  }

  @Test
  void runShowsDistributionsCurvesAndRankedChannels(FxRobot robot) {
    runFx(() -> view.viewModel().samplesProperty().set(64));
    robot.clickOn("#sensitivity-run");
    await(
        "the view to settle",
        Duration.ofSeconds(120),
        () -> view.viewModel().resultProperty().get() != null);
    SensitivityViewModel vm = view.viewModel();
    ScoredModel scored = onFx(() -> vm.resultProperty().get());
    assertEquals(CompressionMethod.PFP, scored.method());
    assertEquals(64, scored.samples());
    assertEquals(List.of("conv1", "conv2", "fc1"), onFx(() -> List.copyOf(vm.groups())));
    assertTrue(onFx(() -> vm.channelImportance().isPresent() && vm.sensitivitySums().isPresent()));

    // the workbench selects conv2 elsewhere: the view follows; the table ranks conv2's channels
    runFx(() -> context.selectedLayer().set("conv2"));
    assertEquals("conv2", onFx(() -> vm.selectedGroupProperty().get()));
    assertEquals(
        List.of(
            "Channel sensitivity per group (pfp)",
            "Sum of sensitivities per layer (pfp)",
            "Layer error vs keep ratio"),
        onFx(this::chartTitles),
        "the view draws the box plot, the S_l bars and conv2's error curve");
    float[] importance =
        scored.problem().units().stream()
            .filter(u -> u.id().equals("conv2"))
            .findFirst()
            .map(AllocationUnit::importance)
            .orElseThrow();
    List<ChannelRank> rows = onFx(() -> List.copyOf(vm.channels()));
    assertEquals(2 * SensitivityViewModel.TOP_K, rows.size());
    int strongest = 0;
    int weakest = 0;
    for (int c = 1; c < importance.length; c++) {
      strongest = importance[c] > importance[strongest] ? c : strongest;
      weakest = importance[c] < importance[weakest] ? c : weakest;
    }
    assertEquals(strongest, rows.get(0).channel(), "top 1 is the most important channel");
    assertEquals(
        weakest, rows.get(SensitivityViewModel.TOP_K).channel(), "bottom 1 is the least important");
    assertTrue(rows.get(0).importance() >= rows.get(1).importance());
    double[] curve = onFx(() -> vm.selectedCurve().orElseThrow().errors());
    assertEquals(
        0, curve[curve.length - 1], 1e-6, "keeping every channel changes nothing: eps(1) = 0");
    assertTrue(curve[0] > curve[curve.length - 2], "keeping 5 % errs more than keeping 95 %");

    // choosing a group in the view selects it in the workbench
    robot.clickOn("#sensitivity-group").clickOn("fc1");
    assertEquals("fc1", onFx(() -> context.selectedLayer().get()));
    WorkbenchFixture.screenshot(stage.getScene(), "sensitivity.png");
  }
}
