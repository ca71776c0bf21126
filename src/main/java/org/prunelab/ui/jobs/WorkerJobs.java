package org.prunelab.ui.jobs;

import java.util.function.Consumer;
import java.util.function.Function;
import org.prunelab.job.DeviceWorker;
import org.prunelab.job.Job;
import org.prunelab.job.JobHandle;
import org.prunelab.job.JobOutcome;
import org.prunelab.job.Jobs;
import org.prunelab.ui.FxThread;

/**
 * The workbench's {@link Jobs}: every job runs on the device worker, in submission order, and gets
 * a row in the job panel; its success and failure callbacks run on the FX thread. Submit on the FX
 * thread.
 */
public final class WorkerJobs implements Jobs {
  private final DeviceWorker worker;
  private final JobPanelViewModel panel;

  /** Jobs for {@code worker}, shown in {@code panel}. */
  public WorkerJobs(DeviceWorker worker, JobPanelViewModel panel) {
    this.worker = worker;
    this.panel = panel;
  }

  @Override
  public <T> JobHandle<T> submit(
      String name,
      Job<T> job,
      Function<? super T, String> outcome,
      Consumer<T> onSuccess,
      Consumer<Throwable> onFailure) {
    JobRowViewModel row = panel.add(name, worker.deviceName());
    JobHandle<T> handle = worker.submit(name, job, row);
    row.attach(handle);
    handle
        .result()
        .whenComplete(
            (value, error) ->
                FxThread.run(
                    () -> {
                      if (error == null) {
                        row.succeededWith(outcome.apply(value));
                      }
                      JobOutcome.report(value, error, onSuccess, onFailure);
                    }));
    return handle;
  }
}
