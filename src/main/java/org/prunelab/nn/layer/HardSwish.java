package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Hard swish (MobileNetV3), y = x max(0, min(1, x / 6 + 1/2)) = x relu6(x + 3) / 6. */
public record HardSwish() implements Layer {

  @Override
  public String op() {
    return "HardSwish";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    NDArray x = call.input();
    NDArray gate = HardSigmoid.apply(x, 1.0 / 6, 0.5);
    NDArray out = x.mul(gate);
    gate.close();
    return out;
  }
}
