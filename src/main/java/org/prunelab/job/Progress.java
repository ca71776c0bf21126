package org.prunelab.job;

/**
 * One progress report of a job.
 *
 * @param done units of work done, {@code >= 0}
 * @param total units of work in all, or {@code <= 0} when unknown
 * @param message a short description of the current step, never {@code null} ({@code null} becomes
 *     {@code ""})
 * @param nanoTime when the report was made, in {@link System#nanoTime()} units
 */
public record Progress(long done, long total, String message, long nanoTime) {

  /**
   * Value of {@link #fraction()} when the total is unknown (the same as JavaFX's indeterminate
   * progress).
   */
  public static final double INDETERMINATE = -1.0;

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if {@code done < 0}
   */
  public Progress {
    if (done < 0) {
      throw new IllegalArgumentException("done must be >= 0, got " + done);
    }
    message = message == null ? "" : message;
  }

  /**
   * The fraction of the work done.
   *
   * @return {@code done / total} clamped to {@code [0, 1]}, or {@link #INDETERMINATE} when the
   *     total is unknown
   */
  public double fraction() {
    if (total <= 0) {
      return INDETERMINATE;
    }
    return Math.min(1.0, (double) done / total);
  }
}
