package org.prunelab.ui.jobs;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One job's row in the job panel: name, progress bar, message with ETA, device and a Cancel button,
 * bound to a {@link JobRowViewModel}. Built in code, not FXML: a sweep adds a row per job at once,
 * and loading FXML for each stalled the FX thread.
 */
public final class JobRow extends HBox {
  /** A row bound to {@code viewModel}. */
  public JobRow(JobRowViewModel viewModel) {
    super(10);
    getStyleClass().add("job-row");
    setAlignment(Pos.CENTER_LEFT);
    Label name = new Label(viewModel.name());
    name.getStyleClass().add("job-name");
    name.setMinWidth(260);
    name.setPrefWidth(420);
    name.setTooltip(new Tooltip(viewModel.name()));
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(200);
    bar.progressProperty().bind(viewModel.progressProperty());
    Label message = new Label();
    message.getStyleClass().add("job-message");
    message.setMinWidth(0);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    message.textProperty().bind(viewModel.messageProperty());
    Label device = new Label(viewModel.device());
    device.setMinWidth(USE_PREF_SIZE);
    Button cancel = new Button("Cancel");
    cancel.setMinWidth(USE_PREF_SIZE);
    cancel.disableProperty().bind(viewModel.finishedProperty());
    cancel.setOnAction(e -> viewModel.cancel());
    getChildren().addAll(name, bar, message, device, cancel);
  }
}
