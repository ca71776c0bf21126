package org.prunelab.nn.layer;

import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Shape checks shared by layers; each failure says what the layer expected. */
final class Shapes {
  private Shapes() {}

  static Shape single(String op, List<Shape> inputs) {
    if (inputs.size() != 1) {
      throw new ShapeException(op + " takes exactly one input, got " + inputs.size());
    }
    return inputs.get(0);
  }

  /** Checks an image-like input (C, H, W) and returns it. */
  static Shape chw(String op, List<Shape> inputs) {
    Shape s = single(op, inputs);
    if (s.dimension() != 3) {
      throw new ShapeException(op + " expects an input of shape (C, H, W) per sample, got " + s);
    }
    return s;
  }

  /** Output length of a sliding window, PyTorch's formula. */
  static long windowOut(
      long in, int kernel, int stride, int padBefore, int padAfter, int dilation, boolean ceil) {
    long span = in + padBefore + padAfter - (long) dilation * (kernel - 1) - 1;
    if (span < 0) {
      return 0;
    }
    long out = ceil ? (span + stride - 1) / stride + 1 : span / stride + 1;
    // PyTorch: with ceil mode the last window must start inside the input or the left padding
    if (ceil && (out - 1) * stride >= in + padBefore) {
      out--;
    }
    return out;
  }

  static void requirePositive(String what, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }

  static void requireNonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be non-negative, got " + value);
    }
  }
}
