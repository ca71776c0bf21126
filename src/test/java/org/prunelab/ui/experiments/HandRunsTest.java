package org.prunelab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.experiment.ManualRuns;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxImportOptions;
import org.prunelab.nn.onnx.OnnxImporter;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.JobResult;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.NetworkComparison;
import org.prunelab.ui.TestWorkbenchContext;
import org.prunelab.ui.allocation.AllocationView;
import org.prunelab.ui.allocation.AllocationViewModel;
import org.prunelab.ui.chart.LiveCharts;
import org.prunelab.ui.model.ModelView;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The allocation view feeds the experiments charts: a Prune &amp; Retrain and a Prune of the
 * bundled LeNet-5 at 50 % of the parameters (optimal PFP allocation; one epoch on 5,000 training
 * images) are recorded in the watched store as runs made by hand, measured on clean, corrupted and
 * noisy test images, and appear as points of their own series on the experiments view's charts; an
 * allocation edited by hand is recorded as "manual"; the retrained network is saved as .plm and
 * .onnx with the recorded size.
 */
@ExtendWith(ApplicationExtension.class)
class HandRunsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(300);
  private static LoadedModel model;
  @TempDir Path dir;
  private TestWorkbenchContext context;
  private AllocationView allocation;
  private ExperimentsView experiments;
  private ModelView modelView;
  private Path store;

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
    context = new TestWorkbenchContext();
    context.setWindow(stage);
    allocation = new AllocationView(context);
    experiments = new ExperimentsView(context);
    modelView = new ModelView(context);
    SplitPane views = new SplitPane(allocation, experiments, modelView);
    VBox root = new VBox(views, context.jobPanel());
    VBox.setVgrow(views, Priority.ALWAYS);
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.open(model);
    store = dir.resolve("results.db");
    context
        .results()
        .open(
            store,
            e -> {
              throw new AssertionError("the test store could not be opened", e);
            });
  }

  @AfterEach
  void stop() {
    runFx(() -> context.open(null));
    context.close();
  }

  private AllocationViewModel vm() {
    return allocation.viewModel();
  }

  private Optional<JFreeChart> chart(String id) {
    return LiveCharts.chart(experiments, id);
  }

  /** Series keys and their point counts in the first dataset of an XY chart. */
  private static List<String> series(JFreeChart chart) {
    XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
    List<String> keys = new java.util.ArrayList<>();
    for (int s = 0; s < data.getSeriesCount(); s++) {
      keys.add(data.getSeriesKey(s) + "=" + data.getItemCount(s));
    }
    return keys;
  }

  private String awaitPruned(String what) {
    await(
        what,
        TIMEOUT,
        () -> {
          String text = vm().actions().pruneTextProperty().get();
          return text.contains("recorded as") || text.contains("failed");
        });
    return onFx(() -> vm().actions().pruneTextProperty().get());
  }

  @Test
  void pruneAndRetrainAddAPointToTheExperimentsChartsAndTheRetrainedNetworkIsSaved()
      throws Exception {
    await(
        "scores and the watched store",
        Duration.ofSeconds(120),
        () ->
            vm().editor().calculatorProperty().get() != null
                && context.results().location().get() != null);
    assertTrue(onFx(() -> vm().editor().applyBudget(0.5)));
    long params = onFx(() -> vm().summary().totalsProperty().get().parameters());

    runFx(() -> vm().actions().retrainEpochsProperty().set(1));
    runFx(() -> vm().actions().retrainImagesProperty().set(5000));
    runFx(() -> vm().actions().pruneAndRetrain());
    String retrained = awaitPruned("Prune & Retrain to be recorded");
    assertTrue(retrained.endsWith("; recorded as pfp-optimal+1ep in results.db"), () -> retrained);
    assertTrue(retrained.contains(String.format(Locale.ROOT, "%,d parameters", params)), retrained);

    await(
        "the run on the experiments chart",
        Duration.ofSeconds(20),
        () ->
            chart("experiments-params")
                .map(c -> series(c).equals(List.of("pfp-optimal+1ep=1")))
                .orElse(false));
    assertEquals(
        "by hand: lenet5-fashion-mnist.plm (2 runs)",
        onFx(() -> experiments.viewModel().selectedProperty().get().toString()));
    Sweep hand = onFx(() -> experiments.viewModel().sweepProperty().get());
    JobResult run = hand.pruned().get(0);
    assertEquals(params, run.realisedParams());
    assertEquals(
        List.of("clean", "gaussian_noise/3", "fog/3", "noise/0.05", "noise/0.1"),
        run.metrics().stream().map(DistributionMetric::distribution).toList());
    assertEquals(ManualRuns.specHash(model.source(), model.dataset()), run.key().specHash());
    assertTrue(run.retrainTime().toMillis() > 0, "retraining took time: " + run.retrainTime());

    // the retrained network, saved in both formats, has the recorded size
    Path plm = dir.resolve("retrained.plm");
    Path onnx = dir.resolve("retrained.onnx");
    runFx(() -> vm().actions().saveRetrained(plm));
    runFx(() -> vm().actions().saveRetrained(onnx));
    WorkbenchFixture.awaitJob(
        onFx(() -> context.jobs().submit("after the saves", ctx -> true, v -> {}, e -> {})));
    try (Network back = Checkpoint.load(plm, Devices.preferred())) {
      assertEquals(params, back.parameterCount());
    }
    try (Network back = OnnxImporter.load(onnx, OnnxImportOptions.on(Devices.preferred()))) {
      assertEquals(params, back.parameterCount());
    }

    // Prune without retraining, then an allocation edited by hand: two more series
    runFx(() -> vm().actions().prune());
    String pruned = awaitPruned("Prune to be recorded");
    assertTrue(pruned.endsWith("; recorded as pfp-optimal in results.db"), pruned);

    // Before / after: the model view shows the pruned network beside the original
    runFx(() -> allocation.lookup("#allocation-before-after").fireEvent(new ActionEvent()));
    assertEquals(List.of("Model"), context.shownViews());
    NetworkComparison shown = onFx(() -> context.comparison().get());
    assertEquals(params, shown.paramsAfter());
    assertEquals(model.network().parameterCount(), shown.paramsBefore());
    assertEquals(
        model.summary().layers().size(),
        onFx(() -> ((TableView<?>) modelView.lookup("#model-compare-table")).getItems().size()));
    String totals = onFx(() -> ((Label) modelView.lookup("#model-compare-totals")).getText());
    assertTrue(
        totals.startsWith(
            String.format(
                Locale.ROOT,
                "lenet5-fashion-mnist.plm → pfp-optimal: parameters %,d → %,d",
                shown.paramsBefore(),
                params)),
        totals);
    int conv2 = onFx(() -> vm().editor().calculatorProperty().get().ids().indexOf("conv2"));
    runFx(() -> vm().editor().editRatio(conv2, 0.3));
    runFx(() -> vm().actions().prune());
    await(
        "the edited allocation to be recorded",
        TIMEOUT,
        () ->
            vm().actions()
                .pruneTextProperty()
                .get()
                .endsWith("recorded as pfp-manual in results.db"));
    await(
        "three series on the chart",
        Duration.ofSeconds(20),
        () -> chart("experiments-params").map(c -> series(c).size() == 3).orElse(false));
    assertEquals(
        List.of("pfp-manual=1", "pfp-optimal+1ep=1", "pfp-optimal=1"),
        series(chart("experiments-params").orElseThrow()).stream().sorted().toList(),
        "one series per method");
  }
}
