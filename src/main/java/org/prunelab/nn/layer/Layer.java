package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The operation of one node of a {@link org.prunelab.nn.Network}: an immutable configuration (a
 * record) that infers its output shape, declares the parameters it owns, counts its
 * multiply-accumulates and computes its output with DJL operators. Shapes here never include the
 * batch dimension. Parameters live in the network, not in the layer, so surgery can build a new
 * layer with new parameters.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Conv2d.class, name = "Conv2d"),
  @JsonSubTypes.Type(value = Linear.class, name = "Linear"),
  @JsonSubTypes.Type(value = BatchNorm.class, name = "BatchNorm"),
  @JsonSubTypes.Type(value = Relu.class, name = "ReLU"),
  @JsonSubTypes.Type(value = Clip.class, name = "Clip"),
  @JsonSubTypes.Type(value = LeakyRelu.class, name = "LeakyReLU"),
  @JsonSubTypes.Type(value = Sigmoid.class, name = "Sigmoid"),
  @JsonSubTypes.Type(value = Tanh.class, name = "Tanh"),
  @JsonSubTypes.Type(value = Silu.class, name = "SiLU"),
  @JsonSubTypes.Type(value = Softplus.class, name = "Softplus"),
  @JsonSubTypes.Type(value = MaxPool.class, name = "MaxPool"),
  @JsonSubTypes.Type(value = AvgPool.class, name = "AvgPool"),
  @JsonSubTypes.Type(value = AdaptiveAvgPool.class, name = "AdaptiveAvgPool"),
  @JsonSubTypes.Type(value = Flatten.class, name = "Flatten"),
  @JsonSubTypes.Type(value = Reshape.class, name = "Reshape"),
  @JsonSubTypes.Type(value = Add.class, name = "Add"),
  @JsonSubTypes.Type(value = Mul.class, name = "Mul"),
  @JsonSubTypes.Type(value = Concat.class, name = "Concat"),
  @JsonSubTypes.Type(value = Dropout.class, name = "Dropout"),
  @JsonSubTypes.Type(value = Identity.class, name = "Identity"),
  @JsonSubTypes.Type(value = Softmax.class, name = "Softmax"),
  @JsonSubTypes.Type(value = HardSigmoid.class, name = "HardSigmoid"),
  @JsonSubTypes.Type(value = HardSwish.class, name = "HardSwish"),
  @JsonSubTypes.Type(value = Slice.class, name = "Slice"),
  @JsonSubTypes.Type(value = Pad.class, name = "Pad"),
  @JsonSubTypes.Type(value = ConstantArithmetic.class, name = "ConstantArithmetic"),
  @JsonSubTypes.Type(value = ConvTranspose2d.class, name = "ConvTranspose2d")
})
public sealed interface Layer
    permits Conv2d,
        Linear,
        BatchNorm,
        Relu,
        Clip,
        LeakyRelu,
        Sigmoid,
        Tanh,
        Silu,
        Softplus,
        MaxPool,
        AvgPool,
        AdaptiveAvgPool,
        Flatten,
        Reshape,
        Add,
        Mul,
        Concat,
        Dropout,
        Identity,
        Softmax,
        HardSigmoid,
        HardSwish,
        Slice,
        Pad,
        ConstantArithmetic,
        ConvTranspose2d {

  /** Short operator name shown in layer tables ("Conv2d", "ReLU", ...). */
  String op();

  /** Number of inputs this layer takes; -1 for "two or more". */
  default int arity() {
    return 1;
  }

  /**
   * Output shape for one sample.
   *
   * @throws org.prunelab.nn.layer.ShapeException naming what was expected when an input shape does
   *     not fit
   */
  Shape outputShape(List<Shape> inputs);

  /** Parameters and buffers this layer owns, in a fixed order. */
  default List<ParamSpec> params() {
    return List.of();
  }

  /**
   * Multiply-accumulate operations for one sample (the "FLOPs" of the pruning literature: ResNet-56
   * on CIFAR has 125 M). Only convolutions and fully connected layers count; element-wise layers
   * count zero.
   */
  default long macs(List<Shape> inputs, Shape output) {
    return 0;
  }

  /** Computes the output from batched inputs (batch dimension first) and this node's parameters. */
  NDArray forward(LayerCall call);
}
