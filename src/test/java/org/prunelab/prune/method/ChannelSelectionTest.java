package org.prunelab.prune.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The keep rules of PFP's sampled variants against hand-worked sample sizes and expectations. */
class ChannelSelectionTest {
  private static final int TRIALS = 200_000;

  @Test
  void sampleSizeIsTheSmallestWhoseExpectedDistinctCountReachesTheTarget() {
    // q = (.5, .25, .25): E(1) = 1, E(2) = .75 + 2 * .4375 = 1.625 -> ceil 2
    assertEquals(2, ChannelSelection.sampleSize(new double[] {.5, .25, .25}, 2));
    // ten equal shares: E(m) = 10 (1 - .9^m); E(4) = 3.44 -> 4, E(5) = 4.10 -> 5
    double[] uniform = new double[10];
    Arrays.fill(uniform, .1);
    assertEquals(5, ChannelSelection.sampleSize(uniform, 5));
    // (.19 x 4, .06 x 4): E(5) = 3.67 -> 4, E(6) = 4.11 -> 5
    assertEquals(6, ChannelSelection.sampleSize(shares(.19, .06), 5));
    assertEquals(1, ChannelSelection.sampleSize(uniform, 1));
    // the target is capped at the candidates less one: three positive shares, target 3 -> 2
    assertEquals(
        ChannelSelection.sampleSize(new double[] {.5, .25, .25, 0}, 2),
        ChannelSelection.sampleSize(new double[] {.5, .25, .25, 0}, 3));
  }

  @Test
  void sampledChannelsAreReweightedWithoutBias() {
    // the audit's case: q = (.5, .25, .25), c' = 2; stopping at c' distinct channels gave expected
    // scales 0.915, 1.085, 1.085; m' = 2 fixed draws give E[count_j / (m' q_j)] = 1 exactly
    double[] mean = meanScales(new float[] {2, 1, 1}, 2, KeepRule.RANDOM);
    assertArrayEquals(new double[] {1, 1, 1}, mean, 0.015);
  }

  @Test
  void topPlusSampledKeepsChannelsAboveOneOverMPrimeOutright() {
    // m' = 6 for c' = 5, so the four channels with q = .19 >= 1/6 are kept outright (unscaled);
    // the rule of 1/c' = .2 sampled them
    float[] importance = {.19f, .19f, .19f, .19f, .06f, .06f, .06f, .06f};
    for (int seed = 0; seed < 1000; seed++) {
      ChannelSelection s =
          ChannelSelection.choose(importance, 5, KeepRule.TOP_RANDOM, new SplittableRandom(seed));
      assertEquals(5, s.kept().length, "four outright plus one draw");
      for (int i = 0; i < 4; i++) {
        assertEquals(i, s.kept()[i]);
        assertEquals(1f, s.scale()[i]);
      }
      // one draw among four renormalised shares of .25: scale 1 / (1 * .25)
      assertEquals(4f, s.scale()[4], 1e-6f);
    }
    double[] mean = meanScales(importance, 5, KeepRule.TOP_RANDOM);
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, mean, 0.03);
  }

  @Test
  void topKeepsTheLargestUnscaled() {
    ChannelSelection s =
        ChannelSelection.choose(
            new float[] {.1f, .4f, .2f, .3f}, 2, KeepRule.TOP, new SplittableRandom(0));
    assertArrayEquals(new int[] {1, 3}, s.kept());
    assertArrayEquals(new float[] {1, 1}, s.scale());
  }

  /** The mean over many seeds of each channel's factor (0 where it was not kept). */
  private static double[] meanScales(float[] importance, int count, KeepRule rule) {
    double[] sum = new double[importance.length];
    SplittableRandom random = new SplittableRandom(7);
    for (int t = 0; t < TRIALS; t++) {
      ChannelSelection s = ChannelSelection.choose(importance, count, rule, random);
      for (int i = 0; i < s.kept().length; i++) {
        sum[s.kept()[i]] += s.scale()[i];
      }
    }
    for (int j = 0; j < sum.length; j++) {
      sum[j] /= TRIALS;
    }
    return sum;
  }

  private static double[] shares(double large, double small) {
    return new double[] {large, large, large, large, small, small, small, small};
  }
}
