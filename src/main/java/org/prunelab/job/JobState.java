package org.prunelab.job;

/**
 * The life cycle of a submitted job: {@code QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED},
 * or {@code QUEUED -> CANCELLED} for a job cancelled before it started.
 */
public enum JobState {
  /** Submitted, waiting for the worker. */
  QUEUED,
  /** Running on the worker thread. */
  RUNNING,
  /** Returned a value. */
  SUCCEEDED,
  /** Threw an exception other than a cancellation. */
  FAILED,
  /** Cancelled before it started, or stopped after cancellation was requested. */
  CANCELLED;

  /**
   * Tells whether the job is over.
   *
   * @return {@code true} for {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED}
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
