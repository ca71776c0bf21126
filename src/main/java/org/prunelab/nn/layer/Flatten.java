package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Flattens each sample to a vector: (C, H, W) to (C H W), channel-major as in PyTorch and ONNX. */
public record Flatten() implements Layer {

  @Override
  public String op() {
    return "Flatten";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return new Shape(Shapes.single(op(), inputs).size());
  }

  @Override
  public NDArray forward(LayerCall call) {
    NDArray x = call.input();
    return x.reshape(x.getShape().get(0), -1);
  }
}
