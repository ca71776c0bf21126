package org.prunelab.nn.onnx;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.Set;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.AvgPool;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.ConstantArithmetic;
import org.prunelab.nn.layer.ConstantArithmetic.Operation;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.ConvTranspose2d;
import org.prunelab.nn.layer.Dropout;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.HardSigmoid;
import org.prunelab.nn.layer.HardSwish;
import org.prunelab.nn.layer.Identity;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Pad;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Silu;
import org.prunelab.nn.layer.Slice;
import org.prunelab.nn.layer.Softmax;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;

/**
 * A hand-built network on 3x12x12 input that uses every layer type and the export's special cases:
 * grouped, depthwise, dilated and asymmetric convolutions with and without bias; pooling in ceil
 * mode with windows that overhang the (padded) input, average pooling with and without counting the
 * padding; adaptive pooling global, to a dividing grid and to a non-dividing one; Mul of a
 * per-sample vector against a feature map (broadcast along the last axis); a three-input Add;
 * Softmax over a middle axis; BatchNorm on feature maps and on vectors; a grouped transposed
 * convolution with stride, dilation and output padding that differ between H and W; asymmetric
 * padding with a non-zero value; slices along the channel and the width axis; hard sigmoid and hard
 * swish; constant arithmetic of all four operations, per channel and scalar, with the constant
 * second and first. All parameters, BatchNorm statistics and constants included, are drawn at
 * random with a seed (divisors and the shift in front of the constant-first division positive, away
 * from zero).
 */
final class EveryLayerNetwork {
  /**
   * Constants drawn positive: the divisor of {@code scale}, and the shift that keeps {@code gate}'s
   * away from 0.
   */
  private static final Set<String> POSITIVE = Set.of("scale.constant", "gate_shift.constant");

  private EveryLayerNetwork() {}

  static Network build(long seed) {
    NetworkBuilder b = Network.builder(new Shape(3, 12, 12));
    String x =
        b.add(
            "centre",
            new ConstantArithmetic(Operation.SUB, false, new long[] {3, 1, 1}),
            Network.INPUT);
    x = b.add("scale", new ConstantArithmetic(Operation.DIV, false, new long[] {3, 1, 1}), x);
    x = b.add("stem", Conv2d.of(3, 8, 3, 1, 1, true), x);
    x = b.add("stem_bn", BatchNorm.of(8), x);
    x = b.add("stem_act", new LeakyRelu(0.1), x);
    x = b.add("depthwise", new Conv2d(8, 8, 3, 3, 1, 1, 2, 2, 2, 2, 8, false), x);
    x = b.add("grouped", new Conv2d(8, 16, 3, 1, 2, 1, 1, 0, 1, 1, 4, true), x); // (16, 6, 12)
    x = b.add("clip", new Clip(-0.5, 1.5), x);
    String max = b.add("maxpool", new MaxPool(3, 3, 2, 2, 1, 1, true), x); // (16, 4, 7), overhang 1
    // kernel 3x2, stride 2x3, pad 1x0, output padding 1x2, dilation 1x2, 2 groups: (8, 8, 23)
    String up = b.add("up", new ConvTranspose2d(16, 8, 3, 2, 2, 3, 1, 0, 1, 2, 1, 2, 2, true), max);
    up = b.add("up_pad", new Pad(1, 0, 2, 1, -0.5), up); // (8, 9, 26)
    up = b.add("up_channels", Slice.channels(2, 7), up); // (5, 9, 26)
    up = b.add("up_columns", new Slice(3, 1, 25), up); // (5, 9, 24)
    up = b.add("up_hswish", new HardSwish(), up);
    up = b.add("up_flip", new ConstantArithmetic(Operation.SUB, true, new long[] {1}), up);
    up = b.add("up_hsigmoid", new HardSigmoid(0.3, 0.4), up);
    up = b.add("up_flat", new Flatten(), up);
    String upHead = b.add("up_fc", new Linear(1080, 10, true), up);
    String avgEx = b.add("avgpool_exclude", new AvgPool(3, 3, 2, 2, 1, 1, true, false), x);
    String avgIn = b.add("avgpool_include", new AvgPool(3, 3, 2, 2, 1, 1, true, true), x);
    x = b.add("cat", new Concat(), max, avgEx, avgIn); // (48, 4, 7)
    x = b.add("cat_bn", BatchNorm.of(48), x);
    x = b.add("cat_scale", new ConstantArithmetic(Operation.MUL, false, new long[] {48, 1, 1}), x);
    x = b.add("silu", new Silu(), x);
    String grid =
        b.add("adaptive_3x3", new AdaptiveAvgPool(3, 3), x); // 4x7 -> 3x3: overlapping bins
    String side =
        b.add("adaptive_2x7", new AdaptiveAvgPool(2, 7), x); // 4x7 -> 2x7: AveragePool (2, 1)
    String unpadded =
        b.add("avgpool_ceil", new AvgPool(2, 2, 2, 2, 0, 0, true, true), side); // (48, 1, 4)
    String gate = b.add("gate_pool", AdaptiveAvgPool.global(), unpadded);
    gate = b.add("gate_flat", new Flatten(), gate);
    gate = b.add("gate_fc", new Linear(48, 3, true), gate);
    gate = b.add("gate_sigmoid", new Sigmoid(), gate);
    gate = b.add("gate_shift", new ConstantArithmetic(Operation.ADD, true, new long[] {1}), gate);
    // (3), broadcast along the last axis of (48, 3, 3)
    gate = b.add("gate", new ConstantArithmetic(Operation.DIV, true, new long[] {3}), gate);
    x = b.add("gated", new Mul(), grid, gate);
    String t = b.add("tanh", new Tanh(), x);
    String sp = b.add("softplus", new Softplus(), x);
    x = b.add("sum3", new Add(), x, t, sp);
    x = b.add("to_rows", new Reshape(new long[] {48, 9}), x);
    x = b.add("softmax_rows", new Softmax(2), x);
    x = b.add("flatten", new Flatten(), x);
    x = b.add("dropout", new Dropout(0.3), x);
    x = b.add("identity", new Identity(), x);
    x = b.add("fc1", new Linear(432, 20, false), x);
    x = b.add("fc1_bn", BatchNorm.of(20), x);
    x = b.add("fc1_act", new Relu(), x);
    String head = b.add("fc2", new Linear(20, 10, true), x);
    String sideHead = b.add("side_flat", new Flatten(), unpadded);
    sideHead = b.add("side_fc", new Linear(192, 10, true), sideHead);
    b.add("logits", new Add(), head, sideHead, upHead);
    Random random = new Random(seed);
    return b.build(
        Device.cpu(),
        (name, spec) -> {
          long[] dims = spec.shape().getShape();
          float[] v = new float[Math.toIntExact(spec.shape().size())];
          double fanIn = dims.length > 1 ? spec.shape().size() / dims[0] : 1;
          boolean positive =
              name.endsWith("running_var")
                  || (name.contains("bn") && name.endsWith("weight"))
                  || POSITIVE.contains(name);
          for (int i = 0; i < v.length; i++) {
            v[i] =
                positive
                    ? (float) (0.5 + random.nextDouble())
                    : (float)
                        (random.nextGaussian() * (dims.length > 1 ? 1.5 / Math.sqrt(fanIn) : 0.3));
          }
          return v;
        });
  }
}
