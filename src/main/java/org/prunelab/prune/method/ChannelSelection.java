package org.prunelab.prune.method;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The channels one unit keeps under a {@link KeepRule}, sorted ascending, and the factor each kept
 * channel's contribution is multiplied by (1 for deterministic keeps).
 *
 * <p>The sampled rules follow PFP (Liebenwein et al. 2020, Section 3) and torchprune: for a unit
 * that keeps c' channels, the sample size m' is the smallest m whose expected number of distinct
 * channels, ceil(sum_j 1 - (1 - q_j)^m), reaches c' ({@link #sampleSize}); m' channels are drawn
 * i.i.d. from Multinomial(q) and every channel that came up is kept with the factor count_j / (m'
 * q_j). E[count_j] = m' q_j, so the pruned layer is an unbiased estimate of the original
 * pre-activation; how many distinct channels come up varies around c'.
 */
record ChannelSelection(int[] kept, float[] scale) {

  /** Slack for the rounding of the expected distinct count before its ceiling is taken. */
  private static final double ROUNDING = 1e-9;

  static ChannelSelection choose(
      float[] importance, int count, KeepRule rule, SplittableRandom random) {
    int n = importance.length;
    if (count >= n) {
      return unscaled(IntStream.range(0, n).toArray());
    }
    int[] order = descending(importance);
    return switch (rule) {
      case TOP -> unscaled(Arrays.copyOf(order, count));
      case RANDOM -> sampled(importance, new int[0], count, random);
      case TOP_RANDOM -> {
        int outright = count <= 1 ? count : outright(importance, order, count);
        yield sampled(importance, Arrays.copyOf(order, outright), count - outright, random);
      }
    };
  }

  /**
   * How many channels the top+sampled rule keeps outright: those with q_j >= 1 / m', m' the sample
   * size for {@code count} channels (at most {@code count}; torchprune's PFPTop split).
   */
  private static int outright(float[] importance, int[] order, int count) {
    double[] shares = shares(importance, new boolean[importance.length]);
    int m = sampleSize(shares, count);
    int outright = 0;
    while (outright < count && shares[order[outright]] >= 1.0 / m) {
      outright++;
    }
    return outright;
  }

  /**
   * The sample size m' for {@code target} distinct channels: the smallest m >= 1 with ceil(sum_j 1
   * - (1 - q_j)^m) >= target over the channels with q_j > 0 (torchprune's adapt_sample_size);
   * {@code target} itself for 0 or 1. The target is capped at the number of candidates less one,
   * which the expectation only reaches in the limit.
   *
   * @param shares the sampling distribution q (non-negative, summing to 1)
   */
  static int sampleSize(double[] shares, int target) {
    if (target <= 1) {
      return Math.max(0, target);
    }
    int candidates = (int) Arrays.stream(shares).filter(q -> q > 0).count();
    int goal = Math.min(target, candidates - 1);
    if (goal <= 1) {
      return Math.max(0, goal);
    }
    int high = 1;
    while (expectedDistinct(shares, high) < goal) {
      high *= 2;
    }
    int low = high / 2;
    while (high - low > 1) {
      int mid = low + (high - low) / 2;
      if (expectedDistinct(shares, mid) >= goal) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  /**
   * ceil(sum_j 1 - (1 - q_j)^m), the expected number of distinct channels in m draws, rounded up.
   */
  private static double expectedDistinct(double[] shares, int m) {
    double sum = 0;
    for (double q : shares) {
      if (q > 0) {
        sum += -Math.expm1(m * Math.log1p(-q));
      }
    }
    return Math.ceil(sum - ROUNDING);
  }

  private static int[] descending(float[] importance) {
    return IntStream.range(0, importance.length)
        .boxed()
        .sorted((a, b) -> Float.compare(importance[b], importance[a]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** q_j = max(0, s_j) / sum over the channels not excluded; all zero when there is no mass. */
  private static double[] shares(float[] importance, boolean[] excluded) {
    double[] shares = new double[importance.length];
    double mass = 0;
    for (int j = 0; j < importance.length; j++) {
      shares[j] = excluded[j] ? 0 : Math.max(0, importance[j]);
      mass += shares[j];
    }
    for (int j = 0; j < shares.length && mass > 0; j++) {
      shares[j] /= mass;
    }
    return shares;
  }

  private static ChannelSelection unscaled(int[] kept) {
    int[] sorted = kept.clone();
    Arrays.sort(sorted);
    float[] ones = new float[sorted.length];
    Arrays.fill(ones, 1f);
    return new ChannelSelection(sorted, ones);
  }

  /**
   * Keeps {@code fixed} outright and samples about {@code toSample} more from the others'
   * renormalised importance with the fixed sample size m' ({@link #sampleSize}), each sampled
   * channel reweighted by count_j / (m' q_j). Falls back to the top channels when fewer than {@code
   * toSample} others have positive importance (there is nothing to sample from).
   */
  private static ChannelSelection sampled(
      float[] importance, int[] fixed, int toSample, SplittableRandom random) {
    int n = importance.length;
    boolean[] isFixed = new boolean[n];
    for (int j : fixed) {
      isFixed[j] = true;
    }
    if (toSample == 0) {
      return unscaled(fixed);
    }
    double[] shares = shares(importance, isFixed);
    int candidates = (int) Arrays.stream(shares).filter(q -> q > 0).count();
    if (candidates <= toSample) {
      return choose(importance, fixed.length + toSample, KeepRule.TOP, random);
    }
    int draws = sampleSize(shares, toSample);
    int[] counts = multinomial(shares, draws, random);
    int keptCount = fixed.length + (int) Arrays.stream(counts).filter(c -> c > 0).count();
    int[] kept = new int[keptCount];
    float[] scale = new float[keptCount];
    int i = 0;
    for (int j = 0; j < n; j++) {
      if (isFixed[j]) {
        kept[i] = j;
        scale[i++] = 1f;
      } else if (counts[j] > 0) {
        kept[i] = j;
        scale[i++] = (float) (counts[j] / (draws * shares[j]));
      }
    }
    return new ChannelSelection(kept, scale);
  }

  /** Counts of {@code draws} i.i.d. draws from the distribution {@code shares}. */
  private static int[] multinomial(double[] shares, int draws, SplittableRandom random) {
    double[] cumulative = new double[shares.length];
    double sum = 0;
    int last = 0;
    for (int j = 0; j < shares.length; j++) {
      sum += shares[j];
      cumulative[j] = sum;
      if (shares[j] > 0) {
        last = j;
      }
    }
    int[] counts = new int[shares.length];
    for (int d = 0; d < draws; d++) {
      counts[firstAbove(cumulative, random.nextDouble() * sum, last)]++;
    }
    return counts;
  }

  /** The first j with cumulative[j] > u (a channel of positive share), at most {@code last}. */
  private static int firstAbove(double[] cumulative, double u, int last) {
    int low = 0;
    int high = last;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
