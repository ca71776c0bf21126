package org.prunelab.job;

/**
 * A unit of background work: computes a value, reporting progress to and polling cancellation from
 * the given context.
 *
 * <p>A job that notices {@link JobContext#isCancelled()} should stop soon, either by calling {@link
 * JobContext#checkCancelled()} (which throws {@link JobCancelledException}) or by returning early;
 * either way the job ends {@link JobState#CANCELLED}.
 *
 * @param <T> the type of the computed value
 */
@FunctionalInterface
public interface Job<T> {

  /**
   * Runs the job on the current thread.
   *
   * @param ctx where to report progress and whether to stop; never {@code null}
   * @return the computed value (may be {@code null})
   * @throws Exception if the job fails; the failure ends this job only
   */
  T run(JobContext ctx) throws Exception;
}
