package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.ShapeException;

/**
 * A network may be deep (a chain of 20,000 nodes builds and runs: the forward pass walks the graph
 * without recursion), but not unbounded: the node after {@link TensorLimits#MAX_NODES} is refused
 * with its name and the limit.
 */
class NetworkSizeLimitsTest {
  @Test
  void aDeepChainBuildsAndRuns() {
    NetworkBuilder b = Network.builder(new Shape(4));
    String last = Network.INPUT;
    for (int i = 0; i < 20_000; i++) {
      last = b.add("relu" + i, new Relu(), last);
    }
    try (Network net = b.build(Device.cpu(), 0);
        NDManager scope = NDManager.newBaseManager()) {
      float[] out =
          net.forward(scope.create(new float[] {-1, 0, 2, 3}, new Shape(1, 4)), Mode.EVAL)
              .toFloatArray();
      assertArrayEquals(new float[] {0, 0, 2, 3}, out, 0f);
    }
  }

  @Test
  void theNodeAfterTheLimitIsRefusedByName() {
    NetworkBuilder b = Network.builder(new Shape(4));
    String last = Network.INPUT;
    for (int i = 0; i < TensorLimits.MAX_NODES; i++) {
      last = b.add("n" + i, new Relu(), last);
    }
    String previous = last;
    ShapeException e =
        assertThrows(ShapeException.class, () -> b.add("one-too-many", new Relu(), previous));
    assertTrue(e.getMessage().contains("'one-too-many'"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(TensorLimits.MAX_NODES)), e.getMessage());
  }
}
