package org.prunelab.lowrank;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.train.Optimizer;
import org.prunelab.train.OptimizerSpec;
import org.prunelab.train.TrainingStep;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * A factored network is an ordinary network: gradients reach the encoders and decoders and the loss
 * falls.
 */
class FactoredTrainingTest {

  @Test
  void factoredResNetTrains() {
    try (Network original =
            Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.25), Device.cpu(), 3);
        NDManager m = NDManager.newBaseManager()) {
      LowRankResult r =
          LowRankCompressor.compress(
              original, LowRankMethod.ALDS, Budget.parameters(0.5), 1, JobContext.silent());
      try (Network net = r.network()) {
        NDArray images = LowRankTests.normal(m, 1, 10, 1, 28, 28);
        NDArray labels =
            m.create(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).toType(DataType.INT64, false);
        Map<String, NDArray> params = net.trainableParameters();
        String encoder =
            params.keySet().stream()
                .filter(n -> n.endsWith(".encoder.weight"))
                .findFirst()
                .orElseThrow();
        float[] before = params.get(encoder).toFloatArray();
        params.values().forEach(p -> p.setRequiresGradient(true));
        float first;
        float last;
        try (NDManager scope = NDManager.newBaseManager();
            Optimizer opt = Optimizer.of(OptimizerSpec.sgd(0.9, true, 0), scope)) {
          TrainingStep step = new TrainingStep(net, params, opt);
          first = step.run(images, labels, 0.05).loss();
          last = first;
          for (int i = 0; i < 3; i++) {
            last = step.run(images, labels, 0.05).loss();
          }
        } finally {
          params.values().forEach(p -> p.setRequiresGradient(false));
        }
        assertTrue(Float.isFinite(first) && Float.isFinite(last), first + " " + last);
        assertTrue(last < first, "loss on one repeated batch falls: " + first + " -> " + last);
        assertFalse(
            Arrays.equals(before, params.get(encoder).toFloatArray()), encoder + " was updated");
        net.checkFinite();
      }
    }
  }
}
