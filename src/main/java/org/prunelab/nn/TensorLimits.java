package org.prunelab.nn;

import ai.djl.ndarray.types.Shape;
import org.prunelab.nn.layer.ShapeException;

/**
 * The largest tensors a PruneLab network may have, checked when a node is added (and so when a zoo
 * model is built or an ONNX file imported): every dimension at least 1, and at most {@value
 * #MAX_ELEMENTS} elements per sample output and per parameter (the largest Java array, which
 * parameter values and per-sample images pass through). Sizes are multiplied with overflow checks,
 * so a shape such as 1x100000x100000 is refused with its name instead of wrapping to a negative
 * size. A network has at most {@value #MAX_NODES} nodes.
 */
public final class TensorLimits {
  /**
   * Nodes a network may have at most: far above the largest real networks (a torchvision ResNet-152
   * has about 500, an exported transformer a few thousand), low enough that a corrupt or hostile
   * file cannot make the builder hold millions of nodes.
   */
  public static final int MAX_NODES = 100_000;

  /** Elements a tensor may hold at most: the largest Java array. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

  private TensorLimits() {}

  /**
   * The element count of {@code shape}, checked.
   *
   * @param what what the shape belongs to, for the message ("node 'fc1' output")
   * @throws ShapeException naming {@code what}, the shape and the limit
   */
  public static long elements(String what, Shape shape) {
    long count = 1;
    for (int i = 0; i < shape.dimension(); i++) {
      long d = shape.get(i);
      if (d < 1) {
        throw new ShapeException(
            what + " has shape " + shape + ": dimension " + i + " is " + d + ", not at least 1");
      }
      try {
        count = Math.multiplyExact(count, d);
      } catch (ArithmeticException overflow) {
        count = Long.MAX_VALUE;
      }
      if (count > MAX_ELEMENTS) {
        throw new ShapeException(
            what
                + " has shape "
                + shape
                + ", more than "
                + MAX_ELEMENTS
                + " elements (the largest tensor PruneLab holds); use a smaller input or layer");
      }
    }
    return count;
  }
}
