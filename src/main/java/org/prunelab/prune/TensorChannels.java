package org.prunelab.prune;

import java.util.ArrayList;
import java.util.List;

/**
 * Which group channel each feature of a tensor's first axis is (per sample: the channel axis of (C,
 * H, W), the feature axis of a vector), and the same as maximal runs: a run is consecutive features
 * that hold consecutive channels of one group, each channel repeated {@code featuresPerChannel}
 * times.
 */
record TensorChannels(int[] group, int[] channel, List<Run> runs) {

  /**
   * Features {@code [offset, offset + channels * featuresPerChannel)} hold group channels from
   * firstChannel on.
   */
  record Run(int group, int offset, int firstChannel, int channels, int featuresPerChannel) {}

  static TensorChannels of(int[] group, int[] channel) {
    List<Run> runs = new ArrayList<>();
    int n = group.length;
    int f = 0;
    while (f < n) {
      int fpc = blockEnd(group, channel, f) - f;
      int start = f;
      int count = 0;
      while (f < n
          && group[f] == group[start]
          && channel[f] == channel[start] + count
          && blockEnd(group, channel, f) - f == fpc) {
        f += fpc;
        count++;
      }
      runs.add(new Run(group[start], start, channel[start], count, fpc));
    }
    return new TensorChannels(group, channel, List.copyOf(runs));
  }

  int features() {
    return group.length;
  }

  private static int blockEnd(int[] group, int[] channel, int f) {
    int b = f;
    while (b < group.length && group[b] == group[f] && channel[b] == channel[f]) {
      b++;
    }
    return b;
  }
}
