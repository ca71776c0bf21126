package org.prunelab.ui.sensitivity;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.ScoredModel;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.chart.ChartBox;

/**
 * The sensitivity view (view of {@code SensitivityView.fxml}): pick a method and a sample count,
 * Run scores the model as a background job (scores and the measured error curves; progress and
 * Cancel in the job panel), then per prunable channel group the distribution of channel importance
 * (box plot), S_l per layer (bars), the error curve eps_g(r) of the selected group and its
 * strongest and weakest channels. Clicking a box, bar or axis label selects that group (and the
 * workbench's selected layer); hovering shows the numbers. Bound to a {@link SensitivityViewModel};
 * the charts are drawn here from its data.
 */
public final class SensitivityView extends VBox {
  private final SensitivityViewModel viewModel;
  @FXML private ComboBox<CompressionMethod> method;
  @FXML private Spinner<Integer> samples;
  @FXML private Button run;
  @FXML private Button cancel;
  @FXML private Label status;
  @FXML private StackPane boxSlot;
  @FXML private StackPane sumSlot;
  @FXML private StackPane curveSlot;
  @FXML private ComboBox<String> group;
  @FXML private Label channelTitle;
  @FXML private TableView<ChannelRank> channels;
  @FXML private TableColumn<ChannelRank, String> placeColumn;
  @FXML private TableColumn<ChannelRank, String> channelColumn;
  @FXML private TableColumn<ChannelRank, String> importanceColumn;
  @FXML private TableColumn<ChannelRank, String> relativeColumn;

  public SensitivityView(WorkbenchContext context) {
    this(new SensitivityViewModel(context));
  }

  SensitivityView(SensitivityViewModel viewModel) {
    this.viewModel = viewModel;
    Fxml.load(this);
    method.getItems().setAll(ScoredModel.VIEW_METHODS);
    method.valueProperty().bindBidirectional(viewModel.methodProperty());
    samples.setValueFactory(
        new SpinnerValueFactory.IntegerSpinnerValueFactory(
            1, ModelLoader.SAMPLE_IMAGES, SensitivityViewModel.DEFAULT_SAMPLES, 16));
    samples
        .getValueFactory()
        .valueProperty()
        .addListener((o, a, b) -> viewModel.samplesProperty().set(b));
    viewModel
        .samplesProperty()
        .addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));
    run.disableProperty().bind(viewModel.runningProperty().or(viewModel.hasModel().not()));
    cancel.disableProperty().bind(viewModel.runningProperty().not());
    status.textProperty().bind(viewModel.statusProperty());

    group.setItems(viewModel.groups());
    group.valueProperty().bindBidirectional(viewModel.selectedGroupProperty());
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
    channels.setItems(viewModel.channels());
    text(placeColumn, ChannelRank::place);
    text(channelColumn, r -> Integer.toString(r.channel()));
    text(importanceColumn, r -> String.format(Locale.ROOT, "%.5g", r.importance()));
    text(relativeColumn, r -> String.format(Locale.ROOT, "%.2f", r.relative()));
    channels.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    viewModel
        .resultProperty()
        .addListener(
            (o, a, b) -> {
              fill(
                  boxSlot,
                  viewModel
                      .channelImportance()
                      .map(v -> SensitivityCharts.box(b.method().cliName(), v)),
                  "run a method to see how its importance spreads over each group's " + "channels");
              fill(
                  sumSlot,
                  viewModel
                      .sensitivitySums()
                      .map(v -> SensitivityCharts.sums(b.method().cliName(), v)),
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

  @FXML
  private void runScoring() {
    viewModel.run();
  }

  @FXML
  private void cancelScoring() {
    viewModel.cancel();
  }

  private void fillCurve() {
    fill(
        curveSlot,
        viewModel.selectedCurvePoints().map(SensitivityCharts::curve),
        "select a group to see its error curve \u03b5(r)");
  }

  private void fill(StackPane slot, Optional<JFreeChart> chart, String empty) {
    if (chart.isEmpty()) {
      Label placeholder = new Label(empty);
      placeholder.setWrapText(true);
      placeholder.getStyleClass().add("placeholder");
      slot.getChildren().setAll(placeholder);
      return;
    }
    ChartBox box = new ChartBox(chart.get(), viewModel::chartExportFailed);
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

  private static void text(
      TableColumn<ChannelRank, String> column, Function<ChannelRank, String> value) {
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
  }
}
