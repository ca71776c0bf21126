package org.prunelab.ui.experiments;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.prunelab.chart.AccuracyVsPrunedChart;
import org.prunelab.chart.AllocationChart;
import org.prunelab.chart.CurvePoint;
import org.prunelab.chart.FigureFolder;
import org.prunelab.chart.LayerKeep;
import org.prunelab.chart.ParetoFrontChart;
import org.prunelab.chart.ParetoPoint;
import org.prunelab.chart.PrunePotentialChart;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.SweepMode;
import org.prunelab.experiment.metrics.SizeBasis;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.report.FigureInputs;
import org.prunelab.service.CompressionMethod;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.chart.LiveChartBox;
import org.prunelab.ui.experiments.ExperimentsViewModel.PointAxis;

/**
 * The experiments view (view of {@code ExperimentsView.fxml}): on the left the sweep form with its
 * YAML, Queue and Cancel; on the right the charts of the selected experiment of the watched results
 * store, redrawn whenever the store's snapshot changes (so they grow point by point as jobs land,
 * from this workbench or any other process): change of top-1 vs pruned parameters and vs pruned
 * FLOPs (mean +- std over repetitions), top-1 vs kept FLOPs with its Pareto front, and the prune
 * potential per method at the tolerance set above; the runs pruned by hand in the allocation view
 * on the same network and dataset are drawn beside the sweep's series. Clicking a point shows that
 * run's numbers and per-layer allocation in the Run tab beside the form, with actions to open it in
 * the workbench or export it. Bound to an {@link ExperimentsViewModel}; the charts are drawn from
 * its sweep off the FX thread ({@link LiveChartBox}).
 */
public final class ExperimentsView extends VBox {
  private final ExperimentsViewModel viewModel;
  private static final String NO_RUN = "the per-layer allocation of a clicked point appears here";
  @FXML private ComboBox<ExperimentRow> experiment;
  @FXML private Spinner<Double> tolerance;
  @FXML private Label store;
  @FXML private TextField name;
  @FXML private ListView<CompressionMethod> methods;
  @FXML private ComboBox<SweepForm.Spacing> spacing;
  @FXML private Label rangeLabel;
  @FXML private HBox range;
  @FXML private TextField from;
  @FXML private TextField to;
  @FXML private Spinner<Integer> count;
  @FXML private Label listLabel;
  @FXML private TextField list;
  @FXML private Spinner<Integer> repetitions;
  @FXML private ComboBox<SweepMode> mode;
  @FXML private Spinner<Integer> epochs;
  @FXML private TextField retrainImages;
  @FXML private CheckBox clean;
  @FXML private ListView<String> corruptions;
  @FXML private TextField severities;
  @FXML private TextField noise;
  @FXML private TextField testImages;
  @FXML private TextField featureImages;
  @FXML private TextField seed;
  @FXML private Label problem;
  @FXML private Button queue;
  @FXML private Button cancel;
  @FXML private Label jobs;
  @FXML private Label status;
  @FXML private TextArea yaml;
  @FXML private StackPane paramsSlot;
  @FXML private StackPane flopsSlot;
  @FXML private StackPane paretoSlot;
  @FXML private StackPane potentialSlot;
  @FXML private StackPane allocationSlot;
  @FXML private Label runTitle;
  @FXML private TextArea runDetails;
  @FXML private TabPane side;
  @FXML private Tab runTab;
  @FXML private Button openRun;
  @FXML private Button exportRun;
  @FXML private Button compareRun;
  private final LiveChartBox params;
  private final LiveChartBox flops;
  private final LiveChartBox pareto;
  private final LiveChartBox potential;
  private final LiveChartBox allocation;

  /** The view over the workbench's context. */
  public ExperimentsView(WorkbenchContext context) {
    this(new ExperimentsViewModel(context));
  }

  ExperimentsView(ExperimentsViewModel viewModel) {
    this.viewModel = viewModel;
    Fxml.load(this);
    params = box(paramsSlot, PointAxis.PRUNED_PARAMS);
    flops = box(flopsSlot, PointAxis.PRUNED_FLOPS);
    pareto = box(paretoSlot, PointAxis.KEPT_FLOPS);
    potential = box(potentialSlot, null);
    allocation = box(allocationSlot, null);
    bindHeader();
    bindForm(viewModel.form());
    queue.disableProperty().bind(viewModel.canQueue().not());
    cancel.disableProperty().bind(viewModel.runningProperty().not());
    status.textProperty().bind(viewModel.statusProperty());
    viewModel.sweepProperty().addListener((o, a, b) -> drawSweep());
    viewModel.sweepProblemProperty().addListener((o, a, b) -> drawSweep());
    viewModel.handRunsProperty().addListener((o, a, b) -> drawSweep());
    viewModel.tolerancePointsProperty().addListener((o, a, b) -> drawPotential());
    viewModel.selectedRunProperty().addListener((o, a, b) -> drawRun());
    drawSweep();
    drawRun();
  }

  /** The view's state (for the shell and tests). */
  public ExperimentsViewModel viewModel() {
    return viewModel;
  }

  private void bindHeader() {
    experiment.setItems(viewModel.experiments());
    experiment.valueProperty().bindBidirectional(viewModel.selectedProperty());
    tolerance.setValueFactory(
        new SpinnerValueFactory.DoubleSpinnerValueFactory(
            0, 50, ExperimentsViewModel.DEFAULT_TOLERANCE_POINTS, 0.1));
    tolerance
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.tolerancePointsProperty().set(b));
    commitOnFocusLoss(tolerance);
    store
        .textProperty()
        .bind(
            viewModel
                .storeProperty()
                .map(p -> "store: " + p.getFileName())
                .orElse("no results store (File > Open results store)"));
    Tooltip where = new Tooltip();
    where.textProperty().bind(viewModel.storeProperty().map(Path::toString).orElse(""));
    store.setTooltip(where);
  }

  private void bindForm(SweepForm form) {
    name.textProperty().bindBidirectional(form.nameProperty());
    checkList(methods, SweepForm.methodChoices(), form.methods());
    spacing.getItems().setAll(SweepForm.Spacing.values());
    spacing.setConverter(
        new Named<>(s -> s.name().toLowerCase(Locale.ROOT), SweepForm.Spacing.values()));
    spacing.valueProperty().bindBidirectional(form.spacingProperty());
    var listed = form.spacingProperty().isEqualTo(SweepForm.Spacing.LIST);
    for (var node : List.of(rangeLabel, range)) {
      node.visibleProperty().bind(listed.not());
      node.managedProperty().bind(listed.not());
    }
    for (var node : List.of(listLabel, list)) {
      node.visibleProperty().bind(listed);
      node.managedProperty().bind(listed);
    }
    from.textProperty().bindBidirectional(form.fromProperty());
    to.textProperty().bindBidirectional(form.toProperty());
    whole(count, 1, 64, form.countProperty());
    list.textProperty().bindBidirectional(form.listProperty());
    whole(repetitions, 1, 50, form.repetitionsProperty());
    mode.getItems().setAll(SweepMode.values());
    mode.setConverter(new Named<>(SweepMode::specName, SweepMode.values()));
    mode.valueProperty().bindBidirectional(form.modeProperty());
    whole(epochs, 0, 500, form.epochsProperty());
    retrainImages.textProperty().bindBidirectional(form.retrainImagesProperty());
    clean.selectedProperty().bindBidirectional(form.cleanProperty());
    checkList(corruptions, SweepForm.corruptionNames(), form.corruptions());
    severities.textProperty().bindBidirectional(form.severitiesProperty());
    noise.textProperty().bindBidirectional(form.noiseProperty());
    testImages.textProperty().bindBidirectional(form.testImagesProperty());
    featureImages.textProperty().bindBidirectional(form.featureImagesProperty());
    seed.textProperty().bindBidirectional(form.seedProperty());
    problem.textProperty().bind(form.problemProperty());
    yaml.textProperty().bind(form.yamlProperty());
    jobs.textProperty().bind(form.specProperty().map(s -> form.jobsText()).orElse(""));
  }

  /**
   * Shows {@code choices} with a check box each; checked ones are {@code chosen}, in the order of
   * {@code choices}, and a change of {@code chosen} (a spec read from a file) ticks the boxes.
   */
  private static <T> void checkList(ListView<T> view, List<T> choices, ObservableList<T> chosen) {
    view.getItems().setAll(choices);
    Map<T, BooleanProperty> ticks = new LinkedHashMap<>();
    for (T choice : choices) {
      BooleanProperty tick = new SimpleBooleanProperty(chosen.contains(choice));
      tick.addListener(
          (o, was, now) -> {
            if (now && !chosen.contains(choice)) {
              chosen.setAll(
                  choices.stream().filter(c -> c == choice || chosen.contains(c)).toList());
            } else if (!now) {
              chosen.remove(choice);
            }
          });
      ticks.put(choice, tick);
    }
    chosen.addListener(
        (ListChangeListener<T>)
            c -> ticks.forEach((choice, tick) -> tick.set(chosen.contains(choice))));
    view.setCellFactory(CheckBoxListCell.forListView(ticks::get));
  }

  /** Shows enum constants by a readable name (the name the YAML uses). */
  private static final class Named<T> extends StringConverter<T> {
    private final Function<T, String> name;
    private final T[] values;

    Named(Function<T, String> name, T[] values) {
      this.name = name;
      this.values = values.clone();
    }

    @Override
    public String toString(T value) {
      return value == null ? "" : name.apply(value);
    }

    @Override
    public T fromString(String text) {
      return Arrays.stream(values).filter(v -> name.apply(v).equals(text)).findFirst().orElse(null);
    }
  }

  private static void whole(Spinner<Integer> spinner, int min, int max, IntegerProperty value) {
    spinner.setValueFactory(
        new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get()));
    spinner.getValueFactory().valueProperty().addListener((o, a, b) -> value.set(b));
    value.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.intValue()));
    commitOnFocusLoss(spinner);
  }

  /** An editable spinner takes what was typed when it loses focus, not only on Enter. */
  private static void commitOnFocusLoss(Spinner<?> spinner) {
    spinner
        .focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now) {
                spinner.increment(0);
              }
            });
  }

  /**
   * Redraws the sweep's charts from the sweep, its problem and the hand runs as they are now; each
   * is built and drawn on the chart thread ({@link LiveChartBox}).
   */
  private void drawSweep() {
    Sweep sweep = viewModel.sweepProperty().get();
    Sweep hand = viewModel.handRunsProperty().get();
    String why = viewModel.sweepProblemProperty().get();
    params.show(
        ifSweep(
            sweep,
            why,
            () ->
                AccuracyVsPrunedChart.of(
                    curve(sweep, hand, SizeBasis.PARAMS),
                    AccuracyVsPrunedChart.Pruned.PARAMETERS)));
    flops.show(
        ifSweep(
            sweep,
            why,
            () ->
                AccuracyVsPrunedChart.of(
                    curve(sweep, hand, SizeBasis.FLOPS), AccuracyVsPrunedChart.Pruned.FLOPS)));
    pareto.show(
        ifSweep(
            sweep,
            why,
            () -> {
              List<ParetoPoint> points = new ArrayList<>(FigureInputs.pareto(sweep, Sweep.CLEAN));
              if (hand != null) {
                FigureInputs.pareto(hand, Sweep.CLEAN).stream()
                    .filter(p -> !p.method().equals(Sweep.REFERENCE))
                    .forEach(points::add);
              }
              return ParetoFrontChart.of(points);
            }));
    drawPotential();
  }

  /**
   * The sweep's accuracy changes and, beside them, those of the runs pruned by hand (each against
   * its own unpruned reference, measured on the same images as the run).
   */
  private static List<CurvePoint> curve(Sweep sweep, Sweep hand, SizeBasis basis) {
    List<CurvePoint> points =
        new ArrayList<>(FigureInputs.accuracyCurve(sweep, Sweep.CLEAN, basis));
    if (hand != null) {
      points.addAll(FigureInputs.accuracyCurve(hand, Sweep.CLEAN, basis));
    }
    return points;
  }

  private void drawPotential() {
    Sweep sweep = viewModel.sweepProperty().get();
    double tolerance = viewModel.tolerancePointsProperty().get() / 100;
    potential.show(
        ifSweep(
            sweep,
            viewModel.sweepProblemProperty().get(),
            () ->
                PrunePotentialChart.of(
                    FigureInputs.prunePotential(sweep, tolerance, null), tolerance)));
  }

  private void drawRun() {
    var run = viewModel.selectedRunProperty().get();
    openRun.setDisable(run == null);
    exportRun.setDisable(run == null);
    compareRun.setDisable(run == null);
    runTitle.setText(
        run == null
            ? "Click a point to open its run"
            : "Run " + run.key().method() + " (keep " + run.key().keepRatio() + ")");
    runDetails.setText(viewModel.runDetails());
    if (run != null) {
      side.getSelectionModel().select(runTab);
    }
    List<LayerKeep> keeps = viewModel.runAllocation();
    allocation.show(
        () -> {
          if (keeps.isEmpty()) {
            throw new PruneLabException(NO_RUN);
          }
          JFreeChart chart = AllocationChart.of(keeps);
          ((CategoryPlot) chart.getPlot()).getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
          return chart;
        });
  }

  /** A builder of {@code build}'s chart, or of a placeholder saying {@code why} without a sweep. */
  private static Supplier<JFreeChart> ifSweep(Sweep sweep, String why, Supplier<JFreeChart> build) {
    return () -> {
      if (sweep == null) {
        throw new PruneLabException(why);
      }
      return build.get();
    };
  }

  /**
   * A chart box in {@code slot} whose clicked points select their run by {@code axis} (null: no
   * selection).
   */
  private LiveChartBox box(StackPane slot, PointAxis axis) {
    LiveChartBox box = new LiveChartBox("", viewModel::chartExportFailed);
    if (axis != null) {
      box.setOnEntityClicked(
          entity -> {
            if (entity instanceof XYItemEntity item) {
              String series = item.getDataset().getSeriesKey(item.getSeriesIndex()).toString();
              double x = item.getDataset().getXValue(item.getSeriesIndex(), item.getItem());
              viewModel.selectPoint(series, x, axis);
            }
          });
    }
    slot.getChildren().setAll(box);
    return box;
  }

  /** The chart boxes in slot order, by the name {@code prunelab plot --figure} gives them. */
  private Map<String, LiveChartBox> boxes() {
    Map<String, LiveChartBox> boxes = new LinkedHashMap<>();
    boxes.put("accuracy-vs-params", params);
    boxes.put("accuracy-vs-flops", flops);
    boxes.put("pareto", pareto);
    boxes.put("prune-potential", potential);
    boxes.put("allocation", allocation);
    return boxes;
  }

  /** The charts shown now, by the name {@code prunelab plot --figure} gives them, in slot order. */
  Map<String, JFreeChart> shownCharts() {
    Map<String, JFreeChart> charts = new LinkedHashMap<>();
    boxes().forEach((name, box) -> box.chart().ifPresent(c -> charts.put(name, c)));
    return charts;
  }

  /**
   * Writes every chart shown into {@code dir} as {@code format} with the CSV of its data ({@link
   * FigureFolder}); returns the files, or reports a failure.
   */
  List<Path> exportAllFigures(Path dir, String format) {
    try {
      List<Path> files = FigureFolder.write(dir, shownCharts(), format, 1200, 800);
      viewModel.exported(files.size() / 2, dir);
      return files;
    } catch (PruneLabException e) {
      viewModel.chartExportFailed(e);
      return List.of();
    }
  }

  private void exportAllTo(String format) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Export all figures as " + format.toUpperCase(Locale.ROOT) + " with CSV");
    File dir = chooser.showDialog(window());
    if (dir != null) {
      exportAllFigures(dir.toPath(), format);
    }
  }

  @FXML
  private void exportAllPng() {
    exportAllTo("png");
  }

  @FXML
  private void exportAllSvg() {
    exportAllTo("svg");
  }

  @FXML
  private void exportAllPdf() {
    exportAllTo("pdf");
  }

  @FXML
  private void queueSweep() {
    viewModel.queueSweep();
  }

  @FXML
  private void cancelSweep() {
    viewModel.cancelSweeps();
  }

  @FXML
  private void openSpec() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a sweep spec");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
    File file = chooser.showOpenDialog(window());
    if (file != null) {
      viewModel.openSpec(file.toPath());
    }
  }

  @FXML
  private void copyYaml() {
    ClipboardContent content = new ClipboardContent();
    content.putString(yaml.getText());
    Clipboard.getSystemClipboard().setContent(content);
  }

  @FXML
  private void saveYaml() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the sweep spec");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml"));
    chooser.setInitialFileName("sweep.yaml");
    File file = chooser.showSaveDialog(window());
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file.toPath(), yaml.getText(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      viewModel.saveFailed(file.toPath(), e);
    }
  }

  @FXML
  private void openRun() {
    var run = viewModel.selectedRunProperty().get();
    if (run != null) {
      viewModel.openRun(run);
    }
  }

  @FXML
  private void compareRun() {
    var run = viewModel.selectedRunProperty().get();
    if (run != null) {
      viewModel.compareRun(run);
    }
  }

  @FXML
  private void exportRun() {
    var run = viewModel.selectedRunProperty().get();
    if (run == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the run's network");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("PruneLab model", "*.plm"),
            new FileChooser.ExtensionFilter("ONNX", "*.onnx"));
    chooser.setInitialFileName(run.key().method() + "-keep" + run.key().keepRatio() + ".onnx");
    File file = chooser.showSaveDialog(window());
    if (file != null) {
      Path path = file.toPath();
      viewModel.rebuildRun(run, path, written -> {});
    }
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }
}
