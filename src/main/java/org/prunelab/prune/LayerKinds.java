package org.prunelab.prune;

import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.Linear;

/** How a layer treats channels, as tracing, surgery and the size model must agree on it. */
final class LayerKinds {
  private LayerKinds() {}

  /**
   * Convolutions without groups and linear layers: every output reads every input channel (weight
   * axis 1).
   */
  static boolean mixesChannels(Layer layer) {
    return (layer instanceof Conv2d c && c.groups() == 1) || layer instanceof Linear;
  }

  /**
   * A depthwise convolution with one filter per channel (groups = in = out): output channel j reads
   * input j.
   */
  static boolean isDepthwise(Layer layer) {
    return layer instanceof Conv2d c
        && c.groups() > 1
        && c.groups() == c.inChannels()
        && c.outChannels() == c.inChannels();
  }
}
