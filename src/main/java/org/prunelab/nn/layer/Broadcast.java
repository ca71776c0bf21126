package org.prunelab.nn.layer;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/** NumPy broadcasting of per-sample shapes (aligned from the right; a dimension of 1 stretches). */
final class Broadcast {
  private Broadcast() {}

  /**
   * Reshapes batched inputs of lower per-sample rank to the highest rank by inserting unit axes
   * after the batch axis, so that the engine's broadcasting aligns per-sample shapes as {@link
   * #shape} does: (N, C) against (N, C, H, W) is not valid, but per sample (C) against (C, H, W)
   * aligns from the right to (1, 1, C).
   */
  static java.util.List<ai.djl.ndarray.NDArray> align(
      java.util.List<ai.djl.ndarray.NDArray> inputs) {
    int rank = inputs.stream().mapToInt(a -> a.getShape().dimension()).max().orElse(0);
    java.util.List<ai.djl.ndarray.NDArray> out = new java.util.ArrayList<>(inputs.size());
    for (ai.djl.ndarray.NDArray a : inputs) {
      Shape s = a.getShape();
      if (s.dimension() == rank) {
        out.add(a);
      } else {
        long[] dims = new long[rank];
        java.util.Arrays.fill(dims, 1);
        dims[0] = s.get(0);
        for (int i = 1; i < s.dimension(); i++) {
          dims[rank - s.dimension() + i] = s.get(i);
        }
        out.add(a.reshape(new Shape(dims)));
      }
    }
    return out;
  }

  /**
   * Combines batched inputs left to right with an element-wise operation after aligning their
   * ranks.
   */
  static ai.djl.ndarray.NDArray combine(
      java.util.List<ai.djl.ndarray.NDArray> inputs,
      java.util.function.BinaryOperator<ai.djl.ndarray.NDArray> op) {
    java.util.List<ai.djl.ndarray.NDArray> in = align(inputs);
    ai.djl.ndarray.NDArray result = op.apply(in.get(0), in.get(1));
    for (int i = 2; i < in.size(); i++) {
      result = op.apply(result, in.get(i));
    }
    return result;
  }

  static Shape shape(String op, List<Shape> inputs) {
    if (inputs.size() < 2) {
      throw new ShapeException(op + " takes two or more inputs, got " + inputs.size());
    }
    int rank = inputs.stream().mapToInt(Shape::dimension).max().orElse(0);
    long[] out = new long[rank];
    java.util.Arrays.fill(out, 1);
    for (Shape s : inputs) {
      for (int i = 0; i < s.dimension(); i++) {
        int j = rank - s.dimension() + i;
        long d = s.get(i);
        if (out[j] == 1) {
          out[j] = d;
        } else if (d != 1 && d != out[j]) {
          throw new ShapeException(
              op
                  + " cannot broadcast shapes "
                  + inputs
                  + ": dimension "
                  + j
                  + " is "
                  + out[j]
                  + " in one input and "
                  + d
                  + " in another");
        }
      }
    }
    return new Shape(out);
  }
}
