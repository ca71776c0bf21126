package org.prunelab.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.prunelab.ui.Fxml;

/**
 * The window's status bar (view of {@code StatusBar.fxml}): device, engine, dataset and memory,
 * bound to a {@link StatusBarViewModel}.
 */
final class StatusBar extends HBox {
  @FXML private Label device;
  @FXML private Label engine;
  @FXML private Label data;
  @FXML private Label memory;

  StatusBar(StatusBarViewModel viewModel) {
    Fxml.load(this);
    device.textProperty().bind(viewModel.deviceText());
    engine.textProperty().bind(viewModel.engineText());
    data.textProperty().bind(viewModel.dataText());
    memory.textProperty().bind(viewModel.memoryText());
  }
}
