package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** Fully connected layer y = x W^T + b, weight shape (out, in). MACs per sample: in * out. */
public record Linear(int inFeatures, int outFeatures, boolean bias) implements Layer {

  public Linear {
    Shapes.requirePositive("Linear in_features", inFeatures);
    Shapes.requirePositive("Linear out_features", outFeatures);
  }

  @Override
  public String op() {
    return "Linear";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.single(op(), inputs);
    if (in.dimension() != 1 || in.get(0) != inFeatures) {
      throw new ShapeException(
          "Linear expects "
              + inFeatures
              + " input features, got shape "
              + in
              + (in.dimension() > 1 ? " (add a Flatten before it)" : ""));
    }
    return new Shape(outFeatures);
  }

  @Override
  public List<ParamSpec> params() {
    List<ParamSpec> specs = new ArrayList<>();
    specs.add(
        ParamSpec.trainable(
            "weight", new Shape(outFeatures, inFeatures), ParamSpec.Init.UNIFORM_FAN_IN));
    if (bias) {
      specs.add(ParamSpec.trainable("bias", new Shape(outFeatures), ParamSpec.Init.ZEROS));
    }
    return specs;
  }

  @Override
  public long macs(List<Shape> inputs, Shape output) {
    return (long) inFeatures * outFeatures;
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.core.Linear.linear(call.input(), call.param("weight"), call.param("bias"))
        .singletonOrThrow();
  }
}
