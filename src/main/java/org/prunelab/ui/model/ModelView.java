package org.prunelab.ui.model;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.prunelab.nn.LayerInfo;
import org.prunelab.service.NetworkComparison;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.WorkbenchContext;

/**
 * The model view (view of {@code ModelView.fxml}): a layer table (name, operation, input and output
 * shape, parameters, FLOPs, channel group, prunable) with totals. Layers whose channels must be
 * pruned together share a channel group and its tint; the selected row is the workbench's selected
 * layer, both ways. Bound to a {@link ModelViewModel}.
 */
public final class ModelView extends VBox {
  /**
   * Translucent tints that tell neighbouring channel groups apart on light and dark backgrounds;
   * coupled layers share their group's tint.
   */
  static final String[] GROUP_TINTS = {
    "rgba(59,130,246,0.28)",
    "rgba(34,197,94,0.28)",
    "rgba(245,158,11,0.30)",
    "rgba(236,72,153,0.26)",
    "rgba(99,102,241,0.28)",
    "rgba(20,184,166,0.28)",
    "rgba(239,68,68,0.26)",
    "rgba(168,85,247,0.26)"
  };

  private final ModelViewModel viewModel;
  @FXML private Label title;
  @FXML private Label details;
  @FXML private Label totals;
  @FXML private Label accuracy;
  @FXML private Button evaluateButton;
  @FXML private TableView<LayerInfo> table;
  @FXML private TableColumn<LayerInfo, String> nameColumn;
  @FXML private TableColumn<LayerInfo, String> opColumn;
  @FXML private TableColumn<LayerInfo, String> inputColumn;
  @FXML private TableColumn<LayerInfo, String> outputColumn;
  @FXML private TableColumn<LayerInfo, Long> paramsColumn;
  @FXML private TableColumn<LayerInfo, Long> flopsColumn;
  @FXML private TableColumn<LayerInfo, String> groupColumn;
  @FXML private TableColumn<LayerInfo, String> prunableColumn;
  @FXML private TabPane tabs;
  @FXML private Tab compareTab;
  @FXML private Label compareTotals;
  @FXML private Button compareButton;
  @FXML private Button closeCompare;
  @FXML private TableView<NetworkComparison.Layer> compareTable;
  @FXML private TableColumn<NetworkComparison.Layer, String> cName;
  @FXML private TableColumn<NetworkComparison.Layer, String> cOp;
  @FXML private TableColumn<NetworkComparison.Layer, String> cChannels;
  @FXML private TableColumn<NetworkComparison.Layer, Long> cParamsBefore;
  @FXML private TableColumn<NetworkComparison.Layer, Long> cParamsAfter;
  @FXML private TableColumn<NetworkComparison.Layer, Double> cParamsRemoved;
  @FXML private TableColumn<NetworkComparison.Layer, Long> cMacsBefore;
  @FXML private TableColumn<NetworkComparison.Layer, Long> cMacsAfter;
  @FXML private TableColumn<NetworkComparison.Layer, Double> cMacsRemoved;

  public ModelView(WorkbenchContext context) {
    this.viewModel = new ModelViewModel(context);
    Fxml.load(this);
    title.textProperty().bind(viewModel.titleProperty());
    details.textProperty().bind(viewModel.detailsProperty());
    totals.textProperty().bind(viewModel.totalsProperty());
    accuracy.textProperty().bind(viewModel.accuracyProperty());
    evaluateButton
        .disableProperty()
        .bind(viewModel.hasModel().not().or(viewModel.evaluatingProperty()));
    table.setItems(viewModel.layers());
    table.setPlaceholder(
        new Label("no model opened: pick one on the Start page or drop an .onnx file here"));
    text(nameColumn, LayerInfo::name);
    text(opColumn, LayerInfo::op);
    text(
        inputColumn,
        r -> r.inputShapes().stream().map(ModelView::shape).collect(Collectors.joining(" + ")));
    text(outputColumn, r -> shape(r.outputShape()));
    number(paramsColumn, LayerInfo::params);
    number(flopsColumn, LayerInfo::macs);
    text(groupColumn, r -> viewModel.groupOf(r.name()).map(ChannelGroupTag::id).orElse(""));
    groupColumn.setCellFactory(col -> new GroupCell());
    text(
        prunableColumn,
        r ->
            viewModel
                .groupOf(r.name())
                .map(g -> g.prunable() ? "yes" : "no: " + g.unprunableReason())
                .orElse(""));
    prunableColumn.setCellFactory(col -> new GroupCell());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    bindSelection();
    bindComparison();
  }

  /**
   * The before/after tab shows the workbench's comparison; a new comparison brings the tab to the
   * front.
   */
  private void bindComparison() {
    compareButton.disableProperty().bind(viewModel.hasModel().not());
    compareTab.disableProperty().bind(viewModel.comparison().isNull());
    closeCompare.disableProperty().bind(viewModel.comparison().isNull());
    compareTable.setPlaceholder(
        new Label("Compare with file…, or Prune in the allocation view, or a run's Compare"));
    compareTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    compareText(cName, NetworkComparison.Layer::name);
    cName.setCellFactory(col -> new TintedCell());
    compareText(cOp, NetworkComparison.Layer::op);
    compareText(cChannels, r -> channels(r.channelsBefore()) + " → " + channels(r.channelsAfter()));
    compareNumber(cParamsBefore, NetworkComparison.Layer::paramsBefore);
    compareNumber(cParamsAfter, NetworkComparison.Layer::paramsAfter);
    removed(cParamsRemoved, NetworkComparison.Layer::removedParams);
    compareNumber(cMacsBefore, NetworkComparison.Layer::macsBefore);
    compareNumber(cMacsAfter, NetworkComparison.Layer::macsAfter);
    removed(cMacsRemoved, NetworkComparison.Layer::removedMacs);
    viewModel.comparison().addListener((o, a, c) -> showComparison(c));
    showComparison(viewModel.comparison().get());
  }

  private void showComparison(NetworkComparison c) {
    compareTable.getItems().setAll(c == null ? List.of() : c.layers());
    compareTotals.setText(c == null ? "" : ModelViewModel.comparisonTotals(c));
    tabs.getSelectionModel().select(c == null ? 0 : 1);
  }

  private static String channels(long n) {
    return n < 0 ? "—" : Long.toString(n);
  }

  @FXML
  private void compareWithFile() {
    chooseModelFile("Compare the opened model with").ifPresent(viewModel::compareWithFile);
  }

  @FXML
  private void compareFiles() {
    chooseModelFile("The original network")
        .ifPresent(
            original ->
                chooseModelFile("The compressed network")
                    .ifPresent(compressed -> viewModel.compareFiles(original, compressed)));
  }

  @FXML
  private void closeComparison() {
    viewModel.comparison().set(null);
  }

  private Optional<Path> chooseModelFile(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("ONNX or PruneLab model", "*.onnx", "*.plm"));
    File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    return Optional.ofNullable(file).map(File::toPath);
  }

  private static void compareText(
      TableColumn<NetworkComparison.Layer, String> c,
      Function<NetworkComparison.Layer, String> value) {
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
  }

  private static void compareNumber(
      TableColumn<NetworkComparison.Layer, Long> c, ToLongFunction<NetworkComparison.Layer> v) {
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.applyAsLong(cell.getValue())));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d", item));
              }
            });
  }

  /** A removed share as a bar and its percentage. */
  private static void removed(
      TableColumn<NetworkComparison.Layer, Double> c,
      ToDoubleFunction<NetworkComparison.Layer> share) {
    c.setCellValueFactory(
        cell -> new ReadOnlyObjectWrapper<>(share.applyAsDouble(cell.getValue())));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final ProgressBar bar = new ProgressBar();
              private final Label text = new Label();
              private final HBox box = new HBox(6, bar, text);

              {
                bar.setPrefWidth(60);
                bar.getStyleClass().add("removed-bar");
                box.setAlignment(Pos.CENTER_LEFT);
              }

              @Override
              protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                  setGraphic(null);
                  return;
                }
                bar.setProgress(Math.max(0, Math.min(1, item)));
                text.setText(String.format(Locale.ROOT, "%.0f %%", 100 * item));
                setGraphic(box);
              }
            });
  }

  /** A layer-name cell tinted with the original's channel group colour. */
  private final class TintedCell extends TableCell<NetworkComparison.Layer, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item);
      Optional<ChannelGroupTag> tag =
          empty || item == null ? Optional.empty() : viewModel.groupOf(item);
      setStyle(
          tag.map(g -> "-fx-background-color: " + GROUP_TINTS[g.index() % GROUP_TINTS.length] + ";")
              .orElse(""));
    }
  }

  /** Table selection and the workbench's selected layer follow each other. */
  private void bindSelection() {
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, row) -> {
              if (row != null) {
                viewModel.selectedLayer().set(row.name());
              }
            });
    viewModel.selectedLayer().addListener((obs, old, name) -> select(name));
    viewModel
        .layers()
        .addListener((ListChangeListener<LayerInfo>) c -> select(viewModel.selectedLayer().get()));
    select(viewModel.selectedLayer().get());
  }

  private void select(String name) {
    LayerInfo current = table.getSelectionModel().getSelectedItem();
    if (name == null) {
      table.getSelectionModel().clearSelection();
    } else if (current == null || !current.name().equals(name)) {
      viewModel.layers().stream()
          .filter(l -> l.name().equals(name))
          .findFirst()
          .ifPresent(
              l -> {
                table.getSelectionModel().select(l);
                table.scrollTo(l);
              });
    }
  }

  @FXML
  private void evaluate() {
    viewModel.evaluate();
  }

  private static void text(TableColumn<LayerInfo, String> c, Function<LayerInfo, String> value) {
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
  }

  private static void number(TableColumn<LayerInfo, Long> c, ToLongFunction<LayerInfo> v) {
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.applyAsLong(cell.getValue())));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d", item));
              }
            });
  }

  static String shape(long[] s) {
    return Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining("×"));
  }

  /**
   * A cell tinted with its row's channel group colour; unprunable groups explain why in a tooltip.
   */
  private final class GroupCell extends TableCell<LayerInfo, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      Optional<ChannelGroupTag> tag =
          empty || getTableRow() == null || getTableRow().getItem() == null
              ? Optional.empty()
              : viewModel.groupOf(getTableRow().getItem().name());
      setText(empty ? null : item);
      setStyle(
          tag.map(g -> "-fx-background-color: " + GROUP_TINTS[g.index() % GROUP_TINTS.length] + ";")
              .orElse(""));
      setTooltip(
          tag.filter(g -> !g.prunable())
              .map(g -> new Tooltip("not prunable: " + g.unprunableReason()))
              .orElse(null));
    }
  }
}
