package org.prunelab.ui.sensitivity;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.prunelab.ui.ErrorDialog;
import org.prunelab.ui.ModelLoader;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.chart.ChartBox;

/**
 * The sensitivity view: pick a method and a sample count, Run scores the model as a background job
 * (scores and the measured error curves; progress and Cancel in the job panel), then per prunable
 * channel group the distribution of channel importance (box plot), S_l per layer (bars), the error
 * curve eps_g(r) of the selected group and its strongest and weakest channels. Clicking a box, bar
 * or axis label selects that group (and the workbench's selected layer); hovering shows the
 * numbers.
 */
public final class SensitivityView extends VBox {
  private final SensitivityViewModel viewModel;
  private final StackPane boxSlot = slot();
  private final StackPane sumSlot = slot();
  private final StackPane curveSlot = slot();

  public SensitivityView(WorkbenchContext context) {
    this(new SensitivityViewModel(context), context);
  }

  SensitivityView(SensitivityViewModel viewModel, WorkbenchContext context) {
    super(8);
    this.viewModel = viewModel;
    setPadding(new Insets(10));
    getStyleClass().add("sensitivity-view");
    Label title = new Label("Sensitivity");
    title.getStyleClass().add("view-title");

    ComboBox<String> method = new ComboBox<>();
    method.getItems().setAll(ScoredModel.METHODS);
    method.setId("sensitivity-method");
    method.valueProperty().bindBidirectional(viewModel.methodProperty());
    Spinner<Integer> samples =
        new Spinner<>(1, ModelLoader.SAMPLE_IMAGES, SensitivityViewModel.DEFAULT_SAMPLES, 16);
    samples.setId("sensitivity-samples");
    samples.setEditable(true);
    samples.setPrefWidth(100);
    samples
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.samplesProperty().set(b));
    viewModel
        .samplesProperty()
        .addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));
    Button run = new Button("Run");
    run.setId("sensitivity-run");
    run.setDefaultButton(true);
    run.disableProperty().bind(viewModel.runningProperty().or(context.model().isNull()));
    run.setOnAction(e -> viewModel.run());
    Button cancel = new Button("Cancel");
    cancel.disableProperty().bind(viewModel.runningProperty().not());
    cancel.setOnAction(e -> viewModel.cancel());
    Label status = new Label();
    status.setId("sensitivity-status");
    status.textProperty().bind(viewModel.statusProperty());
    HBox controls =
        new HBox(
            8,
            new Label("Method"),
            method,
            new Label("Sample images"),
            samples,
            run,
            cancel,
            status);
    controls.setAlignment(Pos.CENTER_LEFT);

    ComboBox<String> group = new ComboBox<>(viewModel.groups());
    group.setId("sensitivity-group");
    group.valueProperty().bindBidirectional(viewModel.selectedGroupProperty());
    group.setPromptText("channel group");
    Label channelTitle = new Label();
    channelTitle.getStyleClass().add("section-title");
    channelTitle
        .textProperty()
        .bind(
            viewModel
                .selectedGroupProperty()
                .map(
                    g ->
                        "Channels of "
                            + g
                            + " (top "
                            + SensitivityViewModel.TOP_K
                            + ", bottom "
                            + SensitivityViewModel.TOP_K
                            + ")")
                .orElse("Channels"));
    TableView<ChannelRank> table = channelTable();
    VBox.setVgrow(table, Priority.ALWAYS);
    VBox channelPane = new VBox(6, new HBox(8, new Label("Group"), group), channelTitle, table);

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.add(boxSlot, 0, 0);
    grid.add(sumSlot, 1, 0);
    grid.add(curveSlot, 0, 1);
    grid.add(channelPane, 1, 1);
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      grid.getColumnConstraints().add(c);
      RowConstraints r = new RowConstraints();
      r.setPercentHeight(50);
      r.setVgrow(Priority.ALWAYS);
      grid.getRowConstraints().add(r);
    }
    VBox.setVgrow(grid, Priority.ALWAYS);
    getChildren().addAll(title, controls, grid);

    viewModel
        .resultProperty()
        .addListener(
            (o, a, b) -> {
              fill(
                  boxSlot,
                  viewModel.boxChart(),
                  "run a method to see how its importance spreads over each group's " + "channels");
              fill(
                  sumSlot,
                  viewModel.sumChart(),
                  b == null
                      ? "S_l per layer appears here"
                      : "S_l = \u03a3 s_j is defined for sensitivity methods (pfp, sipp); "
                          + b.method()
                          + " gives none");
              fillCurve();
            });
    viewModel.selectedGroupProperty().addListener((o, a, b) -> fillCurve());
    fill(boxSlot, Optional.empty(), "open a model, pick a method and press Run");
    fill(sumSlot, Optional.empty(), "S_l per layer appears here");
    fillCurve();
  }

  /** The view's state (for the shell and tests). */
  public SensitivityViewModel viewModel() {
    return viewModel;
  }

  private void fillCurve() {
    fill(curveSlot, viewModel.curveChart(), "select a group to see its error curve \u03b5(r)");
  }

  private void fill(StackPane slot, Optional<JFreeChart> chart, String empty) {
    if (chart.isEmpty()) {
      Label placeholder = new Label(empty);
      placeholder.setWrapText(true);
      placeholder.getStyleClass().add("placeholder");
      slot.getChildren().setAll(placeholder);
      return;
    }
    ChartBox box =
        new ChartBox(
            chart.get(),
            e ->
                ErrorDialog.show(
                    getScene() == null ? null : getScene().getWindow(),
                    "Could not export the chart",
                    e));
    box.viewer()
        .addChartMouseListener(
            new ChartMouseListenerFX() {
              @Override
              public void chartMouseClicked(ChartMouseEventFX event) {
                categoryOf(event.getEntity())
                    .flatMap(viewModel::groupOfLayer)
                    .ifPresent(viewModel.selectedGroupProperty()::set);
              }

              @Override
              public void chartMouseMoved(ChartMouseEventFX event) {}
            });
    slot.getChildren().setAll(box);
  }

  private static Optional<String> categoryOf(ChartEntity entity) {
    if (entity instanceof CategoryItemEntity item) {
      return Optional.of(item.getColumnKey().toString());
    }
    if (entity instanceof CategoryLabelEntity label) {
      return Optional.of(label.getKey().toString());
    }
    return Optional.empty();
  }

  private static StackPane slot() {
    StackPane pane = new StackPane();
    pane.getStyleClass().add("chart-slot");
    pane.setMinSize(0, 0);
    return pane;
  }

  private TableView<ChannelRank> channelTable() {
    TableView<ChannelRank> table = new TableView<>(viewModel.channels());
    table.setId("sensitivity-channels");
    table.setPlaceholder(new Label("no group selected"));
    table.getColumns().add(column("Place", ChannelRank::place));
    table.getColumns().add(column("Channel", r -> Integer.toString(r.channel())));
    table
        .getColumns()
        .add(column("Importance", r -> String.format(Locale.ROOT, "%.5g", r.importance())));
    table
        .getColumns()
        .add(column("\u00d7 group mean", r -> String.format(Locale.ROOT, "%.2f", r.relative())));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    return table;
  }

  private static TableColumn<ChannelRank, String> column(
      String name, Function<ChannelRank, String> value) {
    TableColumn<ChannelRank, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setSortable(false);
    return c;
  }
}
