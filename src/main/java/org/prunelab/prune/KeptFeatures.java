package org.prunelab.prune;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per tensor of the traced network, the indices of the features (along its first axis) that a plan
 * keeps.
 */
final class KeptFeatures {
  private final ChannelGroups groups;
  private final boolean[][] keep;
  private final Map<String, int[]> cache = new HashMap<>();

  KeptFeatures(PruningPlan plan) {
    this.groups = plan.groups();
    this.keep = new boolean[groups.groups().size()][];
    for (String id : plan.kept().keySet()) {
      keep[groups.indexOf(id)] = plan.keepMask(id);
    }
  }

  /**
   * The kept feature indices of the tensor in ascending order, or null when every feature stays.
   */
  int[] of(String tensor) {
    if (!cache.containsKey(tensor)) {
      cache.put(tensor, compute(tensor));
    }
    return cache.get(tensor);
  }

  /** The number of features of the tensor that stay. */
  int count(String tensor) {
    int[] kept = of(tensor);
    return kept == null ? groups.channelsOf(tensor).features() : kept.length;
  }

  private int[] compute(String tensor) {
    TensorChannels tc = groups.channelsOf(tensor);
    int n = tc.features();
    int[] out = new int[n];
    int kept = 0;
    for (int f = 0; f < n; f++) {
      boolean[] k = keep[tc.group()[f]];
      if (k == null || k[tc.channel()[f]]) {
        out[kept++] = f;
      }
    }
    return kept == n ? null : Arrays.copyOf(out, kept);
  }
}
