package org.prunelab.nn.layer;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.prunelab.nn.ShapeException;

/** NumPy broadcasting of per-sample shapes (aligned from the right; a dimension of 1 stretches). */
final class Broadcast {
  private Broadcast() {}

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
          throw new ShapeException(op + " cannot broadcast shapes " + inputs + ": dimension " + j + " is " + out[j]
              + " in one input and " + d + " in another");
        }
      }
    }
    return new Shape(out);
  }
}
