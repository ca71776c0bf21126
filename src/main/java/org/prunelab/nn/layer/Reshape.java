package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Reshapes each sample to a fixed shape with the same number of elements (the batch axis is kept).
 */
public record Reshape(long[] target) implements Layer {

  public Reshape {
    if (target.length == 0 || Arrays.stream(target).anyMatch(d -> d <= 0)) {
      throw new IllegalArgumentException(
          "Reshape target must be positive dimensions, got " + Arrays.toString(target));
    }
    target = target.clone();
  }

  @Override
  public String op() {
    return "Reshape";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.single(op(), inputs);
    Shape out = new Shape(target);
    if (out.size() != in.size()) {
      throw new ShapeException(
          "Reshape to "
              + out
              + " needs "
              + out.size()
              + " elements per sample, input "
              + in
              + " has "
              + in.size());
    }
    return out;
  }

  @Override
  public NDArray forward(LayerCall call) {
    NDArray x = call.input();
    return x.reshape(new Shape(x.getShape().get(0)).addAll(new Shape(target)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reshape r && Arrays.equals(target, r.target);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(target);
  }

  @Override
  public String toString() {
    return "Reshape" + Arrays.toString(target);
  }
}
