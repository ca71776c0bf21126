package org.prunelab.nn.layer;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Output shape of a pooling window, shared by max and average pooling. */
final class PoolShapes {
  private PoolShapes() {}

  static Shape output(
      String op, List<Shape> inputs, int kh, int kw, int sh, int sw, int ph, int pw, boolean ceil) {
    Shape in = Shapes.chw(op, inputs);
    if (2 * ph > kh || 2 * pw > kw) {
      throw new ShapeException(
          op + " padding " + ph + "x" + pw + " must be at most half the kernel " + kh + "x" + kw);
    }
    long h = Shapes.windowOut(in.get(1), kh, sh, ph, ph, 1, ceil);
    long w = Shapes.windowOut(in.get(2), kw, sw, pw, pw, 1, ceil);
    if (h <= 0 || w <= 0) {
      throw new ShapeException(op + " window " + kh + "x" + kw + " does not fit input " + in);
    }
    return new Shape(in.get(0), h, w);
  }
}
