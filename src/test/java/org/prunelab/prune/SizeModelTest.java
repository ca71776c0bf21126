package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/** The size model against hand-computed sizes, surgery's minimal network, and its speed. */
class SizeModelTest {

  @Test
  void resnet20HalfOfStageOneMatchesTheHandCount() {
    try (Network net = Zoo.create("resnet20", ZooOptions.grey28(), Device.cpu(), 1)) {
      SizeModel model = SizeModel.of(ChannelGroups.trace(net));
      assertEquals(new NetworkSize(272186, 31021952), model.fullSize());
      // stage 1 keeps 8 of 16 channels: parameters removed: stem 72, bn1 16, three conv2 3*1152 and
      // bn2 3*16,
      // three conv1 inputs 3*1152, layer2.0.conv1 inputs 2304, shortcut 256 = 9608; MACs removed
      // (784 positions
      // in stage 1, 196 in stage 2): 784*8*9 + 6*784*8*16*9 + 196*32*8*9 + 196*32*8 = 5977216
      assertEquals(
          new NetworkSize(272186 - 9608, 31021952 - 5977216), model.sizeWith(Map.of("conv1", 8)));
    }
  }

  @Test
  void lenet300100MinimalSizeIsOneNeuronPerHiddenLayer() {
    try (Network net = Zoo.create("lenet-300-100", ZooOptions.grey28(), Device.cpu(), 1)) {
      SizeModel model = SizeModel.of(ChannelGroups.trace(net));
      // fc1 784*1+1, fc2 1*1+1, fc3 1*10+10; MACs 784 + 1 + 10
      assertEquals(new NetworkSize(807, 795), model.minimalSize());
      assertEquals(new NetworkSize(266610, 266200), model.fullSize());
    }
  }

  @Test
  void minimalSizeIsTheSizeOfTheSmallestPrunedNetwork() {
    try (Network net = PruneTests.build(Architectures.fire(), 2)) {
      ChannelGroups groups = ChannelGroups.trace(net);
      Map<String, int[]> one = new HashMap<>();
      groups.prunable().forEach(g -> one.put(g.id(), new int[] {g.channels() - 1}));
      try (Network pruned = Surgery.keep(net, one)) {
        assertEquals(
            new NetworkSize(pruned.parameterCount(), pruned.macs()),
            SizeModel.of(groups).minimalSize());
      }
    }
  }

  @Test
  void badCountsAreNamed() {
    try (Network net = Zoo.create("resnet20", ZooOptions.grey28(), Device.cpu(), 1)) {
      SizeModel model = SizeModel.of(ChannelGroups.trace(net));
      String zero =
          assertThrows(InvalidPlanException.class, () -> model.sizeWith(Map.of("conv1", 0)))
              .getMessage();
      assertTrue(zero.contains("'conv1' has 16 channels; it can keep 1 to 16, not 0"), zero);
      String many =
          assertThrows(InvalidPlanException.class, () -> model.sizeWith(Map.of("conv1", 17)))
              .getMessage();
      assertTrue(many.contains("not 17"), many);
      String fc =
          assertThrows(InvalidPlanException.class, () -> model.sizeWith(Map.of("fc", 5)))
              .getMessage();
      assertTrue(fc.contains("'fc' cannot be pruned") && fc.contains("network output"), fc);
      String unknown =
          assertThrows(InvalidPlanException.class, () -> model.sizeWith(Map.of("layer9", 5)))
              .getMessage();
      assertTrue(unknown.contains("'layer9'") && unknown.contains("layer3.2.conv1"), unknown);
    }
  }

  @Test
  void resnet56SizeTakesMicroseconds() {
    try (Network net = Zoo.create("resnet56", ZooOptions.colour32(), Device.cpu(), 1)) {
      ChannelGroups groups = ChannelGroups.trace(net);
      SizeModel model = SizeModel.of(groups);
      Map<String, Integer> kept = new HashMap<>();
      groups.prunable().forEach(g -> kept.put(g.id(), Math.max(1, g.channels() / 2)));
      long checksum = 0;
      int calls = 20_000;
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        checksum += model.sizeWith(kept).parameters();
      }
      double micros = (System.nanoTime() - start) / 1e3 / calls;
      assertTrue(checksum > 0);
      // measured about 4 us per call (32 groups) on a shared 2-core machine; 200 us would still
      // keep up with mouse moves
      assertTrue(micros < 200, "sizeWith took " + micros + " us per call");
      System.err.printf(
          "SizeModel.sizeWith on ResNet-56 (%d groups): %.2f us per call%n",
          groups.groups().size(), micros);
    }
  }
}
