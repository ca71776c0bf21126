package org.prunelab.prune;

import ai.djl.ndarray.types.Shape;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Softmax;

/**
 * Small hand-built graphs with the structures channel tracing must handle (inputs 3 x 8 x 8, 4
 * classes).
 */
final class Architectures {
  private Architectures() {}

  private static NetworkBuilder start() {
    return Network.builder(new Shape(3, 8, 8));
  }

  private static String head(NetworkBuilder b, String x, int channels) {
    x = b.add("pool", AdaptiveAvgPool.global(), x);
    x = b.add("flatten", new Flatten(), x);
    return b.add("fc", new Linear(channels, 4, true), x);
  }

  /**
   * Stem, a block with identity shortcut (6 channels), a block with a strided 1x1 conv shortcut (6
   * to 8).
   */
  static NetworkBuilder residual() {
    NetworkBuilder b = start();
    String x = b.add("stem", Conv2d.of(3, 6, 3, 1, 1, false), Network.INPUT);
    x = b.add("stem.bn", BatchNorm.of(6), x);
    x = b.add("stem.relu", new Relu(), x);
    String y = b.add("a.conv1", Conv2d.of(6, 5, 3, 1, 1, false), x);
    y = b.add("a.bn1", BatchNorm.of(5), y);
    y = b.add("a.relu1", new Relu(), y);
    y = b.add("a.conv2", Conv2d.of(5, 6, 3, 1, 1, false), y);
    y = b.add("a.bn2", BatchNorm.of(6), y);
    y = b.add("a.add", new Add(), y, x);
    x = b.add("a.relu2", new Relu(), y);
    y = b.add("b.conv1", Conv2d.of(6, 7, 3, 2, 1, false), x);
    y = b.add("b.bn1", BatchNorm.of(7), y);
    y = b.add("b.relu1", new Relu(), y);
    y = b.add("b.conv2", Conv2d.of(7, 8, 3, 1, 1, false), y);
    y = b.add("b.bn2", BatchNorm.of(8), y);
    String s = b.add("b.shortcut", Conv2d.of(6, 8, 1, 2, 0, false), x);
    s = b.add("b.shortcut.bn", BatchNorm.of(8), s);
    y = b.add("b.add", new Add(), y, s);
    x = b.add("b.relu2", new Relu(), y);
    head(b, x, 8);
    return b;
  }

  /**
   * SqueezeNet Fire module: squeeze 1x1 (3) to expand 1x1 (4) and expand 3x3 (5), Concat, BatchNorm
   * over both.
   */
  static NetworkBuilder fire() {
    NetworkBuilder b = start();
    String x = b.add("conv0", Conv2d.of(3, 8, 3, 1, 1, true), Network.INPUT);
    x = b.add("relu0", new Relu(), x);
    String s = b.add("squeeze", Conv2d.of(8, 3, 1, 1, 0, true), x);
    s = b.add("squeeze.relu", new Relu(), s);
    String e1 = b.add("expand1x1", Conv2d.of(3, 4, 1, 1, 0, true), s);
    e1 = b.add("expand1x1.relu", new Relu(), e1);
    String e3 = b.add("expand3x3", Conv2d.of(3, 5, 3, 1, 1, true), s);
    e3 = b.add("expand3x3.relu", new Relu(), e3);
    x = b.add("concat", new Concat(), e1, e3);
    x = b.add("concat.bn", BatchNorm.of(9), x);
    x = b.add("conv1", Conv2d.of(9, 6, 3, 1, 1, true), x);
    x = b.add("relu1", new Relu(), x);
    head(b, x, 6);
    return b;
  }

  /**
   * MobileNetV2 inverted residual: 1x1 expand (8 to 24), 3x3 depthwise, ReLU6, 1x1 linear
   * bottleneck, residual.
   */
  static NetworkBuilder invertedResidual() {
    NetworkBuilder b = start();
    String x = b.add("stem", Conv2d.of(3, 8, 3, 1, 1, false), Network.INPUT);
    x = b.add("stem.bn", BatchNorm.of(8), x);
    x = b.add("stem.relu6", Clip.relu6(), x);
    String y = b.add("expand", Conv2d.of(8, 24, 1, 1, 0, false), x);
    y = b.add("expand.bn", BatchNorm.of(24), y);
    y = b.add("expand.relu6", Clip.relu6(), y);
    y = b.add("depthwise", Conv2d.of(24, 24, 3, 1, 1, false).withGroups(24), y);
    y = b.add("depthwise.bn", BatchNorm.of(24), y);
    y = b.add("depthwise.relu6", Clip.relu6(), y);
    y = b.add("project", Conv2d.of(24, 8, 1, 1, 0, false), y);
    y = b.add("project.bn", BatchNorm.of(8), y);
    x = b.add("add", new Add(), x, y);
    x = b.add("last", Conv2d.of(8, 10, 1, 1, 0, false), x);
    x = b.add("last.relu6", Clip.relu6(), x);
    head(b, x, 10);
    return b;
  }

  /**
   * Squeeze-and-excitation: global pool, 1x1 conv 12 to 3, ReLU, 1x1 conv 3 to 12, Sigmoid, Mul
   * with the map.
   */
  static NetworkBuilder squeezeExcitation() {
    NetworkBuilder b = start();
    String x = b.add("conv", Conv2d.of(3, 12, 3, 1, 1, false), Network.INPUT);
    x = b.add("bn", BatchNorm.of(12), x);
    x = b.add("relu", new Relu(), x);
    String s = b.add("se.pool", AdaptiveAvgPool.global(), x);
    s = b.add("se.fc1", Conv2d.of(12, 3, 1, 1, 0, true), s);
    s = b.add("se.relu", new Relu(), s);
    s = b.add("se.fc2", Conv2d.of(3, 12, 1, 1, 0, true), s);
    s = b.add("se.gate", new Sigmoid(), s);
    x = b.add("se.scale", new Mul(), x, s);
    x = b.add("conv2", Conv2d.of(12, 6, 3, 1, 1, true), x);
    x = b.add("relu2", new Relu(), x);
    head(b, x, 6);
    return b;
  }

  /**
   * Squeeze-and-excitation as ONNX exports often write it: global pool, Reshape to a vector, Linear
   * 12 to 3, ReLU, Linear 3 to 12, Sigmoid, Reshape to (12, 1, 1), Mul with the map; the head
   * flattens by a Reshape too.
   */
  static NetworkBuilder squeezeExcitationWithReshape() {
    NetworkBuilder b = start();
    String x = b.add("conv", Conv2d.of(3, 12, 3, 1, 1, false), Network.INPUT);
    x = b.add("relu", new Relu(), x);
    String s = b.add("se.pool", AdaptiveAvgPool.global(), x);
    s = b.add("se.flat", new Reshape(new long[] {12}), s);
    s = b.add("se.fc1", new Linear(12, 3, true), s);
    s = b.add("se.relu", new Relu(), s);
    s = b.add("se.fc2", new Linear(3, 12, true), s);
    s = b.add("se.gate", new Sigmoid(), s);
    s = b.add("se.unflat", new Reshape(new long[] {12, 1, 1}), s);
    x = b.add("se.scale", new Mul(), x, s);
    x = b.add("conv2", Conv2d.of(12, 6, 3, 1, 1, true), x);
    x = b.add("maxpool", MaxPool.of(2), x);
    x = b.add("flat", new Reshape(new long[] {6 * 4 * 4}), x);
    b.add("fc", new Linear(96, 4, true), x);
    return b;
  }

  /**
   * Conv 3 to 4 (6x6), max-pool to 4 x 3 x 3, Flatten to 36 features, Linear 36 to 10, BatchNorm1d,
   * Linear.
   */
  static NetworkBuilder flattenIntoLinear() {
    NetworkBuilder b = start();
    String x = b.add("conv", Conv2d.of(3, 4, 3, 1, 0, true), Network.INPUT);
    x = b.add("relu", new Relu(), x);
    x = b.add("maxpool", MaxPool.of(2), x);
    x = b.add("flatten", new Flatten(), x);
    x = b.add("fc1", new Linear(36, 10, true), x);
    x = b.add("bn1d", BatchNorm.of(10), x);
    x = b.add("relu1", new Relu(), x);
    b.add("fc2", new Linear(10, 4, true), x);
    return b;
  }

  /**
   * Channels that meet a grouped convolution, a Reshape, a Softmax over channels, a gate broadcast
   * across channels, and a Concat added to a single convolution (a partial tie); only groups 'e'
   * and 'k' are prunable.
   */
  static NetworkBuilder unusual() {
    NetworkBuilder b = start();
    String a = b.add("a", Conv2d.of(3, 4, 3, 1, 1, false), Network.INPUT);
    String grouped = b.add("grouped", Conv2d.of(4, 6, 3, 1, 1, false).withGroups(2), a);
    String c = b.add("c", Conv2d.of(6, 4, 1, 1, 0, false), grouped);
    String r = b.add("reshape", new Reshape(new long[] {2, 16, 8}), c);
    String d = b.add("d", Conv2d.of(2, 5, 1, 1, 0, false), r);
    String s = b.add("softmax", new Softmax(1), d);
    String e = b.add("e", Conv2d.of(5, 6, 1, 1, 0, false), s);
    String mask = b.add("mask", Conv2d.of(6, 1, 1, 1, 0, false), e);
    mask = b.add("mask.gate", new Sigmoid(), mask);
    String gated = b.add("gated", new Mul(), e, mask);
    String f = b.add("f", Conv2d.of(6, 2, 1, 1, 0, false), gated);
    String h = b.add("h", Conv2d.of(6, 3, 1, 1, 0, false), gated);
    String cat = b.add("cat", new Concat(), f, h);
    String k = b.add("k", Conv2d.of(6, 5, 1, 1, 0, false), gated);
    String sum = b.add("sum", new Add(), cat, b.add("k.cut", Conv2d.of(5, 5, 1, 1, 0, false), k));
    sum = b.add("relu", new Relu(), sum);
    sum = b.add("flatten", new Flatten(), sum);
    b.add("fc", new Linear(5 * 16 * 8, 2, true), sum);
    return b;
  }
}
