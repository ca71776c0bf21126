package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D convolution (cross-correlation) with stride, symmetric padding, dilation and groups; groups
 * equal to the input channels and a multiple of them as outputs is a depthwise convolution. Weight
 * shape (out, in / groups, kH, kW). MACs per sample: H_out W_out out (in / groups) kH kW.
 */
public record Conv2d(
    int inChannels,
    int outChannels,
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int padH,
    int padW,
    int dilationH,
    int dilationW,
    int groups,
    boolean bias)
    implements Layer {

  public Conv2d {
    Shapes.requirePositive("Conv2d in_channels", inChannels);
    Shapes.requirePositive("Conv2d out_channels", outChannels);
    Shapes.requirePositive("Conv2d kernel height", kernelH);
    Shapes.requirePositive("Conv2d kernel width", kernelW);
    Shapes.requirePositive("Conv2d stride", Math.min(strideH, strideW));
    Shapes.requireNonNegative("Conv2d padding", Math.min(padH, padW));
    Shapes.requirePositive("Conv2d dilation", Math.min(dilationH, dilationW));
    Shapes.requirePositive("Conv2d groups", groups);
    if (inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException(
          "Conv2d groups="
              + groups
              + " must divide in_channels="
              + inChannels
              + " and out_channels="
              + outChannels);
    }
  }

  /** A square-kernel convolution without dilation or groups. */
  public static Conv2d of(int in, int out, int kernel, int stride, int padding, boolean bias) {
    return new Conv2d(in, out, kernel, kernel, stride, stride, padding, padding, 1, 1, 1, bias);
  }

  /** The same convolution with another group count (depthwise: groups = in = out). */
  public Conv2d withGroups(int g) {
    return new Conv2d(
        inChannels,
        outChannels,
        kernelH,
        kernelW,
        strideH,
        strideW,
        padH,
        padW,
        dilationH,
        dilationW,
        g,
        bias);
  }

  @Override
  public String op() {
    return "Conv2d";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.chw(op(), inputs);
    if (in.get(0) != inChannels) {
      throw new ShapeException(
          "Conv2d expects "
              + inChannels
              + " input channels, got "
              + in.get(0)
              + " (input "
              + in
              + ")");
    }
    long h = Shapes.windowOut(in.get(1), kernelH, strideH, padH, padH, dilationH, false);
    long w = Shapes.windowOut(in.get(2), kernelW, strideW, padW, padW, dilationW, false);
    if (h <= 0 || w <= 0) {
      throw new ShapeException(
          "Conv2d kernel " + kernelH + "x" + kernelW + " does not fit input " + in);
    }
    return new Shape(outChannels, h, w);
  }

  @Override
  public List<ParamSpec> params() {
    List<ParamSpec> specs = new ArrayList<>();
    specs.add(
        ParamSpec.trainable(
            "weight",
            new Shape(outChannels, inChannels / groups, kernelH, kernelW),
            ParamSpec.Init.KAIMING_NORMAL_FAN_OUT));
    if (bias) {
      specs.add(ParamSpec.trainable("bias", new Shape(outChannels), ParamSpec.Init.ZEROS));
    }
    return specs;
  }

  @Override
  public long macs(List<Shape> inputs, Shape output) {
    return output.get(1)
        * output.get(2)
        * outChannels
        * (long) (inChannels / groups)
        * kernelH
        * kernelW;
  }

  @Override
  public NDArray forward(LayerCall call) {
    return convolve(call.input(), call.param("weight"), call.param("bias"));
  }

  /**
   * Runs this convolution with the given weight and bias (bias may be null), e.g. a
   * BatchNorm-folded weight.
   */
  public NDArray convolve(NDArray x, NDArray weight, NDArray biasArray) {
    return ai.djl.nn.convolutional.Conv2d.conv2d(
            x,
            weight,
            biasArray,
            new Shape(strideH, strideW),
            new Shape(padH, padW),
            new Shape(dilationH, dilationW),
            groups)
        .singletonOrThrow();
  }
}
