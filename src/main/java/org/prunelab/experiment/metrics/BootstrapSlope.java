package org.prunelab.experiment.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Least-squares slope of y on x, with an intercept, {@code b = sum((x_i - mean x)(y_i - mean y)) /
 * sum((x_i - mean x)^2)}, or through the origin, {@code b0 = sum(x_i y_i) / sum(x_i^2)} (the fit of
 * "Lost in Pruning"), and its 95 % percentile bootstrap interval (Efron and Tibshirani 1993, ch.
 * 13): B resamples of n points drawn with replacement (a {@link SplittableRandom} seeded with
 * {@code seed}, so the interval is reproducible), the slope of each, and the 2.5 % and 97.5 %
 * quantiles of the B slopes (linear interpolation between order statistics, R's type 7). A resample
 * whose x are all equal has no slope and is drawn again.
 */
public final class BootstrapSlope {
  /** Redraws allowed per resample before giving up on degenerate (all-equal x) resamples. */
  private static final int MAX_REDRAWS = 1000;

  private BootstrapSlope() {}

  /** A slope over the points {@code index} of (x, y); NaN where it is undefined. */
  @FunctionalInterface
  interface Fit {
    double slope(double[] x, double[] y, int[] index);
  }

  /**
   * The slope with intercept of y on x and its 95 % bootstrap interval; needs at least two distinct
   * x.
   */
  public static SlopeInterval interval(double[] x, double[] y, int resamples, long seed) {
    return interval(x, y, resamples, seed, BootstrapSlope::slope);
  }

  /**
   * The slope through the origin of y on x and its 95 % bootstrap interval; needs one x that is not
   * zero.
   */
  public static SlopeInterval throughOrigin(double[] x, double[] y, int resamples, long seed) {
    return interval(x, y, resamples, seed, BootstrapSlope::originSlope);
  }

  private static SlopeInterval interval(double[] x, double[] y, int resamples, long seed, Fit fit) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, got " + x.length + " and " + y.length);
    }
    if (resamples < 1) {
      throw new MetricsException("the bootstrap needs at least one resample, got " + resamples);
    }
    double slope = fit.slope(x, y, identity(x.length));
    if (Double.isNaN(slope)) {
      throw new MetricsException(
          "a slope needs points at more prune ratios (two different ones with an intercept, one"
              + " above zero through the origin), got "
              + x.length
              + " point(s) at "
              + Arrays.toString(Arrays.stream(x).distinct().toArray()));
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] slopes = new double[resamples];
    int[] draw = new int[x.length];
    for (int b = 0; b < resamples; b++) {
      double s = Double.NaN;
      for (int attempt = 0; Double.isNaN(s) && attempt < MAX_REDRAWS; attempt++) {
        for (int i = 0; i < draw.length; i++) {
          draw[i] = random.nextInt(x.length);
        }
        s = fit.slope(x, y, draw);
      }
      if (Double.isNaN(s)) {
        throw new MetricsException(
            "bootstrap resamples keep drawing a single prune ratio; add jobs at more ratios");
      }
      slopes[b] = s;
    }
    Arrays.sort(slopes);
    return new SlopeInterval(
        slope, quantile(slopes, 0.025), quantile(slopes, 0.975), x.length, resamples);
  }

  /** The least-squares slope over the points {@code index}; NaN when their x are all equal. */
  static double slope(double[] x, double[] y, int[] index) {
    double mx = 0;
    double my = 0;
    for (int i : index) {
      mx += x[i];
      my += y[i];
    }
    mx /= index.length;
    my /= index.length;
    double sxy = 0;
    double sxx = 0;
    for (int i : index) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx > 1e-24 ? sxy / sxx : Double.NaN;
  }

  /** sum(x_i y_i) / sum(x_i^2) over the points {@code index}; NaN when their x are all zero. */
  static double originSlope(double[] x, double[] y, int[] index) {
    double sxy = 0;
    double sxx = 0;
    for (int i : index) {
      sxy += x[i] * y[i];
      sxx += x[i] * x[i];
    }
    return sxx > 1e-24 ? sxy / sxx : Double.NaN;
  }

  /**
   * The type-7 quantile of sorted values: {@code v[floor(h)] + (h - floor(h)) (v[floor(h) + 1] -
   * v[floor(h)])}.
   */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static int[] identity(int n) {
    int[] index = new int[n];
    Arrays.setAll(index, i -> i);
    return index;
  }
}
