package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/** The unpruned reference job's units, against LeNet-5's shapes worked by hand. */
class PruneRetrainUnitsTest {

  @Test
  void referenceRecordsEveryGroupsChannelsAndEveryWeightTensorsSize() {
    try (Network lenet = Zoo.create("lenet5", ZooOptions.grey28(), Device.cpu(), 0)) {
      Map<String, Integer> expected = new LinkedHashMap<>();
      expected.put("conv1", 20);
      expected.put("conv2", 50);
      expected.put("fc1", 500);
      expected.put("conv1.weight", 20 * 1 * 5 * 5);
      expected.put("conv2.weight", 50 * 20 * 5 * 5);
      expected.put("fc1.weight", 500 * 50 * 4 * 4);
      expected.put("fc2.weight", 10 * 500);
      assertEquals(expected, PruneRetrain.fullUnits(lenet));
    }
  }
}
