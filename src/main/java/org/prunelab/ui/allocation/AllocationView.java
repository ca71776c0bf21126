package org.prunelab.ui.allocation;

import java.io.File;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.data.category.DefaultCategoryDataset;
import org.prunelab.chart.AllocationChart;
import org.prunelab.chart.LayerKeep;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.ScoredModel;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.chart.ChartBox;

/**
 * The allocation view (view of {@code AllocationView.fxml}): per prunable channel group a
 * keep-ratio bar that can be dragged with the mouse ({@link BarDrag}) and a table row with a
 * spinner for exact values; a budget (keep ratio of parameters or FLOPs: slider and exact field)
 * with an automatic allocator (uniform, PFP's optimal min-max error, global threshold); totals,
 * compression and the predicted per-group and largest error update on every move, the measured
 * accuracy of the pruned network follows from a debounced job. Prune, Prune &amp; Retrain and the
 * exports run as jobs; Undo/Redo use the workbench's history. Bound to an {@link
 * AllocationViewModel}; the bar chart is drawn here from its rows.
 */
public final class AllocationView extends BorderPane {
  private final AllocationViewModel viewModel;
  private final AllocationEditor editor;
  @FXML private ComboBox<CompressionMethod> method;
  @FXML private Spinner<Integer> samples;
  @FXML private Button scoreButton;
  @FXML private Label status;
  @FXML private TextField budgetField;
  @FXML private ComboBox<BudgetKind> kind;
  @FXML private Slider slider;
  @FXML private ComboBox<AllocatorKind> allocator;
  @FXML private StackPane chartSlot;
  @FXML private TableView<GroupRow> table;
  @FXML private TableColumn<GroupRow, String> groupColumn;
  @FXML private TableColumn<GroupRow, String> channelsColumn;
  @FXML private TableColumn<GroupRow, GroupRow> ratioColumn;
  @FXML private TableColumn<GroupRow, Number> keptColumn;
  @FXML private TableColumn<GroupRow, String> errorColumn;
  @FXML private Label totals;
  @FXML private Label predicted;
  @FXML private Label measured;
  @FXML private Button pruneButton;
  @FXML private Button retrainButton;
  @FXML private Spinner<Integer> epochs;
  @FXML private Spinner<Integer> retrainImages;
  @FXML private Button onnxButton;
  @FXML private Button saveRetrainedButton;
  @FXML private Button beforeAfterButton;
  @FXML private Button allocationButton;
  @FXML private Button undoButton;
  @FXML private Button redoButton;
  @FXML private Label pruned;
  private ChartBox chartBox;
  private DefaultCategoryDataset bars;
  private boolean syncing;

  public AllocationView(WorkbenchContext context) {
    this.viewModel = new AllocationViewModel(context);
    this.editor = viewModel.editor();
    Fxml.load(this);
    bindScoring();
    bindBudget();
    bindTable();
    bindResults();
    showPlaceholder();
    editor.calculatorProperty().addListener((o, a, calc) -> rebuildChart());
    editor.budgetProperty().addListener((o, a, b) -> syncBudget());
    editor.allocatorProperty().addListener((o, a, b) -> sync(() -> allocator.setValue(b)));
    editor.kindProperty().addListener((o, a, b) -> sync(() -> kind.setValue(b)));
  }

  /** The view's state (for the shell and tests). */
  public AllocationViewModel viewModel() {
    return viewModel;
  }

  /** The keep-ratio chart, null until the model is scored. */
  public ChartBox chartBox() {
    return chartBox;
  }

  private void bindScoring() {
    AllocationScoring scoring = viewModel.scoring();
    method.getItems().setAll(ScoredModel.VIEW_METHODS);
    method.valueProperty().bindBidirectional(scoring.methodProperty());
    samples.setValueFactory(
        new SpinnerValueFactory.IntegerSpinnerValueFactory(
            1, ModelLoader.SAMPLE_IMAGES, AllocationScoring.DEFAULT_SAMPLES, 16));
    samples
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> scoring.samplesProperty().set(b));
    samples.getValueFactory().setValue(scoring.samplesProperty().get());
    scoring
        .samplesProperty()
        .addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));
    scoreButton.disableProperty().bind(scoring.busyProperty().or(viewModel.hasModel().not()));
    status.textProperty().bind(viewModel.statusProperty());
  }

  private void bindBudget() {
    kind.getItems().setAll(BudgetKind.values());
    kind.setValue(editor.kindProperty().get());
    kind.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(BudgetKind k) {
            return k == null ? "" : k.label();
          }

          @Override
          public BudgetKind fromString(String s) {
            return BudgetKind.valueOf(s);
          }
        });
    kind.valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!syncing && b != null && !editor.chooseKind(b)) {
                sync(() -> kind.setValue(editor.kindProperty().get()));
              }
            });
    allocator.getItems().setAll(AllocationEditor.ALLOCATORS);
    allocator.setValue(editor.allocatorProperty().get());
    allocator
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!syncing && b != null && !editor.chooseAllocator(b)) {
                sync(() -> allocator.setValue(editor.allocatorProperty().get()));
              }
            });
    slider.disableProperty().bind(editor.calculatorProperty().isNull());
    slider
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!syncing && !editor.slideBudget(b.doubleValue(), slider.isValueChanging())) {
                syncBudget();
              }
            });
    slider
        .valueChangingProperty()
        .addListener(
            (o, was, changing) -> {
              if (!changing) {
                editor.endBudgetDrag();
                syncBudget();
              }
            });
    budgetField.disableProperty().bind(editor.calculatorProperty().isNull());
  }

  private void bindResults() {
    AllocationSummary summary = viewModel.summary();
    DebouncedMeasurement measurement = viewModel.measurement();
    PruneActions actions = viewModel.actions();
    totals.textProperty().bind(summary.totalsTextProperty());
    predicted.textProperty().bind(summary.predictedTextProperty());
    measured.textProperty().bind(measurement.measuredTextProperty());
    measured
        .styleProperty()
        .bind(
            measurement
                .measuredProperty()
                .map(
                    m ->
                        m
                            ? "-fx-text-fill: #166534;"
                            : "-fx-text-fill: #6b7280; -fx-font-style: italic;"));
    epochs.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 200, 1));
    epochs
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> actions.retrainEpochsProperty().set(b));
    SpinnerValueFactory.IntegerSpinnerValueFactory images =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1_000_000, 0, 5000);
    images.setConverter(new AllImages());
    retrainImages.setValueFactory(images);
    images.valueProperty().addListener((o, a, b) -> actions.retrainImagesProperty().set(b));
    retrainImages.setTooltip(
        new Tooltip(
            "training images Prune & Retrain uses, the first of the split (all: every one)"));
    beforeAfterButton.disableProperty().bind(actions.lastComparisonProperty().isNull());
    saveRetrainedButton.disableProperty().bind(viewModel.actions().retrainedProperty().isNull());
    undoButton.disableProperty().bind(viewModel.history().canUndoProperty().not());
    redoButton.disableProperty().bind(viewModel.history().canRedoProperty().not());
    for (Button b : List.of(pruneButton, retrainButton, onnxButton, allocationButton)) {
      b.disableProperty().bind(editor.calculatorProperty().isNull());
    }
    pruned.textProperty().bind(actions.pruneTextProperty());
  }

  @FXML
  private void applyBudgetText() {
    editor.applyBudgetText(budgetField.getText());
    syncBudget();
  }

  @FXML
  private void score() {
    viewModel.analyse();
  }

  @FXML
  private void prune() {
    viewModel.actions().prune();
  }

  @FXML
  private void pruneAndRetrain() {
    viewModel.actions().pruneAndRetrain();
  }

  @FXML
  private void exportOnnx() {
    chooseFile("pruned.onnx", "ONNX model", "*.onnx")
        .ifPresent(f -> viewModel.actions().exportOnnx(f.toPath(), () -> {}));
  }

  /** Shows an image count of 0 as "all" (and reads "all" back as 0). */
  private static final class AllImages extends StringConverter<Integer> {
    @Override
    public String toString(Integer value) {
      return value == null || value == 0 ? "all" : value.toString();
    }

    @Override
    public Integer fromString(String text) {
      String t = text == null ? "" : text.trim();
      if (t.isEmpty() || t.equalsIgnoreCase("all")) {
        return 0;
      }
      try {
        return Math.max(0, Integer.parseInt(t.replace(",", "")));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  @FXML
  private void beforeAfter() {
    viewModel.showBeforeAfter();
  }

  @FXML
  private void saveRetrained() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the retrained network");
    chooser.setInitialFileName("retrained.plm");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("PruneLab model", "*.plm"),
            new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
    Optional.ofNullable(chooser.showSaveDialog(getScene().getWindow()))
        .ifPresent(f -> viewModel.actions().saveRetrained(f.toPath()));
  }

  @FXML
  private void exportAllocation() {
    chooseFile("allocation.json", "JSON or CSV", "*.json", "*.csv")
        .ifPresent(f -> viewModel.actions().exportAllocation(f.toPath()));
  }

  @FXML
  private void undo() {
    viewModel.history().undo();
  }

  @FXML
  private void redo() {
    viewModel.history().redo();
  }

  private Optional<File> chooseFile(String name, String description, String... patterns) {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(name);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
    return Optional.ofNullable(chooser.showSaveDialog(getScene().getWindow()));
  }

  private void bindTable() {
    table.setItems(viewModel.summary().rows());
    text(groupColumn, GroupRow::id);
    text(channelsColumn, r -> Integer.toString(r.channels()));
    ratioColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
    ratioColumn.setCellFactory(c -> new RatioCell());
    keptColumn.setCellValueFactory(cell -> cell.getValue().keptProperty());
    errorColumn.setCellValueFactory(
        cell ->
            cell.getValue()
                .errorProperty()
                .map(v -> String.format(Locale.ROOT, "%.4f", v.doubleValue())));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null && !syncing) {
                viewModel.selectedLayer().set(row.id());
              }
            });
    viewModel
        .selectedLayer()
        .addListener(
            (o, a, layer) ->
                viewModel.summary().rows().stream()
                    .filter(r -> r.id().equals(layer))
                    .findFirst()
                    .ifPresent(r -> sync(() -> table.getSelectionModel().select(r))));
  }

  private static void text(TableColumn<GroupRow, String> c, Function<GroupRow, String> value) {
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
  }

  /** A spinner over the row's keep ratio; a user change is one undoable edit. */
  private final class RatioCell extends TableCell<GroupRow, GroupRow> {
    private final Spinner<Double> spinner = new Spinner<>();
    private final SpinnerValueFactory.DoubleSpinnerValueFactory factory =
        new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, 1, 0.05);
    private GroupRow row;

    RatioCell() {
      spinner.setValueFactory(factory);
      spinner.setEditable(true);
      spinner.setPrefWidth(100);
      factory.setConverter(
          new DoubleStringConverter() {
            @Override
            public String toString(Double v) {
              return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
            }
          });
      factory
          .valueProperty()
          .addListener(
              (o, a, b) -> {
                if (row != null && b != null && Math.abs(b - row.ratioProperty().get()) > 1e-9) {
                  editor.editRatio(row.index(), b);
                  factory.setValue(row.ratioProperty().get());
                }
              });
    }

    private final ChangeListener<Number> follow = (o, a, b) -> factory.setValue(b.doubleValue());

    @Override
    protected void updateItem(GroupRow item, boolean empty) {
      super.updateItem(item, empty);
      if (row != null) {
        row.ratioProperty().removeListener(follow);
      }
      row = empty ? null : item;
      if (row == null) {
        setGraphic(null);
        return;
      }
      GroupRow current = row;
      row = null;
      factory.setValue(current.ratioProperty().get());
      row = current;
      row.ratioProperty().addListener(follow);
      setGraphic(spinner);
    }
  }

  private void rebuildChart() {
    AllocationCalculator calc = editor.calculatorProperty().get();
    List<GroupRow> rows = viewModel.summary().rows();
    if (calc == null || rows.isEmpty()) {
      chartBox = null;
      bars = null;
      showPlaceholder();
      return;
    }
    List<LayerKeep> keeps = new ArrayList<>();
    String series = viewModel.scoredMethod().map(CompressionMethod::cliName).orElse("");
    for (GroupRow r : rows) {
      keeps.add(new LayerKeep(series, r.id(), r.ratioProperty().get()));
    }
    JFreeChart chart = AllocationChart.of(keeps);
    chart.setTitle("Per-group keep ratio (drag a bar)");
    bars = (DefaultCategoryDataset) chart.getCategoryPlot().getDataset();
    chart
        .getCategoryPlot()
        .getRenderer()
        .setDefaultToolTipGenerator(
            new StandardCategoryToolTipGenerator("{1}: keep {2} %", new DecimalFormat("0.0")));
    chartBox = new ChartBox(chart, viewModel::chartExportFailed);
    chartBox.setId("allocation-chart");
    BarDrag.install(editor, chartBox.viewer().getCanvas());
    for (GroupRow r : rows) {
      r.ratioProperty()
          .addListener(
              (o, a, b) -> {
                if (bars != null && bars.getColumnIndex(r.id()) >= 0) {
                  bars.setValue(100 * b.doubleValue(), series, r.id());
                }
              });
    }
    chartSlot.getChildren().setAll(chartBox);
  }

  private void showPlaceholder() {
    Label placeholder = new Label("the keep-ratio bars appear once the model is scored");
    placeholder.getStyleClass().add("placeholder");
    chartSlot.getChildren().setAll(placeholder);
  }

  private void syncBudget() {
    sync(
        () -> {
          slider.setValue(Math.max(slider.getMin(), editor.budgetProperty().get()));
          budgetField.setText(String.format(Locale.ROOT, "%.4f", editor.budgetProperty().get()));
        });
  }

  private void sync(Runnable update) {
    boolean was = syncing;
    syncing = true;
    try {
      update.run();
    } finally {
      syncing = was;
    }
  }
}
