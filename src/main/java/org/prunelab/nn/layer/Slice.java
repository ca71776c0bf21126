package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A contiguous range [start, end) along one axis of the batched tensor (axis 1 = channels), e.g.
 * one output of a channel Split: y = x[:, start:end] for axis 1.
 */
public record Slice(int axis, long start, long end) implements Layer {

  public Slice {
    if (axis < 1) {
      throw new IllegalArgumentException(
          "Slice axis must be 1 or more (axis 0 is the batch), got " + axis);
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "Slice needs 0 <= start < end, got start=" + start + ", end=" + end);
    }
  }

  /** Channels [start, end). */
  public static Slice channels(long start, long end) {
    return new Slice(1, start, end);
  }

  @Override
  public String op() {
    return "Slice";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.single(op(), inputs);
    if (axis > in.dimension() || end > in.get(axis - 1)) {
      throw new ShapeException(
          "Slice ["
              + start
              + ", "
              + end
              + ") along batched axis "
              + axis
              + " does not fit input "
              + in);
    }
    long[] out = in.getShape().clone();
    out[axis - 1] = end - start;
    return new Shape(out);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return call.input().get(NDIndex.sliceAxis(axis, start, end));
  }
}
