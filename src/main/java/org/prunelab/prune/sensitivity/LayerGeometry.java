package org.prunelab.prune.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Linear;

/**
 * A compressible layer (Conv2d or Linear node) seen as a grouped convolution: a Linear layer is a
 * 1x1 convolution with one group on a 1x1 input. Input channel j feeds only the outputs of its
 * group j / (in / groups).
 *
 * @param node the node's name
 * @param input the name of the node it reads ({@link Network#INPUT} for the network input)
 * @param conv the convolution, or null for a Linear layer
 */
record LayerGeometry(
    String node, String input, Conv2d conv, int inChannels, int outChannels, int groups) {

  /** Every Conv2d and Linear node of the network, in network order. */
  static List<LayerGeometry> of(Network network) {
    List<LayerGeometry> layers = new ArrayList<>();
    for (Node n : network.nodes()) {
      if (n.layer() instanceof Conv2d c) {
        layers.add(
            new LayerGeometry(
                n.name(), n.inputs().get(0), c, c.inChannels(), c.outChannels(), c.groups()));
      } else if (n.layer() instanceof Linear l) {
        layers.add(
            new LayerGeometry(
                n.name(), n.inputs().get(0), null, l.inFeatures(), l.outFeatures(), 1));
      }
    }
    return layers;
  }

  /** Kernel positions k per input channel: kH kW for a convolution, 1 for a Linear layer. */
  int kernelSize() {
    return conv == null ? 1 : conv.kernelH() * conv.kernelW();
  }

  int inPerGroup() {
    return inChannels / groups;
  }

  int outPerGroup() {
    return outChannels / groups;
  }

  /** Weights per output channel: (in / groups) kH kW. */
  int fanIn() {
    return inPerGroup() * kernelSize();
  }

  int weightCount() {
    return outChannels * fanIn();
  }
}
