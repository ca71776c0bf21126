package org.prunelab.zoo;

import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Relu;

/**
 * VGG with BatchNorm (Simonyan and Zisserman 2015), CIFAR-style: 3x3 convolutions (padding 1) each
 * followed by BatchNorm and ReLU, 2x2 max-pooling between stages; the fifth pooling is a global
 * average pooling so that the same network fits 28x28 and 32x32 inputs; then Linear(512, 512),
 * BatchNorm1d, ReLU, Linear(512, classes). Node names follow PyTorch's {@code nn.Sequential}
 * numbering ({@code features.0}, {@code classifier.3}).
 */
final class Vgg {
  private static final int POOL = -1;
  static final int[] VGG11 = {64, POOL, 128, POOL, 256, 256, POOL, 512, 512, POOL, 512, 512, POOL};
  static final int[] VGG16 = {
    64, 64, POOL, 128, 128, POOL, 256, 256, 256, POOL, 512, 512, 512, POOL, 512, 512, 512, POOL
  };

  private Vgg() {}

  static NetworkBuilder vgg(int[] config, ZooOptions o) {
    NetworkBuilder b = Network.builder(o.inputShape());
    String x = Network.INPUT;
    int channels = o.channels();
    int index = 0;
    int pools = 0;
    int lastPool = (int) java.util.Arrays.stream(config).filter(v -> v == POOL).count();
    for (int v : config) {
      if (v == POOL) {
        pools++;
        if (pools == lastPool) {
          x = b.add("features." + index++, AdaptiveAvgPool.global(), x);
        } else {
          x = b.add("features." + index++, MaxPool.of(2), x);
        }
        continue;
      }
      int out = o.scaled(v);
      x = b.add("features." + index++, Conv2d.of(channels, out, 3, 1, 1, false), x);
      x = b.add("features." + index++, BatchNorm.of(out), x);
      x = b.add("features." + index++, new Relu(), x);
      channels = out;
    }
    x = b.add("flatten", new Flatten(), x);
    int hidden = o.scaled(512);
    x = b.add("classifier.0", new Linear(channels, hidden, true), x);
    x = b.add("classifier.1", BatchNorm.of(hidden), x);
    x = b.add("classifier.2", new Relu(), x);
    b.add("classifier.3", new Linear(hidden, o.classes(), true), x);
    return b;
  }
}
