package org.prunelab.data;

import java.util.Random;

/**
 * Seeded randomness shared by the data packages: stream seeds derived from a base seed, and
 * permutations.
 */
public final class Randomness {

  private Randomness() {}

  /**
   * A well-mixed seed for the stream {@code (seed, parts...)} (SplitMix64 finaliser applied per
   * part).
   */
  public static long mix(long seed, long... parts) {
    long h = seed;
    for (long part : parts) {
      h = splitMix(h ^ splitMix(part + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  /** The identity permutation {@code 0..n-1}. */
  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
  static int[] permutation(int n, Random rng) {
    int[] order = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
