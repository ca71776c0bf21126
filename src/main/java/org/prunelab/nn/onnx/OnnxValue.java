package org.prunelab.nn.onnx;

import ai.djl.ndarray.types.Shape;

/**
 * What an ONNX value name stands for during import: a node's activation, or a tensor known at
 * import time.
 */
sealed interface OnnxValue {

  /** The output of a PruneLab node (or the network input), with its per-sample shape. */
  record Activation(String node, Shape shape) implements OnnxValue {}

  /** A constant: initializer, Constant node, or folded shape computation. */
  record Known(ConstTensor tensor) implements OnnxValue {}
}
