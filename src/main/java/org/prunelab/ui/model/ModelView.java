package org.prunelab.ui.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.prunelab.nn.LayerInfo;

/**
 * The model view: a layer table (name, operation, input and output shape, parameters, FLOPs, channel group: layers
 * whose channels must be pruned together share a group and its tint) with totals, bound to a
 * {@link ModelViewModel}.
 */
public final class ModelView extends VBox {

  public ModelView(ModelViewModel viewModel) {
    super(8);
    setPadding(new Insets(10));
    Label title = new Label();
    title.getStyleClass().add("view-title");
    title.textProperty().bind(viewModel.titleProperty());
    Label details = new Label();
    details.textProperty().bind(viewModel.detailsProperty());
    details.setWrapText(true);
    TableView<LayerInfo> table = new TableView<>(viewModel.layers());
    table.setPlaceholder(new Label("loading model…"));
    table.getColumns().add(text("Layer", 190, LayerInfo::name));
    table.getColumns().add(text("Op", 110, LayerInfo::op));
    table.getColumns().add(text("Input", 175, r -> r.inputShapes().stream().map(ModelView::shape)
        .collect(Collectors.joining(" + "))));
    table.getColumns().add(text("Output", 110, r -> shape(r.outputShape())));
    table.getColumns().add(number("Parameters", LayerInfo::params));
    table.getColumns().add(number("FLOPs (MACs)", LayerInfo::macs));
    table.getColumns().add(groupColumn(viewModel));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    VBox.setVgrow(table, Priority.ALWAYS);
    Label totals = new Label();
    totals.getStyleClass().add("totals");
    totals.textProperty().bind(viewModel.totalsProperty());
    getChildren().addAll(title, details, table, totals);
  }

  private static TableColumn<LayerInfo, String> text(String name, double width,
      java.util.function.Function<LayerInfo, String> value) {
    TableColumn<LayerInfo, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return c;
  }

  private static TableColumn<LayerInfo, Long> number(String name, java.util.function.ToLongFunction<LayerInfo> v) {
    TableColumn<LayerInfo, Long> c = new TableColumn<>(name);
    c.setPrefWidth(130);
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(v.applyAsLong(cell.getValue())));
    c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(Long item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d", item));
      }
    });
    return c;
  }

  /** Pastel tints that tell neighbouring channel groups apart; coupled layers share their group's tint. */
  private static final String[] GROUP_TINTS = {"#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#e0e7ff", "#ccfbf1",
      "#fee2e2", "#ede9fe"};

  private static TableColumn<LayerInfo, String> groupColumn(ModelViewModel viewModel) {
    TableColumn<LayerInfo, String> c = text("Channel group", 150, r -> viewModel.groupOf(r.name())
        .map(g -> g.prunable() ? g.id() : g.id() + " · fixed").orElse(""));
    c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        java.util.Optional<ChannelGroupTag> tag = empty || getTableRow() == null || getTableRow().getItem() == null
            ? java.util.Optional.empty() : viewModel.groupOf(getTableRow().getItem().name());
        setText(empty ? null : item);
        setStyle(tag.map(g -> "-fx-background-color: " + GROUP_TINTS[g.index() % GROUP_TINTS.length] + ";")
            .orElse(""));
        setTooltip(tag.filter(g -> !g.prunable())
            .map(g -> new javafx.scene.control.Tooltip("not prunable: " + g.unprunableReason())).orElse(null));
      }
    });
    return c;
  }

  static String shape(long[] s) {
    return Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining("×"));
  }
}
