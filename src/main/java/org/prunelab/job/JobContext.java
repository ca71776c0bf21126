package org.prunelab.job;

/**
 * What a running {@link Job} sees of its runner: a progress sink and a cancellation flag.
 *
 * <p>Both methods are cheap and thread-safe; a job may call {@link #progress} in a tight loop, the
 * runner coalesces the updates before they reach a listener.
 */
public interface JobContext {

  /**
   * Reports progress.
   *
   * @param done units of work done so far, {@code >= 0}
   * @param total units of work in all, or {@code <= 0} when unknown
   * @param message a short human-readable description of the current step (may be {@code null})
   * @throws IllegalArgumentException if {@code done < 0}
   */
  void progress(long done, long total, String message);

  /**
   * Tells whether cancellation was requested. The flag is atomic, so a request made on another
   * thread is seen.
   *
   * @return {@code true} once cancellation was requested
   */
  boolean isCancelled();

  /**
   * Throws if cancellation was requested; the usual way for a job to stop at a safe point.
   *
   * @throws JobCancelledException if {@link #isCancelled()}
   */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new JobCancelledException("job cancelled");
    }
  }

  /**
   * A context that is never cancelled and ignores progress, for running a job directly.
   *
   * @return the silent context
   */
  static JobContext silent() {
    return SilentJobContext.INSTANCE;
  }
}
