package org.prunelab.ui.jobs;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job panel's list: one {@link JobRowViewModel} per submitted job, oldest first, keeping every
 * unfinished job and the last {@link #KEEP_FINISHED} finished ones. FX thread only.
 */
public final class JobPanelViewModel {
  /** Finished rows kept visible; older finished rows are dropped. */
  public static final int KEEP_FINISHED = 6;

  private final ObservableList<JobRowViewModel> rows = FXCollections.observableArrayList();
  private final ObservableList<JobRowViewModel> readOnlyRows =
      FXCollections.unmodifiableObservableList(rows);

  /** Adds the row of a job just submitted to the worker of {@code device}. */
  JobRowViewModel add(String name, String device) {
    JobRowViewModel row = new JobRowViewModel(name, device, this::dropOldFinished);
    rows.add(row);
    return row;
  }

  /** Drops the oldest finished rows beyond {@link #KEEP_FINISHED}. */
  private void dropOldFinished() {
    List<JobRowViewModel> finished = rows.stream().filter(r -> r.finishedProperty().get()).toList();
    rows.removeAll(finished.subList(0, Math.max(0, finished.size() - KEEP_FINISHED)));
  }

  /**
   * The rows, oldest first, read-only. Always the same list: a listener added to it stays (the
   * read-only view forwards changes through a weak listener, so a fresh view per call would lose
   * its listeners to the garbage collector).
   */
  public ObservableList<JobRowViewModel> rows() {
    return readOnlyRows;
  }
}
