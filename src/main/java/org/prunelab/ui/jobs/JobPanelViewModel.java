package org.prunelab.ui.jobs;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job panel's list: one {@link JobRowViewModel} per submitted job, the unfinished ones first
 * (in the order they run, so the running job is always at the top), then the last {@link
 * #KEEP_FINISHED} finished ones, newest first. FX thread only.
 */
public final class JobPanelViewModel {
  /** Finished rows kept visible; older finished rows are dropped. */
  public static final int KEEP_FINISHED = 6;

  private final ObservableList<JobRowViewModel> rows = FXCollections.observableArrayList();
  private final ObservableList<JobRowViewModel> readOnlyRows =
      FXCollections.unmodifiableObservableList(rows);

  /** Adds the row of a job just submitted to the worker of {@code device}. */
  JobRowViewModel add(String name, String device) {
    JobRowViewModel[] created = new JobRowViewModel[1];
    created[0] = new JobRowViewModel(name, device, () -> finished(created[0]));
    rows.add(unfinishedCount(), created[0]);
    return created[0];
  }

  /** Moves a row that just finished to the top of the finished ones; drops the oldest beyond. */
  private void finished(JobRowViewModel row) {
    rows.remove(row);
    rows.add(unfinishedCount(), row);
    int keep = unfinishedCount() + KEEP_FINISHED;
    if (rows.size() > keep) {
      rows.remove(keep, rows.size());
    }
  }

  private int unfinishedCount() {
    return (int) rows.stream().filter(r -> !r.finishedProperty().get()).count();
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
