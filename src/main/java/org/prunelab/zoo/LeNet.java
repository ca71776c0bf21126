package org.prunelab.zoo;

import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Relu;

/**
 * The LeNet family used throughout the pruning literature. LeNet-300-100 (LeCun et al. 1998): two
 * hidden fully connected layers of 300 and 100 ReLU units. LeNet-5 in its Caffe form (as in Han et
 * al. 2015): conv 5x5 with 20 filters, max-pool 2, conv 5x5 with 50 filters, max-pool 2, fully
 * connected 500, classifier; 431,080 parameters for 28x28 grey input.
 */
final class LeNet {
  private LeNet() {}

  static NetworkBuilder lenet300100(ZooOptions o) {
    NetworkBuilder b = Network.builder(o.inputShape());
    String x = b.add("flatten", new Flatten(), Network.INPUT);
    int in = Math.toIntExact(b.shapeOf(x).get(0));
    int h1 = o.scaled(300);
    int h2 = o.scaled(100);
    x = b.add("fc1", new Linear(in, h1, true), x);
    x = b.add("relu1", new Relu(), x);
    x = b.add("fc2", new Linear(h1, h2, true), x);
    x = b.add("relu2", new Relu(), x);
    b.add("fc3", new Linear(h2, o.classes(), true), x);
    return b;
  }

  static NetworkBuilder lenet5(ZooOptions o) {
    NetworkBuilder b = Network.builder(o.inputShape());
    int c1 = o.scaled(20);
    int c2 = o.scaled(50);
    int f1 = o.scaled(500);
    String x = b.add("conv1", Conv2d.of(o.channels(), c1, 5, 1, 0, true), Network.INPUT);
    x = b.add("relu1", new Relu(), x);
    x = b.add("pool1", MaxPool.of(2), x);
    x = b.add("conv2", Conv2d.of(c1, c2, 5, 1, 0, true), x);
    x = b.add("relu2", new Relu(), x);
    x = b.add("pool2", MaxPool.of(2), x);
    x = b.add("flatten", new Flatten(), x);
    int flat = Math.toIntExact(b.shapeOf(x).get(0));
    x = b.add("fc1", new Linear(flat, f1, true), x);
    x = b.add("relu3", new Relu(), x);
    b.add("fc2", new Linear(f1, o.classes(), true), x);
    return b;
  }
}
