package org.prunelab.ui.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.prunelab.nn.LayerInfo;
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
