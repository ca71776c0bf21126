package org.prunelab.job;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link Jobs} that run each job at once on the calling thread and then call back on it, before
 * {@link #submit} returns: a view-model under test sees the outcome of its job without a worker
 * thread or waiting. The handle returned has ended. A job cancelled from inside (it throws {@link
 * JobCancelledException}) calls neither callback.
 */
public final class CallingThreadJobs implements Jobs {
  private final String deviceName;

  /** Jobs whose handles report the device {@value CallingThreadRunner#DEFAULT_DEVICE}. */
  public CallingThreadJobs() {
    this(CallingThreadRunner.DEFAULT_DEVICE);
  }

  /**
   * Jobs whose handles report the given device.
   *
   * @param deviceName the device the calling thread works on, for example {@code "cpu"}
   */
  public CallingThreadJobs(String deviceName) {
    this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
  }

  @Override
  public <T> JobHandle<T> submit(
      String name,
      Job<T> job,
      Function<? super T, String> outcome,
      Consumer<T> onSuccess,
      Consumer<Throwable> onFailure) {
    RunningJob<T> handle = new RunningJob<>(name, deviceName, job, JobListener.none());
    handle.execute();
    handle
        .result()
        .whenComplete((value, error) -> JobOutcome.report(value, error, onSuccess, onFailure));
    return handle;
  }
}
