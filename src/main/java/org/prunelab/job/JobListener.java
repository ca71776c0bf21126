package org.prunelab.job;

/**
 * Receives a job's coalesced progress and its state changes.
 *
 * <p>Calls for one job never overlap and arrive in order; the last progress report of a job is
 * delivered before its final state change. They may come from the worker thread, from the shared
 * progress timer thread, or (for a job cancelled while queued) from the thread that cancelled it,
 * so a listener must be quick and must hop to its own thread itself (the UI does so in one helper).
 * An exception thrown by a listener is logged and does not affect the job.
 */
public interface JobListener {

  /**
   * Called with a coalesced progress report (at most about 20 per second per job).
   *
   * @param handle the job
   * @param progress its latest report
   */
  void onProgress(JobHandle<?> handle, Progress progress);

  /**
   * Called after the job's state changed (to {@link JobState#RUNNING} and to its terminal state).
   *
   * @param handle the job; {@link JobHandle#state()} is the new state
   */
  default void onStateChanged(JobHandle<?> handle) {}

  /**
   * A listener that ignores everything.
   *
   * @return the no-op listener
   */
  static JobListener none() {
    return (handle, progress) -> {};
  }
}
