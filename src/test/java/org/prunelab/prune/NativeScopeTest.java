package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Surgery, masking, masks and sparsity counts leave no intermediate array in the network's own
 * native scope.
 */
class NativeScopeTest {

  @Test
  void pruningLeavesNothingBehindInTheNetworksManager() {
    try (Network net =
        PruneTests.build(Zoo.builder("resnet20", ZooOptions.grey28().withWidth(0.5)), 1)) {
      NDManager manager = net.parameters().get("conv1.weight").getManager();
      int before = manager.getManagedArrays().size();
      ChannelGroups groups = ChannelGroups.trace(net);
      PruningPlan plan = new PruningPlan(groups, PruneTests.randomPlan(groups, 1));
      for (int i = 0; i < 3; i++) {
        Surgery.apply(net, plan).close();
        ChannelMasking.zeroed(net, plan).close();
        Sparsity.of(net);
        WeightMasks.of(List.of(WeightMask.of("conv1.weight", new boolean[72]))).apply(net);
      }
      assertEquals(
          before, manager.getManagedArrays().size(), "arrays left in the network's manager");
    }
  }
}
