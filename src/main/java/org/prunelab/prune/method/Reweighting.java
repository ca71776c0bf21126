package org.prunelab.prune.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.prune.ChannelConsumer;
import org.prunelab.prune.ChannelGroup;

/**
 * Applies a random keep rule's rescaling in place: every channel-mixing consumer of a group
 * multiplies the input slice of kept channel j by its factor (PFP's count_j / (m' p_j)), before
 * surgery removes the rest.
 */
final class Reweighting {
  private Reweighting() {}

  static void apply(Network network, ChannelGroup group, ChannelSelection selection) {
    boolean trivial = true;
    for (float s : selection.scale()) {
      trivial &= s == 1f;
    }
    if (trivial) {
      return;
    }
    for (ChannelConsumer consumer : group.consumers()) {
      if (consumer.tied()) {
        continue;
      }
      NDArray weight = network.parametersOf(consumer.node()).get("weight");
      long inputs = weight.getShape().get(1);
      float[] factors = new float[Math.toIntExact(inputs)];
      Arrays.fill(factors, 1f);
      int[] kept = selection.kept();
      for (int i = 0; i < kept.length; i++) {
        int first = consumer.offset() + kept[i] * consumer.featuresPerChannel();
        Arrays.fill(factors, first, first + consumer.featuresPerChannel(), selection.scale()[i]);
      }
      long[] broadcast = new long[weight.getShape().dimension()];
      Arrays.fill(broadcast, 1);
      broadcast[1] = inputs;
      try (NDManager scope = weight.getManager().newSubManager()) {
        weight.muli(scope.create(factors).reshape(new Shape(broadcast)));
      }
    }
  }

  /** The selections as the kept-index map surgery takes. */
  static Map<String, int[]> keptIndices(Map<String, ChannelSelection> selections) {
    Map<String, int[]> kept = new java.util.LinkedHashMap<>();
    selections.forEach((id, s) -> kept.put(id, s.kept()));
    return kept;
  }
}
