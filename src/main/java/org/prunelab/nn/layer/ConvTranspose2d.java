package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D transposed convolution (the gradient of a convolution with respect to its input;
 * "deconvolution"): each input cell adds its value times the kernel into the output at stride
 * spacing. Weight shape (in, out / groups, kH, kW); output size (H - 1) stride - 2 pad + dilation
 * (k - 1) + outputPadding + 1. MACs per sample: H_in W_in in (out / groups) kH kW.
 */
public record ConvTranspose2d(
    int inChannels,
    int outChannels,
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int padH,
    int padW,
    int outPadH,
    int outPadW,
    int dilationH,
    int dilationW,
    int groups,
    boolean bias)
    implements Layer {

  public ConvTranspose2d {
    Shapes.requirePositive("ConvTranspose2d in_channels", inChannels);
    Shapes.requirePositive("ConvTranspose2d out_channels", outChannels);
    Shapes.requirePositive("ConvTranspose2d kernel", Math.min(kernelH, kernelW));
    Shapes.requirePositive("ConvTranspose2d stride", Math.min(strideH, strideW));
    Shapes.requireNonNegative("ConvTranspose2d padding", Math.min(padH, padW));
    Shapes.requireNonNegative("ConvTranspose2d output padding", Math.min(outPadH, outPadW));
    Shapes.requirePositive("ConvTranspose2d dilation", Math.min(dilationH, dilationW));
    Shapes.requirePositive("ConvTranspose2d groups", groups);
    if (inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException(
          "ConvTranspose2d groups="
              + groups
              + " must divide in_channels="
              + inChannels
              + " and out_channels="
              + outChannels);
    }
    if (outPadH >= Math.max(strideH, dilationH) || outPadW >= Math.max(strideW, dilationW)) {
      throw new IllegalArgumentException(
          "ConvTranspose2d output padding ("
              + outPadH
              + ", "
              + outPadW
              + ") must be smaller than the stride or the dilation");
    }
  }

  @Override
  public String op() {
    return "ConvTranspose2d";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.chw(op(), inputs);
    if (in.get(0) != inChannels) {
      throw new ShapeException(
          "ConvTranspose2d expects "
              + inChannels
              + " input channels, got "
              + in.get(0)
              + " (input "
              + in
              + ")");
    }
    long h = (in.get(1) - 1) * strideH - 2L * padH + (long) dilationH * (kernelH - 1) + outPadH + 1;
    long w = (in.get(2) - 1) * strideW - 2L * padW + (long) dilationW * (kernelW - 1) + outPadW + 1;
    if (h <= 0 || w <= 0) {
      throw new ShapeException(
          "ConvTranspose2d padding "
              + padH
              + "x"
              + padW
              + " removes the whole output of input "
              + in);
    }
    return new Shape(outChannels, h, w);
  }

  @Override
  public List<ParamSpec> params() {
    List<ParamSpec> specs = new ArrayList<>();
    specs.add(
        ParamSpec.trainable(
            "weight",
            new Shape(inChannels, outChannels / groups, kernelH, kernelW),
            ParamSpec.Init.KAIMING_NORMAL_FAN_OUT));
    if (bias) {
      specs.add(ParamSpec.trainable("bias", new Shape(outChannels), ParamSpec.Init.ZEROS));
    }
    return specs;
  }

  @Override
  public long macs(List<Shape> inputs, Shape output) {
    Shape in = inputs.get(0);
    return in.get(1) * in.get(2) * inChannels * (long) (outChannels / groups) * kernelH * kernelW;
  }

  /**
   * libtorch through DJL has no transposed convolution, so this computes the equivalent direct one:
   * insert stride - 1 zeros between input cells, pad each side by dilation (k - 1) - pad (negative
   * crops; the bottom and right also by the output padding), and convolve with the kernel flipped
   * in space and its in/out axes swapped within each group.
   */
  @Override
  public NDArray forward(LayerCall call) {
    NDArray x = call.input();
    Shape s = x.getShape();
    long n = s.get(0);
    long h = s.get(2);
    long w = s.get(3);
    NDArray spread = x;
    if (strideH > 1 || strideW > 1) {
      NDArray cells = x.reshape(n, inChannels, h, 1, w, 1);
      NDArray padded = cells.pad(new Shape(0, strideW - 1, 0, 0, 0, strideH - 1), 0);
      cells.close();
      NDArray grid = padded.reshape(n, inChannels, h * strideH, w * strideW);
      padded.close();
      // the zeros after the last cell are not part of the spread input
      spread = frame(grid, 0, 1 - strideH, 0, 1 - strideW);
      grid.close();
    }
    long edgeH = (long) dilationH * (kernelH - 1) - padH;
    long edgeW = (long) dilationW * (kernelW - 1) - padW;
    NDArray framed = frame(spread, edgeH, edgeH + outPadH, edgeW, edgeW + outPadW);
    if (spread != x) {
      spread.close();
    }
    try (NDArray kernel = directKernel(call.param("weight"))) {
      NDArray out =
          ai.djl.nn.convolutional.Conv2d.conv2d(
                  framed,
                  kernel,
                  call.param("bias"),
                  new Shape(1, 1),
                  new Shape(0, 0),
                  new Shape(dilationH, dilationW),
                  groups)
              .singletonOrThrow();
      framed.close();
      return out;
    }
  }

  /**
   * Pads the two spatial axes of an (N, C, H, W) array with zeros by the positive amounts and crops
   * it by the negative ones (the engine's padding takes no amount below -1).
   */
  private static NDArray frame(NDArray x, long top, long bottom, long left, long right) {
    NDArray padded =
        x.pad(
            new Shape(Math.max(left, 0), Math.max(right, 0), Math.max(top, 0), Math.max(bottom, 0)),
            0);
    if (Math.min(Math.min(top, bottom), Math.min(left, right)) >= 0) {
      return padded;
    }
    long h = padded.getShape().get(2);
    long w = padded.getShape().get(3);
    NDArray cropped =
        padded.get(
            new NDIndex(
                ":, :, {}:{}, {}:{}",
                Math.max(-top, 0),
                h - Math.max(-bottom, 0),
                Math.max(-left, 0),
                w - Math.max(-right, 0)));
    padded.close();
    return cropped;
  }

  /**
   * (in, out / g, kH, kW) to the direct convolution's (out, in / g, kH, kW), flipped in H and W.
   */
  private NDArray directKernel(NDArray weight) {
    NDArray grouped =
        weight.reshape(groups, inChannels / groups, outChannels / groups, kernelH, kernelW);
    NDArray swapped = grouped.transpose(0, 2, 1, 3, 4);
    grouped.close();
    NDArray direct = swapped.reshape(outChannels, inChannels / groups, kernelH, kernelW);
    swapped.close();
    NDArray flipped = direct.flip(2, 3);
    direct.close();
    return flipped;
  }
}
