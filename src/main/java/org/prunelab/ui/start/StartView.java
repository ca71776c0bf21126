package org.prunelab.ui.start;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.ModelFileChooser;
import org.prunelab.ui.start.StartViewModel.DatasetChoice;
import org.prunelab.ui.start.StartViewModel.ZooEntry;

/**
 * The start page (view of {@code StartView.fxml}): open an ONNX or PruneLab file, pick a zoo model
 * (bundled trained weights marked) and a dataset, or reopen a recent project. Bound to a {@link
 * StartViewModel}.
 */
public final class StartView extends VBox {
  private final StartViewModel viewModel;
  @FXML private Label current;
  @FXML private ComboBox<DatasetChoice> dataset;
  @FXML private ListView<ZooEntry> zoo;
  @FXML private ListView<Path> recent;
  @FXML private Button openZoo;
  @FXML private Button openRecent;

  public StartView(StartContext context) {
    this.viewModel = new StartViewModel(context);
    Fxml.load(this);
    current.textProperty().bind(viewModel.currentModel());
    dataset.getItems().setAll(viewModel.datasets());
    dataset.setCellFactory(list -> cell(DatasetChoice::label));
    dataset.setButtonCell(cell(DatasetChoice::label));
    dataset.getSelectionModel().select(viewModel.currentDataset());
    viewModel
        .datasetProperty()
        .addListener(
            (obs, old, now) -> dataset.getSelectionModel().select(viewModel.currentDataset()));
    dataset
        .valueProperty()
        .addListener(
            (obs, old, choice) -> {
              if (choice != null) {
                viewModel.chooseDataset(choice);
              }
            });
    zoo.getItems().setAll(viewModel.zoo());
    zoo.setCellFactory(list -> cell(ZooEntry::label));
    zoo.getSelectionModel().selectFirst();
    zoo.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            openZoo();
          }
        });
    openZoo.disableProperty().bind(zoo.getSelectionModel().selectedItemProperty().isNull());
    recent.setItems(viewModel.recentProjects());
    recent.setPlaceholder(new Label("no projects yet: File > Save project… keeps one"));
    recent.setCellFactory(list -> cell(Path::toString));
    recent.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            openRecent();
          }
        });
    openRecent.disableProperty().bind(recent.getSelectionModel().selectedItemProperty().isNull());
  }

  private static <T> ListCell<T> cell(Function<T, String> text) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
      }
    };
  }

  @FXML
  private void openFile() {
    ModelFileChooser.choose(getScene().getWindow()).ifPresent(viewModel::open);
  }

  @FXML
  private void openZoo() {
    ZooEntry entry = zoo.getSelectionModel().getSelectedItem();
    if (entry != null) {
      viewModel.open(entry);
    }
  }

  @FXML
  private void openRecent() {
    Path project = recent.getSelectionModel().getSelectedItem();
    if (project != null) {
      viewModel.openProject(project);
    }
  }
}
