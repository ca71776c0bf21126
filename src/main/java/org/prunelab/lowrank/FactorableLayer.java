package org.prunelab.lowrank;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Linear;

/**
 * A layer low-rank compression can replace by an encoder and a decoder: a convolution with groups =
 * 1 (f output channels, c input channels, kernel k1 x k2) or a linear layer (k1 = k2 = 1). Split
 * into K input-channel groups of rank j it costs j (K f + c k1 k2) weights instead of f c k1 k2,
 * and {@code positions} (H_out W_out; 1 for a linear layer) times as many multiply-accumulates.
 * Grouped and depthwise convolutions are not factorable.
 */
public record FactorableLayer(
    String node,
    boolean linear,
    int outChannels,
    int inChannels,
    int kernelH,
    int kernelW,
    long positions,
    boolean bias) {

  /** The factorable layers of a network in node order. */
  public static List<FactorableLayer> of(Network network) {
    List<FactorableLayer> out = new ArrayList<>();
    for (Node n : network.nodes()) {
      if (n.layer() instanceof Conv2d conv && conv.groups() == 1) {
        Shape s = network.shapeOf(n.name());
        out.add(
            new FactorableLayer(
                n.name(),
                false,
                conv.outChannels(),
                conv.inChannels(),
                conv.kernelH(),
                conv.kernelW(),
                s.get(1) * s.get(2),
                conv.bias()));
      } else if (n.layer() instanceof Linear lin) {
        out.add(
            new FactorableLayer(
                n.name(), true, lin.outFeatures(), lin.inFeatures(), 1, 1, 1, lin.bias()));
      }
    }
    return out;
  }

  /** Columns of the folded weight matrix: c k1 k2. */
  public int columns() {
    return inChannels * kernelH * kernelW;
  }

  /** Weights of the original layer: f c k1 k2. */
  public long weights() {
    return (long) outChannels * columns();
  }

  /**
   * The group counts K this layer may be split into: the divisors of c for a convolution, only 1
   * for a linear layer.
   */
  public List<Integer> groupCounts() {
    if (linear) {
      return List.of(1);
    }
    List<Integer> ks = new ArrayList<>();
    for (int k = 1; k <= inChannels; k++) {
      if (inChannels % k == 0) {
        ks.add(k);
      }
    }
    return ks;
  }

  /** Largest rank per group with K groups: min(f, c k1 k2 / K). */
  public int maxRank(int groups) {
    return Math.min(outChannels, columns() / groups);
  }

  /** Weights of the factored layer (encoder and decoder, bias excluded): j (K f + c k1 k2). */
  public long factoredWeights(int groups, int rank) {
    return (long) rank * ((long) groups * outChannels + columns());
  }
}
