package org.prunelab.ui.jobs;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.prunelab.ui.Fxml;

/**
 * One job's row in the job panel (view of {@code JobRow.fxml}): name, progress bar, message with
 * ETA, device and a Cancel button, bound to a {@link JobRowViewModel}.
 */
public final class JobRow extends HBox {
  private final JobRowViewModel viewModel;
  @FXML private Label name;
  @FXML private ProgressBar bar;
  @FXML private Label message;
  @FXML private Label device;
  @FXML private Button cancel;

  public JobRow(JobRowViewModel viewModel) {
    this.viewModel = viewModel;
    Fxml.load(this);
    name.setText(viewModel.name());
    name.setTooltip(new Tooltip(viewModel.name()));
    device.setText(viewModel.device());
    bar.progressProperty().bind(viewModel.progressProperty());
    message.textProperty().bind(viewModel.messageProperty());
    cancel.disableProperty().bind(viewModel.finishedProperty());
  }

  @FXML
  private void cancelJob() {
    viewModel.cancel();
  }
}
