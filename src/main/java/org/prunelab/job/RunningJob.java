package org.prunelab.job;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handle and context of one job; {@link #execute()} runs it on the current thread. Shared by
 * {@link DeviceWorker} and {@link CallingThreadRunner}.
 */
final class RunningJob<T> implements JobHandle<T> {

  private static final Logger LOG = LoggerFactory.getLogger(RunningJob.class);

  private final String name;
  private final String device;
  private final Job<T> job;
  private final JobListener listener;
  private final AtomicReference<JobState> state = new AtomicReference<>(JobState.QUEUED);
  private final AtomicBoolean cancelRequested = new AtomicBoolean();
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final ProgressThrottle throttle;
  private final JobContext context = new Context();
  private volatile Progress latest;
  private volatile long startNanos;
  private volatile Throwable failure;

  RunningJob(String name, String device, Job<T> job, JobListener listener) {
    this.name = Objects.requireNonNull(name, "name");
    this.device = Objects.requireNonNull(device, "device");
    this.job = Objects.requireNonNull(job, "job");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.throttle = new ProgressThrottle(this::notifyProgress);
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            cancel();
          }
        });
  }

  /**
   * Runs the job unless it was cancelled while queued. Exceptions and {@link OutOfMemoryError} end
   * this job only; any other error also ends it and is rethrown.
   */
  void execute() {
    if (!state.compareAndSet(JobState.QUEUED, JobState.RUNNING)) {
      return;
    }
    startNanos = System.nanoTime();
    notifyState();
    try {
      T value = job.run(context);
      finish(value, null);
    } catch (Exception | OutOfMemoryError e) {
      finish(null, e);
    } catch (Throwable fatal) {
      finish(null, fatal);
      throw fatal;
    }
  }

  /** The outcome of a finished job as a return value or a thrown exception. */
  T outcome() throws Exception {
    switch (state.get()) {
      case SUCCEEDED -> {
        return result.join();
      }
      case CANCELLED ->
          throw failure instanceof JobCancelledException jce
              ? jce
              : new JobCancelledException("job '" + name + "' was cancelled");
      case FAILED -> {
        if (failure instanceof Error error) {
          throw error;
        }
        throw (Exception) failure;
      }
      default ->
          throw new IllegalStateException("job '" + name + "' has not finished: " + state.get());
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String device() {
    return device;
  }

  @Override
  public JobState state() {
    return state.get();
  }

  @Override
  public CompletableFuture<T> result() {
    return result;
  }

  @Override
  public boolean cancel() {
    cancelRequested.set(true);
    if (state.compareAndSet(JobState.QUEUED, JobState.CANCELLED)) {
      complete(JobState.CANCELLED, null, null);
      return true;
    }
    return !state.get().isTerminal();
  }

  @Override
  public boolean isCancelRequested() {
    return cancelRequested.get();
  }

  @Override
  public Optional<Progress> latestProgress() {
    return Optional.ofNullable(latest);
  }

  @Override
  public Optional<Duration> eta() {
    if (state.get() != JobState.RUNNING) {
      return Optional.empty();
    }
    return Eta.estimate(startNanos, latest, System.nanoTime());
  }

  @Override
  public String toString() {
    return "Job[" + name + " on " + device + ", " + state.get() + "]";
  }

  private void finish(T value, Throwable error) {
    JobState end = terminalState(error);
    state.set(end);
    complete(end, value, error);
  }

  private JobState terminalState(Throwable error) {
    if (error instanceof JobCancelledException || error instanceof CancellationException) {
      return JobState.CANCELLED;
    }
    if (error == null) {
      return cancelRequested.get() ? JobState.CANCELLED : JobState.SUCCEEDED;
    }
    if (cancelRequested.get() && error instanceof InterruptedException) {
      return JobState.CANCELLED;
    }
    return JobState.FAILED;
  }

  /** Delivers the last progress, announces the terminal state, then completes the future. */
  private void complete(JobState end, T value, Throwable error) {
    failure = error;
    throttle.close();
    notifyState();
    if (end == JobState.SUCCEEDED) {
      result.complete(value);
    } else if (end == JobState.FAILED) {
      result.completeExceptionally(error);
    } else {
      result.cancel(false);
    }
    if (end == JobState.FAILED) {
      LOG.debug("job '{}' on {} failed", name, device, error);
    }
  }

  private void notifyProgress(Progress progress) {
    try {
      listener.onProgress(this, progress);
    } catch (RuntimeException e) {
      LOG.warn("progress listener of job '{}' threw", name, e);
    }
  }

  private void notifyState() {
    try {
      listener.onStateChanged(this);
    } catch (RuntimeException e) {
      LOG.warn("state listener of job '{}' threw", name, e);
    }
  }

  /** The job's view of its runner. */
  private final class Context implements JobContext {
    @Override
    public void progress(long done, long total, String message) {
      if (state.get().isTerminal()) {
        return;
      }
      Progress progress = new Progress(done, total, message, System.nanoTime());
      latest = progress;
      throttle.offer(progress);
    }

    @Override
    public boolean isCancelled() {
      return cancelRequested.get();
    }
  }
}
