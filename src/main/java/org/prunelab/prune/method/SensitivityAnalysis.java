package org.prunelab.prune.method;

import java.util.List;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * What the sensitivity view and {@code prunelab sensitivity} show for one method: the scores of
 * every layer, PFP's per-layer bound terms (where the method gives input-channel sensitivities)
 * and, when samples are given, the measured error curve of every prunable channel group.
 */
public record SensitivityAnalysis(
    SensitivityReport scores, List<LayerBound> bounds, List<ErrorCurve> curves) {
  public SensitivityAnalysis {
    bounds = List.copyOf(bounds);
    curves = List.copyOf(curves);
  }

  /**
   * Scores {@code network} with {@code method} and measures the error curves on {@code samples}
   * (none without samples) at the keep ratios of {@code grid}.
   */
  public static SensitivityAnalysis run(
      Network network,
      PruneMethod method,
      Batch samples,
      long seed,
      double[] grid,
      JobContext ctx) {
    SensitivityReport scores =
        method.score(
            network,
            PruneRequest.of(org.prunelab.prune.allocate.Budget.parameters(1), samples, seed),
            ctx);
    List<ErrorCurve> curves =
        samples == null
            ? List.of()
            : LayerErrorCurves.measure(network, scores, method.side(), samples.images(), grid, ctx);
    return new SensitivityAnalysis(scores, LayerBound.of(network, scores), curves);
  }
}
