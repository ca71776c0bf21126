package org.prunelab.ui.jobs;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
 * The bottom job panel: one row per submitted job with its name, progress bar, message with ETA, device and a
 * Cancel button. Jobs run on the device worker; results and failures come back on the FX thread.
 */
public final class JobPanel extends VBox {
  private final DeviceWorker worker;

  public JobPanel(DeviceWorker worker) {
    super(4);
    this.worker = worker;
    setPadding(new Insets(6, 8, 6, 8));
    getStyleClass().add("job-panel");
    Label title = new Label("Jobs");
    title.getStyleClass().add("section-title");
    getChildren().add(title);
  }

  /** Submits a job and shows it; {@code onSuccess} and {@code onFailure} run on the FX thread. */
  public <T> JobHandle<T> submit(String name, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Row row = new Row(name, worker.deviceName());
    getChildren().add(row);
    JobHandle<T> handle = worker.submit(name, job, row);
    row.cancel.setOnAction(e -> handle.cancel());
    handle.result().whenComplete((value, error) -> FxThread.run(() -> {
      if (error == null) {
        onSuccess.accept(value);
      } else if (!(error instanceof CancellationException)) {
        onFailure.accept(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
      }
    }));
    return handle;
  }

  /** One job's row; also the job's listener (updates hop to the FX thread). */
  private static final class Row extends HBox implements JobListener {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label("queued");
    private final Button cancel = new Button("Cancel");

    Row(String name, String device) {
      super(10);
      setAlignment(Pos.CENTER_LEFT);
      Label nameLabel = new Label(name);
      nameLabel.setMinWidth(260);
      bar.setPrefWidth(220);
      Label deviceLabel = new Label(device);
      message.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(message, Priority.ALWAYS);
      getChildren().addAll(nameLabel, bar, message, deviceLabel, cancel);
    }

    @Override
    public void onProgress(JobHandle<?> handle, Progress p) {
      String eta = handle.eta().map(Row::format).map(s -> "  ETA " + s).orElse("");
      FxThread.run(() -> {
        bar.setProgress(p.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
        message.setText(p.message() + eta);
      });
    }

    @Override
    public void onStateChanged(JobHandle<?> handle) {
      JobState state = handle.state();
      FxThread.run(() -> {
        if (state == JobState.RUNNING) {
          bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
          message.setText("running");
        } else if (state.isTerminal()) {
          bar.setProgress(state == JobState.SUCCEEDED ? 1 : bar.getProgress() < 0 ? 0 : bar.getProgress());
          message.setText(state.name().toLowerCase());
          cancel.setDisable(true);
        }
      });
    }

    private static String format(Duration d) {
      long s = d.getSeconds();
      return String.format("%d:%02d", s / 60, s % 60);
    }
  }
}
