package org.prunelab.ui.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.chart.AgreementPoint;
import org.prunelab.chart.MethodExcessPoint;
import org.prunelab.experiment.ExperimentRunner;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.metrics.ExcessErrors;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.metrics.SweepFixture;
import org.prunelab.experiment.report.FigureInputs;
import org.prunelab.job.JobContext;
import org.prunelab.results.ResultsStore;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.TestWorkbenchContext;
import org.prunelab.ui.chart.LiveCharts;
import org.prunelab.ui.experiments.ExperimentRow;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real robustness view on the bundled trained LeNet-5 with a real device worker and a
 * real SQLite results store filled by real sweeps ({@link ExperimentRunner}): pfp and ft at keep
 * 0.5 and 0.3 on clean, fog/3, gaussian_noise/3 and noise 0.05 and 0.1 (200 test images), a sweep
 * on the clean test set only, and the hand-made SweepFixture (no functional similarity). The
 * excess-error chart populates as the sweep's jobs land, with FigureInputs' numbers; the agreement
 * chart has a point per noise level; the gallery has the size its layout implies; an experiment
 * without corruptions or without similarity gets a placeholder saying what is missing.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessViewTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir static Path dir;
  private static LoadedModel model;
  private static Path store;
  private static ExperimentSpec robust;
  private TestWorkbenchContext context;
  private RobustnessView view;

  @BeforeAll
  static void fillStore() {
    model = TestWorkbenchContext.lenet5();
    store = dir.resolve("results.db");
    robust =
        spec(
            "robust sweep",
            "[pfp, ft]",
            "[0.5, 0.3]",
            "{clean: true, corruptions: [fog, gaussian_noise], severities: [3],"
                + " noise: [0.05, 0.1], images: 200}");
    ExperimentSpec cleanOnly = spec("clean only", "[ft]", "[0.5]", "{clean: true, images: 200}");
    try (ResultsStore s = ResultsStore.open(store)) {
      // the reference and pfp at both ratios now; ft lands while the view watches
      new ExperimentRunner(robust, s, 3).run(JobContext.silent());
      new ExperimentRunner(cleanOnly, s, 0).run(JobContext.silent());
    }
    SweepFixture.write(dir.resolve("fixture.db"));
    try (ResultsStore fixture = ResultsStore.open(dir.resolve("fixture.db"));
        ResultsStore s = ResultsStore.open(store)) {
      s.recordExperiment(fixture.experiment(SweepFixture.SPEC));
      fixture.results(SweepFixture.SPEC).forEach(s::record);
    }
  }

  private static ExperimentSpec spec(String name, String methods, String keeps, String test) {
    return ExperimentSpecs.parse(
        """
        name: %s
        network: %s
        dataset: fashion-mnist
        methods: %s
        keep: {list: %s}
        test: %s
        seed: 1
        """
            .formatted(name, WorkbenchFixture.lenet5(), methods, keeps, test));
  }

  @AfterAll
  static void close() {
    model.network().close();
  }

  @Start
  void start(Stage stage) {
    context = new TestWorkbenchContext();
    context.setWindow(stage);
    view = new RobustnessView(context);
    VBox root = new VBox(view, context.jobPanel());
    VBox.setVgrow(view, Priority.ALWAYS);
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.open(model);
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
    WorkbenchFixture.closeErrorDialogs();
    runFx(() -> context.open(null));
    context.close();
  }

  @Test
  void theExcessErrorChartPopulatesAsTheSweepLandsWithFigureInputsNumbers() {
    RobustnessViewModel vm = view.viewModel();
    await("the store's three experiments", WAIT, () -> onFx(() -> vm.experiments().size()) == 3);
    select("robust sweep");
    assertEquals(
        List.of("fog/3", "gaussian_noise/3", "noise/0.05", "noise/0.1", ExcessErrors.AVERAGED),
        onFx(() -> List.copyOf(vm.distributions())));
    assertEquals("fog/3", onFx(() -> vm.distributionProperty().get()));
    XYDataset partial = xy("robustness-excess");
    assertEquals(1, partial.getSeriesCount(), "only pfp has landed");
    assertEquals("pfp", partial.getSeriesKey(0));
    assertEquals(2, partial.getItemCount(0));

    try (ResultsStore s = ResultsStore.open(store)) {
      new ExperimentRunner(robust, s, 0).run(JobContext.silent());
    }
    context.results().refresh();
    await("ft's jobs on the excess-error chart", WAIT, () -> series("robustness-excess") == 2);
    WaitForAsyncUtils.waitForFxEvents();

    Sweep sweep = onFx(vm::sweep);
    List<MethodExcessPoint> expected = FigureInputs.excessErrorByMethod(sweep, "fog/3");
    assertEquals(4, expected.size(), "two methods at two keep ratios");
    XYDataset excess = xy("robustness-excess");
    assertEquals(2, excess.getSeriesCount());
    for (int s = 0; s < 2; s++) {
      String method = excess.getSeriesKey(s).toString();
      List<MethodExcessPoint> mine =
          expected.stream()
              .filter(p -> p.method().equals(method))
              .sorted((a, b) -> Double.compare(a.pruneRatio(), b.pruneRatio()))
              .toList();
      assertEquals(2, excess.getItemCount(s), method);
      for (int i = 0; i < 2; i++) {
        assertEquals(100 * mine.get(i).pruneRatio(), excess.getXValue(s, i), 1e-9, method);
        assertEquals(mine.get(i).excessError(), excess.getYValue(s, i), 1e-9, method);
      }
    }
    assertEquals("Excess error on fog/3", chart("robustness-excess").getTitle().getText());
    runFx(() -> vm.distributionProperty().set(ExcessErrors.AVERAGED));
    assertEquals(
        FigureInputs.excessErrorByMethod(sweep, ExcessErrors.AVERAGED).get(0).excessError(),
        xy("robustness-excess").getYValue(0, 0),
        1e-9);
    runFx(() -> vm.distributionProperty().set("gaussian_noise/3"));
    assertEquals(
        "Excess error on gaussian_noise/3", chart("robustness-excess").getTitle().getText());
    assertEquals(
        FigureInputs.excessErrorByMethod(sweep, "gaussian_noise/3").get(0).excessError(),
        xy("robustness-excess").getYValue(0, 0),
        1e-9);

    CategoryDataset potential =
        ((CategoryPlot) chart("robustness-potential").getPlot()).getDataset();
    assertEquals(List.of("clean", "corrupted"), potential.getRowKeys());
    assertEquals(List.of("ft", "pfp"), potential.getColumnKeys());

    assertEquals(0.3, onFx(() -> vm.keepRatioProperty().get()), "the smallest keep by default");
    List<AgreementPoint> agreement = FigureInputs.agreement(sweep, onFx(vm::similarity), 0.3);
    XYDataset agree = xy("robustness-agreement");
    assertEquals(2, agree.getSeriesCount());
    for (int s = 0; s < 2; s++) {
      assertEquals(15, agree.getItemCount(s), "the paper's eps 0, 0.05, ..., 0.7");
      for (int i = 0; i < 15; i++) {
        assertEquals(0.05 * i, agree.getXValue(s, i), 1e-12);
      }
    }
    AgreementPoint first = agreement.get(0);
    assertEquals(agree.getSeriesKey(0), first.method());
    assertEquals(100 * first.agreement(), agree.getYValue(0, 0), 1e-9);
    WorkbenchFixture.screenshot(view.getScene(), "robustness-view-test.png");
  }

  @Test
  void anExperimentWithoutCorruptionsOrSimilaritySaysWhatIsMissing() {
    RobustnessViewModel vm = view.viewModel();
    await("the store's three experiments", WAIT, () -> onFx(() -> vm.experiments().size()) == 3);
    assertEquals("clean only (2/2 jobs)", onFx(() -> vm.selectedProperty().get().toString()));
    String none = placeholder("robustness-excess");
    assertTrue(
        none.startsWith("this experiment tested no corruption: add corruptions"), "was: " + none);
    assertEquals(none, placeholder("robustness-potential"));
    assertEquals(15, xy("robustness-agreement").getItemCount(0), "the paper's 15 levels");

    select(SweepFixture.NAME);
    XYDataset fixture = xy("robustness-excess");
    assertEquals(2, fixture.getSeriesCount(), "the fixture has corruptions");
    assertEquals(4, fixture.getItemCount(0), "and four keep ratios");
    String noSimilarity = placeholder("robustness-agreement");
    assertTrue(noSimilarity.contains("no functional similarity"), noSimilarity);
  }

  @Test
  void theGalleryShowsTheChosenTestImageAtTheSizeItsLayoutImplies() {
    GalleryModel gallery = view.viewModel().gallery();
    await(
        "the gallery of test image 0",
        WAIT,
        () -> onFx(() -> gallery.imageProperty().get()) != null);
    runFx(() -> gallery.imageIndexProperty().set(7));
    await(
        "the gallery of test image 7",
        WAIT,
        () ->
            onFx(() -> gallery.descriptionProperty().get())
                .equals("test image 7 of 10000: " + className(7)));
    BufferedImage image = onFx(() -> gallery.imageProperty().get());
    // 28 x 28 Fashion-MNIST tiles enlarged 64 / 28 = 2 times: 56 px; 6 columns (clean, 1-5)
    // width: margin 8 + labels 110 + 6 * 56 + 5 gaps of 2 + margin 8 = 472
    // height: margin 8 + header 20 + 5 family headings of 18 + 27 rows of 56 + 2 + margin 8 = 1692
    assertEquals(472, image.getWidth());
    assertEquals(1692, image.getHeight());
    ImageView shown = onFx(() -> (ImageView) view.lookup("#robustness-gallery"));
    assertNotNull(onFx(shown::getImage));
    assertEquals(472, onFx(() -> shown.getImage().getWidth()));
    assertEquals(
        7,
        onFx(
            () -> ((javafx.scene.control.Spinner<?>) view.lookup("#robustness-image")).getValue()));
  }

  private static String className(int index) {
    var test = model.data().test();
    return test.classNames().get(test.label(index));
  }

  private void select(String name) {
    RobustnessViewModel vm = view.viewModel();
    ExperimentRow row =
        onFx(
            () ->
                vm.experiments().stream()
                    .filter(r -> r.record().name().equals(name))
                    .findFirst()
                    .orElseThrow());
    runFx(() -> vm.selectedProperty().set(row));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The chart in slot {@code id} once drawn; fails when it shows a placeholder. */
  private JFreeChart chart(String id) {
    await(id + " to be drawn", WAIT, () -> LiveCharts.box(view, id).drawnProperty().get());
    return LiveCharts.chart(view, id)
        .orElseThrow(
            () ->
                new AssertionError(
                    id + " shows no chart but: " + LiveCharts.placeholder(view, id).orElse("?")));
  }

  private XYDataset xy(String id) {
    return ((XYPlot) chart(id).getPlot()).getDataset();
  }

  private int series(String id) {
    return LiveCharts.chart(view, id)
        .map(c -> ((XYPlot) c.getPlot()).getDataset().getSeriesCount())
        .orElse(0);
  }

  /** The placeholder text of slot {@code id} once drawn; fails when it shows a chart. */
  private String placeholder(String id) {
    await(id + " to be drawn", WAIT, () -> LiveCharts.box(view, id).drawnProperty().get());
    return LiveCharts.placeholder(view, id)
        .orElseThrow(() -> new AssertionError(id + " shows a chart, not a placeholder"));
  }
}
