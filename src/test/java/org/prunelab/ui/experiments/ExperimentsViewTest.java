package org.prunelab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
import org.prunelab.Launcher;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.results.JobResult;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.ResultsFeed;
import org.prunelab.ui.TestWorkbenchContext;
import org.prunelab.ui.chart.LiveCharts;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real experiments view on the bundled trained LeNet-5 with a real device worker and a
 * real SQLite results store: a sweep queued from the form grows the accuracy chart point by point,
 * a job cancelled in the job panel is marked and missing from the store, a clicked run shows its
 * numbers and allocation, a sweep another JVM ({@code prunelab experiment run}) writes into the
 * watched store appears, and a spec file with a bad field gives a dialog and leaves the form as it
 * was.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsViewTest {
  private static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(240);
  private static LoadedModel model;
  @TempDir Path dir;
  private TestWorkbenchContext context;
  private ExperimentsView view;
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
    view = new ExperimentsView(context);
    VBox root = new VBox(view, context.jobPanel());
    VBox.setVgrow(view, Priority.ALWAYS);
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
    WorkbenchFixture.closeErrorDialogs();
    runFx(() -> context.open(null));
    context.close();
  }

  /** The chart the slot with CSS id {@code id} shows, if it has drawn one. */
  private Optional<JFreeChart> chart(String id) {
    return LiveCharts.chart(view, id);
  }

  /** The chart of slot {@code id} once its newest request is drawn, if it is a chart. */
  private Optional<JFreeChart> drawn(String id) {
    await(
        id + " to be drawn",
        Duration.ofSeconds(20),
        () -> LiveCharts.box(view, id).drawnProperty().get());
    return chart(id);
  }

  /** Points drawn in the first dataset of an XY chart, over all its series. */
  private static int points(JFreeChart chart) {
    XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
    int n = 0;
    for (int s = 0; s < data.getSeriesCount(); s++) {
      n += data.getItemCount(s);
    }
    return n;
  }

  private void fillSmallSweep(String name) {
    runFx(
        () -> {
          SweepForm form = view.viewModel().form();
          form.nameProperty().set(name);
          form.spacingProperty().set(SweepForm.Spacing.LIST);
          form.listProperty().set("0.5, 0.3");
          form.epochsProperty().set(0);
          form.testImagesProperty().set("200");
          form.cleanProperty().set(true);
          form.corruptions().setAll("fog");
          form.severitiesProperty().set("3");
        });
  }

  @Test
  void aQueuedSweepGrowsTheChartsPointByPointAndACancelledJobIsMarked(FxRobot robot)
      throws IOException {
    await(
        "the store to be watched",
        Duration.ofSeconds(30),
        () -> context.results().location().get() != null);
    fillSmallSweep("view sweep");
    assertEquals(
        List.of("pfp", "ft"),
        onFx(() -> view.viewModel().form().methods().stream().map(m -> m.cliName()).toList()));
    List<Integer> seen = new CopyOnWriteArrayList<>();
    runFx(
        () ->
            LiveCharts.box(view, "experiments-params")
                .drawnProperty()
                .addListener(
                    (o, was, now) -> {
                      if (now) {
                        chart("experiments-params").ifPresent(c -> seen.add(points(c)));
                      }
                    }));
    Button queue = robot.lookup("#sweep-queue").queryAs(Button.class);
    await("Queue to be enabled", Duration.ofSeconds(10), () -> !queue.isDisabled());
    runFx(queue::fire);

    String last = "view sweep: ft keep 0.30 rep 0";
    await(
        "the sweep's last job to be queued",
        SWEEP_TIMEOUT,
        () -> context.jobList().rows().stream().anyMatch(j -> j.name().equals(last)));
    Node row = WorkbenchFixture.jobRow(robot, last);
    Button cancel = robot.from(row).lookup(".button").queryAs(Button.class);
    runFx(cancel::fire);
    await("the sweep to end", SWEEP_TIMEOUT, () -> !view.viewModel().runningProperty().get());
    context.results().refresh();
    await(
        "the three finished jobs on the chart",
        Duration.ofSeconds(20),
        () -> chart("experiments-params").map(ExperimentsViewTest::points).orElse(0) == 3);
    WaitForAsyncUtils.waitForFxEvents();

    row = WorkbenchFixture.jobRow(robot, last);
    assertEquals(
        "cancelled", robot.from(row).lookup(".job-message").queryAs(Label.class).getText());
    Sweep sweep = onFx(() -> view.viewModel().sweepProperty().get());
    assertEquals(3, sweep.pruned().size(), "pfp 0.5, pfp 0.3 and ft 0.5 ran; ft 0.3 was cancelled");
    assertFalse(
        sweep.pruned().stream()
            .anyMatch(j -> j.key().method().equals("ft") && j.key().keepRatio() == 0.3));
    assertTrue(
        seen.stream().anyMatch(n -> n > 0 && n < 3),
        "the chart showed a partial sweep before it ended; point counts seen: " + seen);
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i) >= seen.get(i - 1), "points never vanish: " + seen);
    }
    assertEquals(3, points(drawn("experiments-flops").orElseThrow()));
    assertEquals(
        4, points(drawn("experiments-pareto").orElseThrow()), "the reference and three runs");
    assertTrue(drawn("experiments-potential").isPresent());
    assertEquals(
        "view sweep (4/5 jobs)", onFx(() -> view.viewModel().selectedProperty().get().toString()));

    JobResult pfp =
        sweep.jobs("pfp").stream()
            .filter(j -> j.key().keepRatio() == 0.5)
            .findFirst()
            .orElseThrow();
    double pruned = 100 * (1 - pfp.paramRatio());
    runFx(
        () ->
            view.viewModel()
                .selectPoint("pfp", pruned, ExperimentsViewModel.PointAxis.PRUNED_PARAMS));
    assertEquals(pfp.key(), onFx(() -> view.viewModel().selectedRunProperty().get().key()));
    String details = robot.lookup("#experiments-run-details").queryAs(TextArea.class).getText();
    assertTrue(details.startsWith("pfp keep 0.5000 rep 0 one-shot"), details);
    assertTrue(details.contains("\nfog/3"), details);
    assertTrue(
        details.contains(
            "params " + String.format(java.util.Locale.ROOT, "%,d", pfp.realisedParams())),
        details);
    assertTrue(drawn("experiments-run-allocation").isPresent(), "the run's allocation is drawn");
    assertFalse(robot.lookup("#experiments-open-run").queryAs(Button.class).isDisabled());
    WorkbenchFixture.screenshot(view.getScene(), "experiments-view-test.png");

    Path figures = dir.resolve("figures");
    List<Path> written = onFx(() -> view.exportAllFigures(figures, "png"));
    assertEquals(10, written.size(), "five charts, each a PNG and a CSV: " + written);
    for (Path f : written) {
      assertTrue(Files.size(f) > 100, f + " is not empty");
    }
    assertEquals(
        2 + 3,
        Files.readAllLines(figures.resolve("accuracy-vs-params.csv")).size(),
        "axis line, header and the three runs");

    runFx(() -> view.viewModel().openRun(pfp));
    await(
        "the rebuilt run to open",
        SWEEP_TIMEOUT,
        () -> context.model().get() != null && context.model().get() != model);
    LoadedModel opened = onFx(() -> context.model().get());
    try {
      assertTrue(opened.source().endsWith(".plm"), opened.source());
      assertTrue(Files.isRegularFile(Path.of(opened.source())), opened.source());
      assertEquals(dir.resolve("runs"), Path.of(opened.source()).getParent());
      assertEquals(
          pfp.realisedParams(),
          opened.network().parameterCount(),
          "the rebuilt network has the run's recorded size");
    } finally {
      runFx(() -> context.open(model));
      opened.network().close();
    }
  }

  @Test
  void aSweepAnotherProcessWritesAppearsWhileItRuns() throws Exception {
    await(
        "the store to be watched",
        Duration.ofSeconds(30),
        () -> context.results().location().get() != null);
    Path spec = dir.resolve("other.yaml");
    Files.writeString(
        spec,
        """
        name: other process
        network: %s
        dataset: fashion-mnist
        methods: [pfp]
        keep: {list: [0.6, 0.4]}
        test: {clean: true, images: 200}
        seed: 3
        """
            .formatted(WorkbenchFixture.lenet5()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                Launcher.class.getName(),
                "experiment",
                "run",
                spec.toString(),
                "--store",
                store.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      assertTrue(child.waitFor(SWEEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the child ran");
      assertEquals(0, child.exitValue(), () -> log(dir.resolve("child.log")));
    } finally {
      child.destroyForcibly();
    }
    await(
        "the other process's sweep in the view (polled every "
            + ResultsFeed.POLL.toSeconds()
            + " s)",
        Duration.ofSeconds(10),
        () ->
            view.viewModel().experiments().stream()
                .anyMatch(r -> r.toString().equals("other process (3/3 jobs)")));
    assertEquals(
        2,
        drawn("experiments-params").map(ExperimentsViewTest::points).orElse(0),
        "both keep ratios of the other process drawn");
  }

  private static String log(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "no log: " + e;
    }
  }

  @Test
  void aSpecWithABadFieldGivesADialogAndKeepsTheForm() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        name: bad
        network: lenet5
        dataset: fashion-mnist
        methods: [pfp]
        keep: {list: [0.5]}
        repetitions: lots
        test: {clean: true}
        """);
    fillSmallSweep("kept name");
    String before = onFx(() -> view.viewModel().form().yamlProperty().get());
    runFx(() -> view.viewModel().openSpec(bad));
    String dialog = WorkbenchFixture.awaitErrorDialog();
    assertTrue(dialog.contains("bad.yaml"), dialog);
    assertTrue(dialog.contains("repetitions"), dialog);
    assertEquals(before, onFx(() -> view.viewModel().form().yamlProperty().get()));
    assertEquals("kept name", onFx(() -> view.viewModel().form().nameProperty().get()));
  }
}
