package org.prunelab.ui.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.prunelab.job.DeviceWorker;
import org.prunelab.job.Job;
import org.prunelab.job.JobHandle;
import org.prunelab.job.JobListener;
import org.prunelab.job.JobState;
import org.prunelab.job.Progress;
import org.prunelab.ui.FxThread;

/**
 * The bottom job panel: one row per submitted job with its name, progress bar, message with ETA,
 * device and a Cancel button, in a scrolling list that keeps every unfinished job and the last
 * {@link #KEEP_FINISHED} finished ones. Jobs run on the device worker; results and failures come
 * back on the FX thread.
 */
public final class JobPanel extends VBox {
  /** Finished rows kept visible; older finished rows are dropped. */
  public static final int KEEP_FINISHED = 6;

  private final DeviceWorker worker;
  private final VBox rows = new VBox(2);

  public JobPanel(DeviceWorker worker) {
    super(4);
    this.worker = worker;
    setPadding(new Insets(6, 8, 6, 8));
    getStyleClass().add("job-panel");
    Label title = new Label("Jobs");
    title.getStyleClass().add("section-title");
    Label empty = new Label("no jobs yet");
    empty.getStyleClass().add("hint");
    empty.visibleProperty().bind(Bindings.isEmpty(rows.getChildren()));
    empty.managedProperty().bind(empty.visibleProperty());
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setPrefViewportHeight(104);
    scroll.getStyleClass().add("job-list");
    getChildren().addAll(title, empty, scroll);
  }

  /** Submits a job and shows it; {@code onSuccess} and {@code onFailure} run on the FX thread. */
  public <T> JobHandle<T> submit(
      String name, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Row row = new Row(name, worker.deviceName());
    rows.getChildren().add(row);
    JobHandle<T> handle = worker.submit(name, job, row);
    row.cancel.setOnAction(e -> handle.cancel());
    handle
        .result()
        .whenComplete(
            (value, error) ->
                FxThread.run(
                    () -> {
                      if (error == null) {
                        onSuccess.accept(value);
                      } else if (!(error instanceof CancellationException)) {
                        onFailure.accept(
                            error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error);
                      }
                    }));
    return handle;
  }

  /** Drops the oldest finished rows beyond {@link #KEEP_FINISHED}. */
  private void dropOldFinished() {
    List<Node> finished = rows.getChildren().stream().filter(n -> ((Row) n).finished).toList();
    rows.getChildren().removeAll(finished.subList(0, Math.max(0, finished.size() - KEEP_FINISHED)));
  }

  /** One job's row; also the job's listener (updates hop to the FX thread). */
  private final class Row extends HBox implements JobListener {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label("queued");
    private final Button cancel = new Button("Cancel");
    private boolean finished;

    Row(String name, String device) {
      super(10);
      setAlignment(Pos.CENTER_LEFT);
      getStyleClass().add("job-row");
      Label nameLabel = new Label(name);
      nameLabel.getStyleClass().add("job-name");
      nameLabel.setMinWidth(260);
      nameLabel.setPrefWidth(420);
      nameLabel.setTooltip(new Tooltip(name));
      bar.setPrefWidth(200);
      Label deviceLabel = new Label(device);
      message.setMaxWidth(Double.MAX_VALUE);
      message.getStyleClass().add("job-message");
      HBox.setHgrow(message, Priority.ALWAYS);
      getChildren().addAll(nameLabel, bar, message, deviceLabel, cancel);
    }

    @Override
    public void onProgress(JobHandle<?> handle, Progress p) {
      String eta = handle.eta().map(Row::format).map(s -> "  ETA " + s).orElse("");
      FxThread.run(
          () -> {
            bar.setProgress(p.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
            message.setText(p.message() + eta);
          });
    }

    @Override
    public void onStateChanged(JobHandle<?> handle) {
      JobState state = handle.state();
      FxThread.run(
          () -> {
            if (state == JobState.RUNNING) {
              bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
              message.setText("running");
            } else if (state.isTerminal()) {
              bar.setProgress(
                  state == JobState.SUCCEEDED ? 1 : bar.getProgress() < 0 ? 0 : bar.getProgress());
              message.setText(state.name().toLowerCase(Locale.ROOT));
              cancel.setDisable(true);
              finished = true;
              dropOldFinished();
            }
          });
    }

    private static String format(Duration d) {
      long s = d.toSeconds();
      return String.format("%d:%02d", s / 60, s % 60);
    }
  }
}
