package org.prunelab.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted job as seen from outside: its identity, state, progress, result, and a way to cancel
 * it. All methods are thread-safe.
 *
 * @param <T> the type of the job's value
 */
public interface JobHandle<T> {

  /**
   * The name given at submission.
   *
   * @return the job's name
   */
  String name();

  /**
   * The device whose worker runs the job, for example {@code "cpu"} or {@code "gpu0"}.
   *
   * @return the device name
   */
  String device();

  /**
   * The current state.
   *
   * @return the state
   */
  JobState state();

  /**
   * The job's outcome: completed with its value, completed exceptionally with its failure, or
   * cancelled. It completes after the final {@link JobListener#onStateChanged}. Cancelling this
   * future cancels the job; completing it from outside is not supported.
   *
   * @return the result future
   */
  CompletableFuture<T> result();

  /**
   * Requests cancellation (an atomic flag). A queued job becomes {@link JobState#CANCELLED} at once
   * and never starts; a running job sees {@link JobContext#isCancelled()} and ends {@code
   * CANCELLED} when it stops.
   *
   * @return {@code false} if the job had already ended, else {@code true}
   */
  boolean cancel();

  /**
   * Tells whether {@link #cancel()} was called.
   *
   * @return {@code true} once cancellation was requested
   */
  boolean isCancelRequested();

  /**
   * The most recent progress report of the job (not coalesced).
   *
   * @return the latest report, or empty if the job has reported none
   */
  Optional<Progress> latestProgress();

  /**
   * Estimated time to completion, extrapolating the progress rate since the job started.
   *
   * @return the estimate; empty unless the job is running and has reported some done work out of a
   *     known total
   */
  Optional<Duration> eta();
}
