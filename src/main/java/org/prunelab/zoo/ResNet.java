package org.prunelab.zoo;

import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Relu;

/**
 * CIFAR-style ResNet (He et al. 2016, section 4.2) of depth 6n + 2: a 3x3 convolution with 16
 * channels, three stages of n basic blocks with 16, 32 and 64 channels (stride 2 at the start of
 * stages 2 and 3), global average pooling and a linear classifier. A basic block is
 * conv3x3-BN-ReLU-conv3x3-BN plus a shortcut, then ReLU; where the shape changes the shortcut is a
 * 1x1 convolution with BatchNorm (option B). ResNet-20: n = 3; ResNet-56: n = 9.
 */
final class ResNet {
  private ResNet() {}

  static NetworkBuilder resnet(int depth, ZooOptions o) {
    if ((depth - 2) % 6 != 0) {
      throw new IllegalArgumentException("CIFAR ResNet depth must be 6n + 2, got " + depth);
    }
    int blocks = (depth - 2) / 6;
    NetworkBuilder b = Network.builder(o.inputShape());
    int channels = o.scaled(16);
    String x = b.add("conv1", Conv2d.of(o.channels(), channels, 3, 1, 1, false), Network.INPUT);
    x = b.add("bn1", BatchNorm.of(channels), x);
    x = b.add("relu", new Relu(), x);
    int[] widths = {16, 32, 64};
    for (int stage = 0; stage < 3; stage++) {
      int out = o.scaled(widths[stage]);
      for (int i = 0; i < blocks; i++) {
        int stride = (stage > 0 && i == 0) ? 2 : 1;
        x = basicBlock(b, "layer" + (stage + 1) + "." + i, x, channels, out, stride);
        channels = out;
      }
    }
    x = b.add("avgpool", AdaptiveAvgPool.global(), x);
    x = b.add("flatten", new Flatten(), x);
    b.add("fc", new Linear(channels, o.classes(), true), x);
    return b;
  }

  private static String basicBlock(
      NetworkBuilder b, String p, String x, int in, int out, int stride) {
    String y = b.add(p + ".conv1", Conv2d.of(in, out, 3, stride, 1, false), x);
    y = b.add(p + ".bn1", BatchNorm.of(out), y);
    y = b.add(p + ".relu1", new Relu(), y);
    y = b.add(p + ".conv2", Conv2d.of(out, out, 3, 1, 1, false), y);
    y = b.add(p + ".bn2", BatchNorm.of(out), y);
    String shortcut = x;
    if (stride != 1 || in != out) {
      shortcut = b.add(p + ".shortcut.0", Conv2d.of(in, out, 1, stride, 0, false), x);
      shortcut = b.add(p + ".shortcut.1", BatchNorm.of(out), shortcut);
    }
    String sum = b.add(p + ".add", new Add(), y, shortcut);
    return b.add(p + ".relu2", new Relu(), sum);
  }
}
