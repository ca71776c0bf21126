package org.prunelab.experiment.metrics;

/**
 * A least-squares slope with its percentile bootstrap interval.
 *
 * @param slope the slope fitted to all points
 * @param low the 2.5 % quantile of the bootstrap slopes
 * @param high the 97.5 % quantile of the bootstrap slopes
 * @param points the number of points fitted
 * @param resamples the number of bootstrap resamples B
 */
public record SlopeInterval(double slope, double low, double high, int points, int resamples) {

  /** Whether the whole interval lies above zero. */
  public boolean aboveZero() {
    return low > 0;
  }

  /** Whether the whole interval lies below zero. */
  public boolean belowZero() {
    return high < 0;
  }
}
