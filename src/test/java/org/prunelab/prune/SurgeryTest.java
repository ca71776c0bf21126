package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.zoo.BundledModels;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Surgery on every zoo model and the trained ResNet-20 equals the masked original and the size
 * model.
 */
class SurgeryTest {

  @ParameterizedTest
  @CsvSource({
    "lenet-300-100, 1, 0.25",
    "lenet5, 1, 0.5",
    "vgg11, 3, 0.125",
    "resnet20, 3, 0.5",
    "resnet56, 3, 0.25"
  })
  void zooModelsPruneExactly(String model, int channels, double width) {
    ZooOptions options =
        new ZooOptions(channels, channels == 1 ? 28 : 32, channels == 1 ? 28 : 32, 10, width);
    try (Network net = PruneTests.build(Zoo.builder(model, options), 11)) {
      ChannelGroups groups = ChannelGroups.trace(net);
      int plans = model.equals("resnet56") ? 1 : 3;
      for (long seed = 1; seed <= plans; seed++) {
        PruneTests.checkSurgery(net, PruneTests.randomPlan(groups, seed), model + " plan " + seed);
      }
    }
  }

  @Test
  void trainedResNet20PrunesExactly() {
    Path file = BundledModels.find(BundledModels.DEFAULT).orElseThrow();
    try (Network net = Checkpoint.load(file, Device.cpu())) {
      ChannelGroups groups = ChannelGroups.trace(net);
      NetworkSize size =
          PruneTests.checkSurgery(net, PruneTests.randomPlan(groups, 5), "trained resnet20");
      assertTrue(size.parameters() < net.parameterCount(), "pruning shrinks: " + size);
    }
  }

  @Test
  void keptChannelsCarryTheirOwnWeights() {
    try (Network net =
            PruneTests.build(Zoo.builder("lenet5", ZooOptions.grey28().withWidth(0.25)), 3);
        Network pruned = Surgery.keep(net, Map.of("conv1", new int[] {3, 1}))) {
      // conv1 (5 filters of 1x5x5) keeps filters 1 and 3 in ascending order, with their biases
      float[] w = net.parameters().get("conv1.weight").toFloatArray();
      float[] b = net.parameters().get("conv1.bias").toFloatArray();
      float[] w2 = pruned.parameters().get("conv1.weight").toFloatArray();
      assertEquals(50, w2.length);
      assertEquals(w[25], w2[0]);
      assertEquals(w[3 * 25 + 24], w2[49]);
      assertEquals(b[1], pruned.parameters().get("conv1.bias").getFloat(0));
      // conv2 (13 filters of 5x5x5: round(50 / 4) = 13) keeps input slices 1 and 3 of every filter
      float[] c = net.parameters().get("conv2.weight").toFloatArray();
      float[] c2 = pruned.parameters().get("conv2.weight").toFloatArray();
      assertEquals(13 * 2 * 25, c2.length);
      assertEquals(c[1 * 25], c2[0]);
      assertEquals(c[12 * 125 + 3 * 25 + 7], c2[12 * 50 + 25 + 7]);
      assertEquals(
          net.nodes().stream().map(n -> n.name()).toList(),
          pruned.nodes().stream().map(n -> n.name()).toList());
    }
  }
}
