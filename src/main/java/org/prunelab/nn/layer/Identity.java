package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Identity, y = x (what an exporter leaves where a layer was removed). */
public record Identity() implements Layer {

  @Override
  public String op() {
    return "Identity";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return call.input();
  }
}
