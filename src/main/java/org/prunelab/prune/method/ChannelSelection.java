package org.prunelab.prune.method;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The channels one unit keeps under a {@link KeepRule}, sorted ascending, and the factor each kept
 * channel's contribution is multiplied by (1 for deterministic keeps).
 */
record ChannelSelection(int[] kept, float[] scale) {

  static ChannelSelection choose(
      float[] importance, int count, KeepRule rule, SplittableRandom random) {
    int n = importance.length;
    if (count >= n) {
      return unscaled(IntStream.range(0, n).toArray());
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> Float.compare(importance[b], importance[a]));
    return switch (rule) {
      case TOP -> unscaled(Arrays.stream(order).limit(count).mapToInt(Integer::intValue).toArray());
      case RANDOM -> sampled(importance, new int[0], count, random);
      case TOP_RANDOM -> {
        double total = 0;
        for (float v : importance) {
          total += v;
        }
        double cutoff = total / count;
        int outright = 0;
        while (outright < count - 1 && importance[order[outright]] >= cutoff) {
          outright++;
        }
        int[] deterministic =
            Arrays.stream(order).limit(outright).mapToInt(Integer::intValue).toArray();
        yield sampled(importance, deterministic, count, random);
      }
    };
  }

  private static ChannelSelection unscaled(int[] kept) {
    int[] sorted = kept.clone();
    Arrays.sort(sorted);
    float[] ones = new float[sorted.length];
    Arrays.fill(ones, 1f);
    return new ChannelSelection(sorted, ones);
  }

  /**
   * Keeps {@code fixed} outright and samples the others from the remaining importance until {@code
   * count}.
   */
  private static ChannelSelection sampled(
      float[] importance, int[] fixed, int count, SplittableRandom random) {
    int n = importance.length;
    boolean[] isFixed = new boolean[n];
    for (int j : fixed) {
      isFixed[j] = true;
    }
    double[] cumulative = new double[n];
    double mass = 0;
    int positive = 0;
    for (int j = 0; j < n; j++) {
      double q = isFixed[j] ? 0 : Math.max(0, importance[j]);
      mass += q;
      cumulative[j] = mass;
      if (q > 0) {
        positive++;
      }
    }
    int toDraw = count - fixed.length;
    if (mass <= 0 || positive < toDraw) {
      return choose(importance, count, KeepRule.TOP, random);
    }
    int[] counts = new int[n];
    int distinct = 0;
    long draws = 0;
    while (distinct < toDraw) {
      double u = random.nextDouble() * mass;
      int j = Arrays.binarySearch(cumulative, u);
      j = j >= 0 ? j + 1 : -j - 1;
      while (cumulative[j] - (j > 0 ? cumulative[j - 1] : 0) <= 0) {
        j++;
      }
      if (counts[j]++ == 0) {
        distinct++;
      }
      draws++;
    }
    int[] kept = new int[count];
    float[] scale = new float[count];
    int i = 0;
    for (int j = 0; j < n; j++) {
      if (isFixed[j]) {
        kept[i] = j;
        scale[i++] = 1f;
      } else if (counts[j] > 0) {
        double q = importance[j] / mass;
        kept[i] = j;
        scale[i++] = (float) (counts[j] / (draws * q));
      }
    }
    return new ChannelSelection(kept, scale);
  }
}
