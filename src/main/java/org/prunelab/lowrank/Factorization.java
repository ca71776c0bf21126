package org.prunelab.lowrank;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.Linear;

/**
 * Graph surgery that realises a {@link LowRankPlan}: every factored layer {@code L} becomes two
 * ordinary nodes, {@code L.encoder} and {@code L.decoder}, and every reader of {@code L} reads
 * {@code L.decoder} instead. For a convolution split into K groups of rank j the encoder is a
 * grouped convolution (groups = K, c -> K j channels, the original kernel, stride, padding and
 * dilation, no bias) and the decoder a 1x1 convolution K j -> f with the original bias; for a
 * linear layer they are Linear(c -> j, no bias) and Linear(j -> f, original bias). The result is a
 * new network with its own parameters (the input network is untouched), standard layers only, so it
 * trains, counts parameters and FLOPs, and exports like any other.
 */
public final class Factorization {
  /** Metadata key recording which low-rank plan made a network. */
  public static final String METADATA_KEY = "lowrank";

  private Factorization() {}

  /**
   * Builds the factored network.
   *
   * @param spectra the source of the factors, computed from {@code network} (weight SVDs, or output
   *     PCA for PCA)
   * @throws IllegalArgumentException when the plan names a layer the spectra do not know
   */
  public static Network apply(Network network, LowRankPlan plan, Spectra spectra) {
    Map<String, LayerPlan> factored = new HashMap<>();
    for (LayerPlan lp : plan.layers()) {
      if (lp.factored()) {
        if (spectra.indexOf(lp.node()) < 0) {
          throw new IllegalArgumentException(
              "the plan factors '"
                  + lp.node()
                  + "', which is not a factorable layer "
                  + "of the network the spectra were computed from");
        }
        factored.put(lp.node(), lp);
      }
    }
    NetworkBuilder builder = Network.builder(network.inputShape());
    network.metadata().forEach(builder::metadata);
    builder.metadata(METADATA_KEY, describe(plan));
    Map<String, String> renamed = new HashMap<>();
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Node node : network.nodes()) {
      String[] inputs =
          node.inputs().stream().map(in -> renamed.getOrDefault(in, in)).toArray(String[]::new);
      LayerPlan lp = factored.get(node.name());
      if (lp == null) {
        builder.add(node.name(), node.layer(), inputs);
        for (Map.Entry<String, NDArray> p : network.parametersOf(node.name()).entrySet()) {
          values.put(node.name() + "." + p.getKey(), p.getValue().toFloatArray());
        }
        continue;
      }
      FactorableLayer fl = spectra.layers().get(spectra.indexOf(node.name()));
      Factors f = spectra.factors(spectra.indexOf(node.name()), lp.groups(), lp.rank());
      String encoder = node.name() + ".encoder";
      String decoder = node.name() + ".decoder";
      List<Layer> pair = layers(node.layer(), fl, lp.groups(), lp.rank());
      builder.add(encoder, pair.get(0), inputs);
      builder.add(decoder, pair.get(1), encoder);
      values.put(encoder + ".weight", f.encoderWeight());
      values.put(decoder + ".weight", f.decoderWeight());
      if (f.decoderBias() != null) {
        values.put(decoder + ".bias", f.decoderBias());
      }
      renamed.put(node.name(), decoder);
    }
    return builder.build(network.device(), (name, spec) -> values.get(name));
  }

  /** The encoder and decoder layers replacing {@code original} with K groups of rank j. */
  static List<Layer> layers(Layer original, FactorableLayer fl, int groups, int rank) {
    if (original instanceof Conv2d c) {
      Conv2d encoder =
          new Conv2d(
              c.inChannels(),
              groups * rank,
              c.kernelH(),
              c.kernelW(),
              c.strideH(),
              c.strideW(),
              c.padH(),
              c.padW(),
              c.dilationH(),
              c.dilationW(),
              groups,
              false);
      Conv2d decoder =
          new Conv2d(groups * rank, c.outChannels(), 1, 1, 1, 1, 0, 0, 1, 1, 1, c.bias());
      return List.of(encoder, decoder);
    }
    Linear lin = (Linear) original;
    if (groups != 1) {
      throw new IllegalArgumentException(
          "linear layer " + fl.node() + " cannot be split into groups; K must be 1");
    }
    return List.of(
        new Linear(lin.inFeatures(), rank, false), new Linear(rank, lin.outFeatures(), lin.bias()));
  }

  private static String describe(LowRankPlan plan) {
    return String.format(
        java.util.Locale.ROOT,
        "%s, %s keep %.4f, %d of %d layers factored",
        plan.method().cliName(),
        plan.budget().kind().label(),
        plan.budget().keepRatio(),
        plan.factoredCount(),
        plan.layers().size());
  }
}
