package org.prunelab.ui.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.SweepJobs;
import org.prunelab.experiment.SweepSession;
import org.prunelab.job.JobHandle;
import org.prunelab.job.Jobs;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;

/**
 * Runs a sweep from the workbench as jobs of the device worker, one per job of the spec, so each
 * has its own progress and Cancel in the job panel: a first job opens the results store (a
 * connection of its own) and the {@link SweepSession} (dataset, network, the experiment recorded),
 * then one job per unfinished key runs and records it, and a last job closes the session and the
 * store whether the others finished, failed or were cancelled. After every recorded job {@code
 * onRecorded} runs (the workbench asks its results feed to look at once). FX thread only.
 */
public final class SweepQueue {
  private final Jobs jobs;
  private final Runnable onRecorded;
  private final Consumer<Throwable> onOpenFailure;
  private final List<QueuedSweep> sweeps = new ArrayList<>();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

  /**
   * A queue submitting to {@code jobs}; {@code onOpenFailure} hears why a sweep could not start
   * (its dataset or network could not be opened, the store could not be written).
   */
  public SweepQueue(Jobs jobs, Runnable onRecorded, Consumer<Throwable> onOpenFailure) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.onRecorded = Objects.requireNonNull(onRecorded, "onRecorded");
    this.onOpenFailure = Objects.requireNonNull(onOpenFailure, "onOpenFailure");
  }

  /** The store and the opened sweep, owned by the worker's jobs. */
  private record Opened(ResultsStore store, SweepSession session, List<JobKey> pending) {}

  /** One queued sweep: its run jobs, and whether the user cancelled it. */
  private static final class QueuedSweep {
    final List<JobHandle<?>> runs = new ArrayList<>();
    boolean cancelled;
  }

  /** Queues every unfinished job of {@code spec}, recording into the SQLite file {@code store}. */
  public void queue(ExperimentSpec spec, Path store) {
    QueuedSweep sweep = new QueuedSweep();
    sweeps.add(sweep);
    running.set(true);
    jobs.submit(
        "Open sweep '" + spec.name() + "'",
        ctx -> {
          ResultsStore opened = ResultsStore.open(store);
          try {
            SweepSession session = SweepSession.open(spec, opened, ctx);
            return new Opened(opened, session, session.pending());
          } catch (RuntimeException e) {
            opened.close();
            throw e;
          }
        },
        o -> o.pending().size() + " jobs to run",
        o -> runAll(sweep, spec, store, o),
        e -> {
          ended(sweep);
          onOpenFailure.accept(e);
        });
  }

  private void runAll(QueuedSweep sweep, ExperimentSpec spec, Path store, Opened opened) {
    onRecorded.run();
    String where = "recorded in " + store.getFileName();
    if (!sweep.cancelled) {
      for (JobKey key : opened.pending()) {
        sweep.runs.add(
            jobs.submit(
                spec.name() + ": " + SweepJobs.label(key),
                ctx -> opened.session().run(key, ctx),
                job -> where,
                job -> onRecorded.run(),
                e -> onRecorded.run()));
      }
    }
    jobs.submit(
        "Close sweep '" + spec.name() + "'",
        ctx -> {
          try {
            opened.session().close();
          } finally {
            opened.store().close();
          }
          return null;
        },
        done -> ended(sweep),
        e -> ended(sweep));
  }

  private void ended(QueuedSweep sweep) {
    sweeps.remove(sweep);
    running.set(!sweeps.isEmpty());
  }

  /**
   * Cancels every queued and running job of the sweeps queued here; a sweep still opening runs none
   * of its jobs. Each sweep's last job still closes its store.
   */
  public void cancelAll() {
    for (QueuedSweep sweep : sweeps) {
      sweep.cancelled = true;
      sweep.runs.forEach(JobHandle::cancel);
    }
  }

  /** Whether a sweep queued here has not closed yet. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }
}
