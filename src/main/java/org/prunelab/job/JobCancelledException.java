package org.prunelab.job;

/**
 * Thrown by a job that stops because its cancellation was requested (see {@link
 * JobContext#checkCancelled()}). A runner records such a job as {@link JobState#CANCELLED}, not as
 * failed.
 */
public class JobCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a default message. */
  public JobCancelledException() {
    this("job cancelled");
  }

  /**
   * Creates the exception.
   *
   * @param message what was cancelled
   */
  public JobCancelledException(String message) {
    super(message);
  }
}
