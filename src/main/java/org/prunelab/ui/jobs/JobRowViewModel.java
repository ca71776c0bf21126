package org.prunelab.ui.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.prunelab.job.JobHandle;
import org.prunelab.job.JobListener;
import org.prunelab.job.JobState;
import org.prunelab.job.Progress;
import org.prunelab.ui.FxThread;

/**
 * One job in the job panel: its name and device, its progress (a fraction, or {@link
 * #INDETERMINATE} while its amount of work is unknown), the message with the estimated time left,
 * and whether it has ended. It is the job's listener: reports arrive on worker threads and are
 * handed to the FX thread, where the properties change.
 */
public final class JobRowViewModel implements JobListener {
  /** The progress of a job whose amount of work is not known (the bar runs back and forth). */
  public static final double INDETERMINATE = -1;

  private final String name;
  private final String device;
  private final Runnable onFinished;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("queued");
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
  private JobHandle<?> handle;
  private String outcome;

  /**
   * A queued job's row; {@code onFinished} runs on the FX thread once the job has ended.
   *
   * @param name the job's name
   * @param device the device whose worker runs it
   * @param onFinished called after the row turned finished
   */
  JobRowViewModel(String name, String device, Runnable onFinished) {
    this.name = Objects.requireNonNull(name, "name");
    this.device = Objects.requireNonNull(device, "device");
    this.onFinished = onFinished;
  }

  /** Connects the row to its submitted job, which {@link #cancel} then cancels. */
  void attach(JobHandle<?> submitted) {
    this.handle = submitted;
  }

  /** Asks the job to stop (a queued job never starts). */
  public void cancel() {
    if (handle != null) {
      handle.cancel();
    }
  }

  @Override
  public void onProgress(JobHandle<?> job, Progress p) {
    String eta = job.eta().map(JobRowViewModel::format).map(s -> "  ETA " + s).orElse("");
    FxThread.run(
        () -> {
          progress.set(p.fraction() < 0 ? INDETERMINATE : p.fraction());
          message.set(p.message() + eta);
        });
  }

  @Override
  public void onStateChanged(JobHandle<?> job) {
    JobState state = job.state();
    FxThread.run(
        () -> {
          if (state == JobState.RUNNING) {
            progress.set(INDETERMINATE);
            message.set("running");
          } else if (state.isTerminal()) {
            progress.set(state == JobState.SUCCEEDED ? 1 : progress.get() < 0 ? 0 : progress.get());
            message.set(ended(state));
            finished.set(true);
            onFinished.run();
          }
        });
  }

  /**
   * Says where a succeeded job's result went ({@code null}: nothing to add). FX thread; it may come
   * before or after the row heard that the job ended.
   */
  void succeededWith(String text) {
    outcome = text == null || text.isBlank() ? null : text;
    if (finished.get()) {
      message.set(ended(JobState.SUCCEEDED));
    }
  }

  private String ended(JobState state) {
    String word = state.name().toLowerCase(Locale.ROOT);
    return state == JobState.SUCCEEDED && outcome != null ? word + ": " + outcome : word;
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    return String.format("%d:%02d", s / 60, s % 60);
  }

  public String name() {
    return name;
  }

  public String device() {
    return device;
  }

  /** Fraction done in [0, 1], or {@link #INDETERMINATE}. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /**
   * "queued", "running", the job's latest message with its ETA, then how it ended (and, for a job
   * that says so, where its result went).
   */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether the job has ended (succeeded, failed or cancelled). */
  public ReadOnlyBooleanProperty finishedProperty() {
    return finished.getReadOnlyProperty();
  }
}
