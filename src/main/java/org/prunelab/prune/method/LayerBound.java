package org.prunelab.prune.method;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.PfpSampleComplexity;
import org.prunelab.prune.sensitivity.LayerScores;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * PFP's theory for one layer, from its sensitivities: the sum of sensitivities S_l = sum_j s_j (how
 * spread the layer's importance is), alpha_l = 2 C ln(8 (eta_p + 1) kappa_l / delta), and the
 * layer's term of the sample bound alpha_l S_l: m_l(eps) = ceil(3 (6 + 2 eps) alpha_l S_l / eps^2)
 * samples keep its relative error below eps (Liebenwein, Baykal et al., ICLR 2020). Layers with a
 * large term need many channels for a small error.
 */
public record LayerBound(String layer, double sensitivitySum, double alpha) {

  /** alpha_l S_l, the factor the layer's sample count scales with. */
  public double boundTerm() {
    return alpha * sensitivitySum;
  }

  /** m_l(eps) for this layer. */
  public double samplesFor(double eps) {
    return PfpSampleComplexity.samples(eps, alpha, sensitivitySum);
  }

  /** The bound of every layer of a report that has input-channel sensitivities. */
  public static List<LayerBound> of(Network network, SensitivityReport report) {
    List<LayerBound> bounds = new ArrayList<>();
    for (LayerScores layer : report.layers()) {
      if (layer.hasInputChannelScores()) {
        bounds.add(
            new LayerBound(
                layer.node(), layer.sensitivitySum(), GroupScores.alpha(network, layer.node())));
      }
    }
    return bounds;
  }
}
