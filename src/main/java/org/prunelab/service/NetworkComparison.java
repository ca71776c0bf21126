package org.prunelab.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prunelab.nn.LayerInfo;
import org.prunelab.nn.NetworkSummary;

/**
 * A compressed network beside its original, layer by layer, as plain values: for every layer of the
 * original (in its order, matched by node name) its output channels, parameters and FLOPs before
 * and after, and the layers only the compressed network has (the factors of a low-rank layer) after
 * them. Removed share of a quantity is {@code 1 - after / before}.
 *
 * @param before label of the original ("resnet20.plm")
 * @param after label of the compressed network ("pruned: pfp-optimal")
 * @param layers the rows, original order first
 * @param paramsBefore total parameters of the original
 * @param paramsAfter total parameters of the compressed network
 * @param macsBefore total multiply-accumulates of the original per image
 * @param macsAfter total multiply-accumulates of the compressed network per image
 */
public record NetworkComparison(
    String before,
    String after,
    List<Layer> layers,
    long paramsBefore,
    long paramsAfter,
    long macsBefore,
    long macsAfter) {
  public NetworkComparison {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    layers = List.copyOf(layers);
  }

  /**
   * One layer in both networks; a side the layer is missing from has {@code -1} channels and 0
   * parameters and FLOPs.
   *
   * @param name the node name
   * @param op the operation (of the original when it has the layer)
   * @param channelsBefore output channels (first per-sample dimension) in the original, -1 if
   *     absent
   * @param channelsAfter output channels in the compressed network, -1 if absent
   * @param paramsBefore parameters in the original
   * @param paramsAfter parameters in the compressed network
   * @param macsBefore multiply-accumulates per image in the original
   * @param macsAfter multiply-accumulates per image in the compressed network
   */
  public record Layer(
      String name,
      String op,
      long channelsBefore,
      long channelsAfter,
      long paramsBefore,
      long paramsAfter,
      long macsBefore,
      long macsAfter) {
    /** Share of the original's parameters removed, 0 for a layer without parameters. */
    public double removedParams() {
      return removed(paramsBefore, paramsAfter);
    }

    /** Share of the original's FLOPs removed, 0 for a layer without FLOPs. */
    public double removedMacs() {
      return removed(macsBefore, macsAfter);
    }
  }

  /**
   * Compares {@code original} with {@code compressed}, labelled {@code before} and {@code after}.
   */
  public static NetworkComparison of(
      String before, NetworkSummary original, String after, NetworkSummary compressed) {
    Map<String, LayerInfo> rest = new LinkedHashMap<>();
    compressed.layers().forEach(l -> rest.put(l.name(), l));
    List<Layer> rows = new ArrayList<>();
    for (LayerInfo b : original.layers()) {
      LayerInfo a = rest.remove(b.name());
      rows.add(
          new Layer(
              b.name(),
              b.op(),
              channels(b),
              a == null ? -1 : channels(a),
              b.params(),
              a == null ? 0 : a.params(),
              b.macs(),
              a == null ? 0 : a.macs()));
    }
    rest.values()
        .forEach(
            a ->
                rows.add(new Layer(a.name(), a.op(), -1, channels(a), 0, a.params(), 0, a.macs())));
    return new NetworkComparison(
        before,
        after,
        rows,
        original.parameters(),
        compressed.parameters(),
        original.macs(),
        compressed.macs());
  }

  /** Share of the original's parameters the compressed network removed. */
  public double removedParams() {
    return removed(paramsBefore, paramsAfter);
  }

  /** Share of the original's FLOPs the compressed network removed. */
  public double removedMacs() {
    return removed(macsBefore, macsAfter);
  }

  private static long channels(LayerInfo layer) {
    return layer.outputShape().length == 0 ? -1 : layer.outputShape()[0];
  }

  private static double removed(long before, long after) {
    return before <= 0 ? 0 : 1 - (double) after / before;
  }
}
