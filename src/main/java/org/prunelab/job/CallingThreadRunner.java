package org.prunelab.job;

import java.util.Objects;

/**
 * Runs a job synchronously on the calling thread, with the same states, progress coalescing and
 * listener calls as a {@link DeviceWorker}; used by the CLI and by tests. To cancel, call {@link
 * JobHandle#cancel()} on the handle passed to the listener (from the listener or another thread).
 */
public final class CallingThreadRunner {

  /** The device name used by {@link #CallingThreadRunner()}. */
  public static final String DEFAULT_DEVICE = "calling-thread";

  private final String deviceName;

  /** A runner whose jobs report the device {@value #DEFAULT_DEVICE}. */
  public CallingThreadRunner() {
    this(DEFAULT_DEVICE);
  }

  /**
   * A runner whose jobs report the given device.
   *
   * @param deviceName the device the calling thread works on, for example {@code "cpu"}
   */
  public CallingThreadRunner(String deviceName) {
    this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
  }

  /**
   * Runs a job without a listener.
   *
   * @param job the work
   * @param <T> the type of the job's value
   * @return the job's value
   * @throws JobCancelledException if the job was cancelled
   * @throws Exception the job's own exception, unchanged
   */
  public <T> T run(Job<T> job) throws Exception {
    return run("job", job, JobListener.none());
  }

  /**
   * Runs a job, reporting to a listener.
   *
   * @param name a name for the job
   * @param job the work
   * @param listener receives coalesced progress and the state changes to RUNNING and to the
   *     terminal state
   * @param <T> the type of the job's value
   * @return the job's value
   * @throws JobCancelledException if the job was cancelled
   * @throws Exception the job's own exception, unchanged
   */
  public <T> T run(String name, Job<T> job, JobListener listener) throws Exception {
    RunningJob<T> handle = new RunningJob<>(name, deviceName, job, listener);
    handle.execute();
    return handle.outcome();
  }
}
