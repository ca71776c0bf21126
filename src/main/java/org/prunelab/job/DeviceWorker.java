package org.prunelab.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs for one device on exactly one daemon thread, named {@code prunelab-device-<name>}, one
 * at a time and in submission order (a DJL graph or trainer is not thread-safe, so everything that
 * touches a device's tensors goes through its worker).
 *
 * <p>A job that throws an exception or an {@link OutOfMemoryError} fails alone and the next job
 * runs. Any other error (a {@link StackOverflowError}, a {@link LinkageError}) fails the job and
 * stops the worker as if closed. {@link #close()} cancels the queued and the running job and lets
 * the thread end once the running job returns; it does not interrupt it, since an interrupt can
 * break file channels a job is writing.
 */
public final class DeviceWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceWorker.class);
  private static final RunningJob<Void> STOP =
      new RunningJob<>("stop", "none", ctx -> null, JobListener.none());

  private final String deviceName;
  private final BlockingQueue<RunningJob<?>> queue = new LinkedBlockingQueue<>();
  private final Object lock = new Object();
  private final Set<RunningJob<?>> active = new LinkedHashSet<>();
  private final Thread thread;
  private boolean closed;

  /**
   * Starts the worker thread of a device.
   *
   * @param deviceName the device, for example {@code "cpu"} or {@code "gpu0"}; not blank
   * @throws IllegalArgumentException if the name is blank
   */
  public DeviceWorker(String deviceName) {
    Objects.requireNonNull(deviceName, "deviceName");
    if (deviceName.isBlank()) {
      throw new IllegalArgumentException("deviceName must not be blank, got '" + deviceName + "'");
    }
    this.deviceName = deviceName;
    this.thread = new Thread(this::loop, "prunelab-device-" + deviceName);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler(
        (t, e) -> LOG.error("device worker {} stopped", t.getName(), e));
    thread.start();
  }

  /**
   * The device this worker runs jobs for.
   *
   * @return the device name
   */
  public String deviceName() {
    return deviceName;
  }

  /**
   * Queues a job behind those already submitted.
   *
   * @param name a name for the job, shown to the user
   * @param job the work
   * @param listener receives the job's coalesced progress and state changes ({@link
   *     JobListener#none()} for none)
   * @param <T> the type of the job's value
   * @return the job's handle, in state {@link JobState#QUEUED} (or later, if the worker was quick)
   * @throws IllegalStateException if the worker is closed
   */
  public <T> JobHandle<T> submit(String name, Job<T> job, JobListener listener) {
    RunningJob<T> handle = new RunningJob<>(name, deviceName, job, listener);
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("device worker '" + deviceName + "' is closed");
      }
      active.add(handle);
      queue.add(handle);
    }
    handle.result().whenComplete((value, error) -> forget(handle));
    return handle;
  }

  /**
   * The jobs not yet finished: the running one (if any) first, then the queued ones in order.
   *
   * @return a snapshot
   */
  public List<JobHandle<?>> jobs() {
    List<JobHandle<?>> snapshot = new ArrayList<>();
    synchronized (lock) {
      for (RunningJob<?> job : active) {
        if (!job.state().isTerminal()) {
          snapshot.add(job);
        }
      }
    }
    return List.copyOf(snapshot);
  }

  /**
   * Tells whether {@link #close()} was called (or the worker stopped on a fatal error).
   *
   * @return {@code true} once closed
   */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /**
   * Waits for the worker thread to end after {@link #close()}.
   *
   * @param timeout how long to wait at most
   * @return {@code true} if the thread has ended
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  /**
   * Rejects further submissions, cancels every queued job (they never start) and the running one,
   * and lets the thread end once the running job returns. Does not wait; see {@link
   * #awaitTermination(Duration)}. Calling it again has no effect.
   */
  @Override
  public void close() {
    List<RunningJob<?>> unfinished;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      unfinished = new ArrayList<>(active);
      queue.add(STOP);
    }
    // queued jobs first, so that none of them starts while the running one is being cancelled
    for (int i = unfinished.size() - 1; i >= 0; i--) {
      unfinished.get(i).cancel();
    }
  }

  private void forget(RunningJob<?> job) {
    synchronized (lock) {
      active.remove(job);
    }
  }

  private void loop() {
    try {
      while (true) {
        RunningJob<?> job = queue.take();
        if (job == STOP) {
          return;
        }
        job.execute();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    } catch (Error fatal) {
      close();
      throw fatal;
    }
  }
}
