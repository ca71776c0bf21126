package org.prunelab.ui.jobs;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A job's row in the job panel's list: name, progress bar, message with ETA, device and a Cancel
 * button, bound to the {@link JobRowViewModel} the cell shows now. The list is virtual: a sweep of
 * a hundred jobs makes a cell for each visible row only, and a cell is bound to another job as the
 * list scrolls or a job moves up, so no job costs the FX thread a row of controls of its own.
 */
final class JobRowCell extends ListCell<JobRowViewModel> {
  private final HBox row = new HBox(10);
  private final Label name = new Label();
  private final Tooltip fullName = new Tooltip();
  private final ProgressBar bar = new ProgressBar();
  private final Label message = new Label();
  private final Label device = new Label();
  private final Button cancel = new Button("Cancel");

  JobRowCell() {
    row.getStyleClass().add("job-row");
    row.setAlignment(Pos.CENTER_LEFT);
    name.getStyleClass().add("job-name");
    name.setMinWidth(260);
    name.setPrefWidth(420);
    name.setTooltip(fullName);
    bar.setPrefWidth(200);
    message.getStyleClass().add("job-message");
    message.setMinWidth(0);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    device.setMinWidth(USE_PREF_SIZE);
    cancel.setMinWidth(USE_PREF_SIZE);
    row.getChildren().addAll(name, bar, message, device, cancel);
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
  }

  @Override
  protected void updateItem(JobRowViewModel job, boolean empty) {
    super.updateItem(job, empty);
    bar.progressProperty().unbind();
    message.textProperty().unbind();
    cancel.disableProperty().unbind();
    if (empty || job == null) {
      setGraphic(null);
      cancel.setOnAction(null);
      return;
    }
    name.setText(job.name());
    fullName.setText(job.name());
    device.setText(job.device());
    bar.progressProperty().bind(job.progressProperty());
    message.textProperty().bind(job.messageProperty());
    cancel.disableProperty().bind(job.finishedProperty());
    cancel.setOnAction(e -> job.cancel());
    setGraphic(row);
  }
}
