package org.prunelab.job;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a caller hands background work and hears how it ended: the workbench's implementation runs
 * jobs on its device worker and calls back on the FX thread; {@link CallingThreadJobs} runs them at
 * once on the caller (tests). A cancelled job calls neither callback.
 */
public interface Jobs {
  /**
   * Submits a job.
   *
   * @param name a name for the job, shown to the user
   * @param job the work
   * @param onSuccess receives the job's value when it succeeds
   * @param onFailure receives the job's own exception (not a wrapper) when it fails
   * @param <T> the type of the job's value
   * @return the job's handle (to cancel it or wait for it)
   */
  default <T> JobHandle<T> submit(
      String name, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    return submit(name, job, value -> null, onSuccess, onFailure);
  }

  /**
   * Submits a job that says, once it succeeded, where its result went ("written to a.onnx",
   * "recorded in results.db"): the job panel shows it in the job's row.
   *
   * @param outcome the text for the job's value; {@code null} for none
   * @param <T> the type of the job's value
   * @return the job's handle
   */
  <T> JobHandle<T> submit(
      String name,
      Job<T> job,
      Function<? super T, String> outcome,
      Consumer<T> onSuccess,
      Consumer<Throwable> onFailure);
}
