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
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.data.category.DefaultCategoryDataset;
import org.prunelab.chart.AllocationChart;
import org.prunelab.chart.LayerKeep;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.ui.ErrorDialog;
import org.prunelab.ui.ModelLoader;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.chart.ChartBox;
import org.prunelab.ui.sensitivity.ScoredModel;

/**
 * The allocation view: per prunable channel group a keep-ratio bar that can be dragged with the
 * mouse and a table row with a spinner for exact values; a budget (keep ratio of parameters or
 * FLOPs: slider and exact field) with an automatic allocator (uniform, PFP's optimal min-max error,
 * global threshold); totals, compression and the predicted per-group and largest error update on
 * every move, the measured accuracy of the pruned network follows from a debounced job. Prune,
 * Prune &amp; Retrain and the exports run as jobs; Undo/Redo use the workbench's history.
 */
public final class AllocationView extends BorderPane {
  private final AllocationViewModel viewModel;
  private final WorkbenchContext context;
  private final StackPane chartSlot = new StackPane();
  private final Slider slider = new Slider(0.01, 1, 1);
  private final TextField budgetField = new TextField("1");
  private final ComboBox<String> allocator = new ComboBox<>();
  private final ComboBox<BudgetKind> kind = new ComboBox<>();
  private ChartBox chartBox;
  private DefaultCategoryDataset bars;
  private boolean syncing;
  private boolean sliderFailed;

  public AllocationView(WorkbenchContext context) {
    this.context = context;
    this.viewModel = new AllocationViewModel(context);
    setPadding(new Insets(10));
    getStyleClass().add("allocation-view");
    Label title = new Label("Allocation");
    title.getStyleClass().add("view-title");
    VBox top = new VBox(8, title, scoringBar(), budgetBar());
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);

    chartSlot.setMinSize(0, 0);
    showPlaceholder();
    SplitPane center = new SplitPane(chartSlot, table());
    center.setOrientation(Orientation.HORIZONTAL);
    center.setDividerPositions(0.5);
    setCenter(center);
    setBottom(bottomBar());

    viewModel.calculatorProperty().addListener((o, a, calc) -> rebuildChart());
    viewModel.budgetProperty().addListener((o, a, b) -> syncBudget());
    viewModel.allocatorProperty().addListener((o, a, b) -> sync(() -> allocator.setValue(b)));
    viewModel.kindProperty().addListener((o, a, b) -> sync(() -> kind.setValue(b)));
  }

  /** The view's state (for the shell and tests). */
  public AllocationViewModel viewModel() {
    return viewModel;
  }

  /** The keep-ratio chart, null until the model is scored. */
  public ChartBox chartBox() {
    return chartBox;
  }

  private HBox scoringBar() {
    ComboBox<String> method = new ComboBox<>();
    method.getItems().setAll(ScoredModel.METHODS);
    method.valueProperty().bindBidirectional(viewModel.methodProperty());
    Spinner<Integer> samples =
        new Spinner<>(1, ModelLoader.SAMPLE_IMAGES, AllocationViewModel.DEFAULT_SAMPLES, 16);
    samples.setEditable(true);
    samples.setPrefWidth(110);
    samples.setMinWidth(Region.USE_PREF_SIZE);
    samples
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.samplesProperty().set(b));
    samples.getValueFactory().setValue(viewModel.samplesProperty().get());
    viewModel
        .samplesProperty()
        .addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));
    Button score = new Button("Score");
    score.setId("allocation-score");
    score.disableProperty().bind(viewModel.busyProperty().or(context.model().isNull()));
    score.setOnAction(e -> viewModel.analyse());
    Label status = new Label();
    status.setId("allocation-status");
    status.textProperty().bind(viewModel.statusProperty());
    status.setWrapText(true);
    status.setMinWidth(0);
    HBox.setHgrow(status, Priority.ALWAYS);
    Label methodLabel = new Label("Scores");
    Label samplesLabel = new Label("Sample images");
    for (Region fixed : List.of(methodLabel, samplesLabel, score)) {
      fixed.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar = new HBox(8, methodLabel, method, samplesLabel, samples, score, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private HBox budgetBar() {
    kind.getItems().setAll(BudgetKind.values());
    kind.setValue(viewModel.kindProperty().get());
    kind.setId("allocation-kind");
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
              if (!syncing && b != null && !viewModel.chooseKind(b)) {
                sync(() -> kind.setValue(viewModel.kindProperty().get()));
              }
            });
    allocator.getItems().setAll(AllocationViewModel.ALLOCATORS);
    allocator.setValue(viewModel.allocatorProperty().get());
    allocator.setId("allocation-allocator");
    allocator
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!syncing && b != null && !viewModel.chooseAllocator(b)) {
                sync(() -> allocator.setValue(viewModel.allocatorProperty().get()));
              }
            });
    slider.setId("allocation-budget");
    slider.setPrefWidth(320);
    slider.setShowTickMarks(true);
    slider.setShowTickLabels(true);
    slider.setMajorTickUnit(0.25);
    slider.disableProperty().bind(viewModel.calculatorProperty().isNull());
    slider
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (syncing || sliderFailed) {
                return;
              }
              if (slider.isValueChanging()) {
                if (!viewModel.applyBudgetInGesture(b.doubleValue())) {
                  sliderFailed = true;
                }
              } else if (!viewModel.applyBudget(b.doubleValue())) {
                syncBudget();
              }
            });
    slider
        .valueChangingProperty()
        .addListener(
            (o, was, changing) -> {
              if (!changing) {
                if (!sliderFailed) {
                  viewModel.endGesture(
                      String.format(
                          Locale.ROOT,
                          "%s allocation of %.1f %% of the %s",
                          viewModel.allocatorProperty().get(),
                          100 * viewModel.budgetProperty().get(),
                          viewModel.kindProperty().get().label()));
                }
                sliderFailed = false;
                syncBudget();
              }
            });
    budgetField.setId("allocation-budget-field");
    budgetField.setPrefColumnCount(6);
    budgetField.disableProperty().bind(viewModel.calculatorProperty().isNull());
    budgetField.setOnAction(
        e -> {
          try {
            double v = Double.parseDouble(budgetField.getText().trim().replace("%", ""));
            viewModel.applyBudget(budgetField.getText().contains("%") ? v / 100 : v);
          } catch (NumberFormatException ex) {
            ErrorDialog.show(
                context.window(),
                "Not a keep ratio",
                new IllegalArgumentException(
                    "'"
                        + budgetField.getText()
                        + "' is not a number; type a keep ratio such as 0.5 or 50%"));
          }
          syncBudget();
        });
    HBox bar =
        new HBox(
            8,
            new Label("Budget: keep"),
            budgetField,
            new Label("of the"),
            kind,
            slider,
            new Label("Allocator"),
            allocator);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private VBox bottomBar() {
    Label totals = new Label();
    totals.setId("allocation-totals");
    totals.getStyleClass().add("totals");
    totals.textProperty().bind(viewModel.totalsTextProperty());
    Label predicted = new Label();
    predicted.setId("allocation-predicted");
    predicted.getStyleClass().add("predicted");
    predicted.textProperty().bind(viewModel.predictedTextProperty());
    Label measured = new Label();
    measured.setId("allocation-measured");
    measured.textProperty().bind(viewModel.measuredTextProperty());
    measured
        .styleProperty()
        .bind(
            viewModel
                .measuredProperty()
                .map(
                    m ->
                        m
                            ? "-fx-text-fill: #166534;"
                            : "-fx-text-fill: #6b7280; -fx-font-style: italic;"));
    Button prune = new Button("Prune");
    prune.setId("allocation-prune");
    prune.setOnAction(e -> viewModel.prune());
    Spinner<Integer> epochs = new Spinner<>(1, 200, 1);
    epochs.setPrefWidth(70);
    epochs
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.retrainEpochsProperty().set(b));
    Button retrain = new Button("Prune & Retrain");
    retrain.setId("allocation-retrain");
    retrain.setOnAction(e -> viewModel.pruneAndRetrain());
    Button onnx = new Button("Export ONNX…");
    onnx.setOnAction(
        e ->
            chooseFile("pruned.onnx", "ONNX model", "*.onnx")
                .ifPresent(f -> viewModel.exportOnnx(f.toPath(), () -> {})));
    Button allocation = new Button("Export allocation…");
    allocation.setOnAction(
        e ->
            chooseFile("allocation.json", "JSON or CSV", "*.json", "*.csv")
                .ifPresent(f -> viewModel.exportAllocation(f.toPath())));
    Button undo = new Button("Undo");
    undo.setId("allocation-undo");
    undo.disableProperty().bind(context.history().canUndoProperty().not());
    undo.setOnAction(e -> context.history().undo());
    Button redo = new Button("Redo");
    redo.disableProperty().bind(context.history().canRedoProperty().not());
    redo.setOnAction(e -> context.history().redo());
    for (Button b : List.of(prune, retrain, onnx, allocation)) {
      b.disableProperty().bind(viewModel.calculatorProperty().isNull());
    }
    HBox actions =
        new HBox(8, prune, retrain, new Label("epochs"), epochs, onnx, allocation, undo, redo);
    actions.setAlignment(Pos.CENTER_LEFT);
    Label pruned = new Label();
    pruned.setId("allocation-pruned");
    pruned.textProperty().bind(viewModel.pruneTextProperty());
    VBox bottom = new VBox(4, totals, predicted, measured, actions, pruned);
    bottom.setPadding(new Insets(8, 0, 0, 0));
    return bottom;
  }

  private Optional<File> chooseFile(String name, String description, String... patterns) {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(name);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
    return Optional.ofNullable(chooser.showSaveDialog(context.window()));
  }

  private TableView<GroupRow> table() {
    TableView<GroupRow> table = new TableView<>(viewModel.rows());
    table.setId("allocation-table");
    table.setPlaceholder(new Label("the groups appear once the model is scored"));
    TableColumn<GroupRow, String> group = column("Group", r -> r.id());
    group.setMinWidth(120);
    table.getColumns().add(group);
    TableColumn<GroupRow, String> channels =
        column("Channels", r -> Integer.toString(r.channels()));
    channels.setMinWidth(85);
    table.getColumns().add(channels);
    TableColumn<GroupRow, GroupRow> ratio = new TableColumn<>("Keep ratio");
    ratio.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
    ratio.setCellFactory(c -> new RatioCell());
    ratio.setPrefWidth(110);
    table.getColumns().add(ratio);
    TableColumn<GroupRow, Number> kept = new TableColumn<>("Kept");
    kept.setCellValueFactory(cell -> cell.getValue().keptProperty());
    table.getColumns().add(kept);
    TableColumn<GroupRow, String> error = new TableColumn<>("Predicted \u03b5");
    error.setCellValueFactory(
        cell ->
            cell.getValue()
                .errorProperty()
                .map(v -> String.format(Locale.ROOT, "%.4f", v.doubleValue())));
    error.setMinWidth(100);
    table.getColumns().add(error);
    for (TableColumn<GroupRow, ?> c : table.getColumns()) {
      c.setSortable(false);
    }
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null && !syncing) {
                context.selectedLayer().set(row.id());
              }
            });
    context
        .selectedLayer()
        .addListener(
            (o, a, layer) ->
                viewModel.rows().stream()
                    .filter(r -> r.id().equals(layer))
                    .findFirst()
                    .ifPresent(r -> sync(() -> table.getSelectionModel().select(r))));
    return table;
  }

  private static TableColumn<GroupRow, String> column(
      String name, Function<GroupRow, String> value) {
    TableColumn<GroupRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
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
                  viewModel.editRatio(row.index(), b);
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
    AllocationCalculator calc = viewModel.calculatorProperty().get();
    if (calc == null || viewModel.rows().isEmpty()) {
      chartBox = null;
      bars = null;
      showPlaceholder();
      return;
    }
    List<LayerKeep> keeps = new ArrayList<>();
    for (GroupRow r : viewModel.rows()) {
      keeps.add(new LayerKeep(viewModel.scoredMethod(), r.id(), r.ratioProperty().get()));
    }
    JFreeChart chart = AllocationChart.of(keeps);
    chart.setTitle("Per-group keep ratio (drag a bar)");
    bars = (DefaultCategoryDataset) chart.getCategoryPlot().getDataset();
    chart
        .getCategoryPlot()
        .getRenderer()
        .setDefaultToolTipGenerator(
            new StandardCategoryToolTipGenerator("{1}: keep {2} %", new DecimalFormat("0.0")));
    chartBox =
        new ChartBox(
            chart, e -> ErrorDialog.show(context.window(), "Could not export the chart", e));
    chartBox.setId("allocation-chart");
    BarDrag.install(viewModel, chartBox.viewer().getCanvas());
    String series = viewModel.scoredMethod();
    for (GroupRow r : viewModel.rows()) {
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
          slider.setValue(Math.max(slider.getMin(), viewModel.budgetProperty().get()));
          budgetField.setText(String.format(Locale.ROOT, "%.4f", viewModel.budgetProperty().get()));
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
