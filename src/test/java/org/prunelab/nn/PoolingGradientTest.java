package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.layer.Mode;
import org.prunelab.train.Losses;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Regression test for a libtorch 2.7.1 CPU defect: with two threads, the backward of a pooling
 * layer whose gradient comes from a convolution's input gradient was non-deterministic and
 * sometimes NaN, which made LeNet-5 diverge at tiny learning rates. Repeated backward passes on one
 * batch must give identical, finite gradients.
 */
class PoolingGradientTest {

  @Test
  void lenet5GradientsAreIdenticalAcrossRepeatedBackwardPasses() {
    try (Network net = Zoo.create("lenet5", ZooOptions.grey28().withWidth(0.25), Device.cpu(), 3);
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(3);
      NDArray x = m.randomNormal(new Shape(128, 1, 28, 28));
      NDArray y = m.randomInteger(0, 10, new Shape(128), DataType.INT64);
      Map<String, NDArray> params = net.trainableParameters();
      params.values().forEach(p -> p.setRequiresGradient(true));
      float[] first = null;
      for (int rep = 0; rep < 6; rep++) {
        try (NDManager step = m.newSubManager()) {
          NDArray input = x.mul(1f);
          input.attach(step);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(Losses.crossEntropy(net.forward(input, Mode.TRAIN), y));
          }
          NDArray grad = params.get("conv1.weight").getGradient();
          grad.attach(step);
          float[] g = grad.toFloatArray();
          for (float v : g) {
            assertTrue(Float.isFinite(v), "conv1 gradient is not finite in pass " + rep);
          }
          if (first == null) {
            first = g;
          } else {
            assertArrayEquals(first, g, "conv1 gradient differs in pass " + rep);
          }
          grad.subi(grad);
          params
              .values()
              .forEach(
                  p -> {
                    NDArray other = p.getGradient();
                    other.subi(other);
                    other.close();
                  });
        }
      }
    }
  }
}
