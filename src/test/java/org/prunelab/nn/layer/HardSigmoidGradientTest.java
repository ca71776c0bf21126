package org.prunelab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * The gradient of the hard sigmoid y = max(0, min(1, alpha x + beta)) is alpha where alpha x + beta
 * lies in (0, 1) and 0 outside, also when a garbage collection runs between the forward and the
 * backward pass: DJL's {@code mul(Number)} wraps the constant in a tensor over a Java buffer that
 * is freed once unreachable, while libtorch's backward of the product still reads it.
 */
class HardSigmoidGradientTest {
  @Test
  void theGradientIsAlphaInsideTheRampEvenAfterAGarbageCollection() throws Exception {
    // alpha 0.2, beta 0.5: x = -1, 0, 1 give 0.3, 0.5, 0.7 (inside); x = -4, 4 give -0.3, 1.3
    float[] x = {-1, 0, 1, -4, 4};
    float[] expected = {0.2f, 0.2f, 0.2f, 0, 0};
    for (int round = 0; round < 3; round++) {
      try (NDManager scope = NDManager.newBaseManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray input = scope.create(x);
        input.setRequiresGradient(true);
        NDArray y = HardSigmoid.apply(input, 0.2, 0.5);
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(50);
          // reuse freed native memory
          try (NDManager garbage = NDManager.newBaseManager()) {
            garbage.create(new float[4096]).add(1);
          }
        }
        collector.backward(y.sum());
        assertArrayEquals(expected, input.getGradient().toFloatArray(), 1e-6f, "round " + round);
      }
    }
  }
}
