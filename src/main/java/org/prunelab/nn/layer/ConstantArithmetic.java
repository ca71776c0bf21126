package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Element-wise arithmetic between the input x and a constant tensor c held as a non-trainable
 * buffer ({@code constant}): y = x + c, x - c (or c - x), x c, x / c (or c / x), with NumPy
 * broadcasting of c against each sample (c's shape aligns with the sample's trailing axes, e.g. (C,
 * 1, 1) per channel or (1) for a scalar). This is what an ONNX Add, Sub, Mul or Div with one
 * constant operand computes, e.g. input normalisation (x - mean) / std.
 */
public record ConstantArithmetic(Operation operation, boolean constantFirst, long[] constantShape)
    implements Layer {

  /**
   * The element-wise operation; {@code constantFirst} matters only for the non-commutative ones.
   */
  public enum Operation {
    ADD,
    SUB,
    MUL,
    DIV
  }

  public ConstantArithmetic {
    if (operation == null) {
      throw new IllegalArgumentException("ConstantArithmetic needs an operation");
    }
    if (constantShape.length == 0 || Arrays.stream(constantShape).anyMatch(d -> d <= 0)) {
      throw new IllegalArgumentException(
          "ConstantArithmetic constant shape must be positive dimensions, got "
              + Arrays.toString(constantShape));
    }
    constantShape = constantShape.clone();
  }

  @Override
  public String op() {
    return switch (operation) {
      case ADD -> "AddConstant";
      case SUB -> "SubConstant";
      case MUL -> "MulConstant";
      case DIV -> "DivConstant";
    };
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Broadcast.shape(op(), List.of(Shapes.single(op(), inputs), new Shape(constantShape)));
  }

  @Override
  public List<ParamSpec> params() {
    boolean additive = operation == Operation.ADD || operation == Operation.SUB;
    return List.of(
        ParamSpec.buffer(
            "constant",
            new Shape(constantShape),
            additive ? ParamSpec.Init.ZEROS : ParamSpec.Init.ONES));
  }

  @Override
  public NDArray forward(LayerCall call) {
    NDArray x = call.input();
    NDArray c = call.param("constant");
    NDArray out =
        switch (operation) {
          case ADD -> x.add(c);
          case MUL -> x.mul(c);
          case SUB -> constantFirst ? c.sub(x) : x.sub(c);
          case DIV -> constantFirst ? c.div(x) : x.div(c);
        };
    // an operation on c first belongs to the network's manager: hand the result to the batch's
    out.attach(x.getManager());
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstantArithmetic a
        && operation == a.operation
        && constantFirst == a.constantFirst
        && Arrays.equals(constantShape, a.constantShape);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * operation.hashCode() + Boolean.hashCode(constantFirst))
        + Arrays.hashCode(constantShape);
  }

  @Override
  public String toString() {
    return "ConstantArithmetic["
        + operation
        + (constantFirst ? ", constant first" : "")
        + ", "
        + Arrays.toString(constantShape)
        + "]";
  }
}
