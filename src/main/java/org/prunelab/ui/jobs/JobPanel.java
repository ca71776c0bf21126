package org.prunelab.ui.jobs;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.prunelab.ui.Fxml;

/**
 * The bottom job panel (view of {@code JobPanel.fxml}): the jobs of a {@link JobPanelViewModel} in
 * a virtual list of {@link JobRowCell}s, running and queued ones first, or a hint while there is
 * none. However many jobs a sweep queues, only the visible rows are built and laid out.
 */
public final class JobPanel extends VBox {
  /** Height of one row: the list lays rows out without measuring each. */
  static final double ROW_HEIGHT = 30;

  @FXML private Label empty;
  @FXML private ListView<JobRowViewModel> rows;

  /** The panel of {@code viewModel}'s rows. */
  public JobPanel(JobPanelViewModel viewModel) {
    Fxml.load(this);
    empty.visibleProperty().bind(Bindings.isEmpty(viewModel.rows()));
    empty.managedProperty().bind(empty.visibleProperty());
    rows.setItems(viewModel.rows());
    rows.setFixedCellSize(ROW_HEIGHT);
    rows.setMinHeight(2 * ROW_HEIGHT + 4); // the running job and the next stay visible
    rows.setCellFactory(list -> new JobRowCell());
    rows.setFocusTraversable(false);
  }
}
