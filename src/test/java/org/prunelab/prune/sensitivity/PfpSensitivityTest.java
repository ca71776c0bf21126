package org.prunelab.prune.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.data.Batch;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.zoo.BundledModels;

/**
 * Acceptance of the batched PFP/SiPP sensitivities: on the trained LeNet-5 and ResNet-20 with real
 * Fashion-MNIST images they equal the per-image float64 definition ({@link PerPointReference})
 * within 1e-5 relative, for every weight and every input channel of every Conv2d and Linear layer.
 */
class PfpSensitivityTest {
  private static final double REL = 1e-5;

  @Test
  void lenet5BatchedPfpAndSippMaxEqualThePerImageDefinition() {
    check(BundledModels.LENET5, 6, PfpOptions.DEFAULT, false);
  }

  @Test
  void lenet5SippMeanEqualsThePerImageDefinition() {
    check(BundledModels.LENET5, 4, PfpOptions.DEFAULT, true);
  }

  @Test
  void resnet20BatchedPfpEqualsThePerImageDefinition() {
    check(BundledModels.DEFAULT, 4, PfpOptions.DEFAULT, false);
  }

  @Test
  void resnet20SippMeanEqualsThePerImageDefinition() {
    check(BundledModels.DEFAULT, 2, PfpOptions.DEFAULT, true);
  }

  private static void check(String model, int images, PfpOptions options, boolean mean) {
    try (Network net = Fixtures.bundled(model);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, images, m)) {
      SensitivityReport report =
          mean
              ? SippSensitivity.compute(net, s.images(), options, PatchReduction.MEAN)
              : PfpSensitivity.compute(net, s.images(), options);
      Map<String, double[]> reference =
          PerPointReference.weightSensitivities(net, s.images(), mean);
      assertEquals(
          List.copyOf(reference.keySet()),
          report.layers().stream().map(LayerScores::node).toList());
      assertEquals(images, report.sampleCount());
      for (LayerScores layer : report.layers()) {
        Node node = net.node(layer.node());
        double[] expected = reference.get(layer.node());
        Fixtures.assertRelativelyClose(
            expected, layer.weightScores(), REL, model + " " + layer.node() + " weights");
        double[] channels = PerPointReference.perInputChannel(node, expected);
        Fixtures.assertRelativelyClose(
            channels, layer.inputChannelScores(), REL, model + " " + layer.node() + " channels");
        double sum = 0;
        for (double c : channels) {
          sum += c;
        }
        assertEquals(sum, layer.sensitivitySum(), 1e-5 * sum, "S_l of " + layer.node());
        assertEquals(layer.sensitivitySum(), report.sensitivitySums().get(layer.node()));
        assertTrue(sum > 0, "layer " + layer.node() + " has some sensitivity");
      }
    }
  }
}
