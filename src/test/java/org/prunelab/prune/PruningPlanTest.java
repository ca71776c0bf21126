package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Plans that do not fit the network fail with a message naming the group, the problem and the way
 * out.
 */
class PruningPlanTest {

  private static String failure(Network net, Map<String, int[]> kept) {
    return assertThrows(InvalidPlanException.class, () -> Surgery.keep(net, kept)).getMessage();
  }

  @Test
  void badPlansAreRejectedWithTheirReason() {
    try (Network net =
        Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.25), Device.cpu(), 1)) {
      String none = failure(net, Map.of("conv1", new int[0]));
      assertTrue(
          none.contains("keeps no channel of group 'conv1'") && none.contains("at least one"),
          none);
      String unknown = failure(net, Map.of("layer7.conv", new int[] {0}));
      assertTrue(
          unknown.contains("unknown channel group 'layer7.conv'")
              && unknown.contains("conv1, layer1.0.conv1"),
          unknown);
      String range = failure(net, Map.of("conv1", new int[] {0, 4}));
      assertTrue(
          range.contains(
              "channel 4 is out of range for group 'conv1', which has 4 channels (0 to 3)"),
          range);
      String negative = failure(net, Map.of("conv1", new int[] {-1, 2}));
      assertTrue(negative.contains("channel -1 is out of range"), negative);
      String twice = failure(net, Map.of("conv1", new int[] {2, 1, 2}));
      assertTrue(twice.contains("lists channel 2 of group 'conv1' twice"), twice);
      String logits = failure(net, Map.of("fc", new int[] {0}));
      assertTrue(logits.contains("'fc' cannot be pruned: it reaches the network output"), logits);
      String input = failure(net, Map.of("input", new int[] {0}));
      assertTrue(input.contains("'input' cannot be pruned: it is the network input"), input);
    }
  }

  @Test
  void planOfAnotherNetworkIsRejected() {
    try (Network a = Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.25), Device.cpu(), 1);
        Network b = Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.5), Device.cpu(), 1)) {
      PruningPlan plan = new PruningPlan(ChannelGroups.trace(a), Map.of("conv1", new int[] {0}));
      String message =
          assertThrows(InvalidPlanException.class, () -> Surgery.apply(b, plan)).getMessage();
      assertTrue(message.contains("made for another network"), message);
      assertThrows(InvalidPlanException.class, () -> ChannelMasking.zeroed(b, plan));
    }
  }

  @Test
  void indicesAreSortedAndCopied() {
    try (Network net = Zoo.create("lenet5", ZooOptions.grey28(), Device.cpu(), 1)) {
      int[] given = {5, 2, 9};
      PruningPlan plan = new PruningPlan(ChannelGroups.trace(net), Map.of("conv1", given));
      given[0] = 0;
      assertArrayEquals(new int[] {2, 5, 9}, plan.kept().get("conv1"));
      plan.kept().get("conv1")[0] = 7;
      assertArrayEquals(new int[] {2, 5, 9}, plan.kept().get("conv1"));
    }
  }
}
