package org.prunelab.ui.jobs;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.prunelab.ui.Fxml;

/**
 * The bottom job panel (view of {@code JobPanel.fxml}): one {@link JobRow} per job of a {@link
 * JobPanelViewModel} in a scrolling list, or a hint while there is none.
 */
public final class JobPanel extends VBox {
  private final JobPanelViewModel viewModel;
  private final Map<JobRowViewModel, JobRow> shown = new HashMap<>();
  @FXML private Label empty;
  @FXML private VBox rows;

  public JobPanel(JobPanelViewModel viewModel) {
    this.viewModel = viewModel;
    Fxml.load(this);
    empty.visibleProperty().bind(Bindings.isEmpty(viewModel.rows()));
    empty.managedProperty().bind(empty.visibleProperty());
    viewModel.rows().addListener((ListChangeListener<JobRowViewModel>) c -> showRows());
    showRows();
  }

  private void showRows() {
    shown.keySet().retainAll(viewModel.rows());
    rows.getChildren()
        .setAll(viewModel.rows().stream().map(r -> shown.computeIfAbsent(r, JobRow::new)).toList());
  }
}
