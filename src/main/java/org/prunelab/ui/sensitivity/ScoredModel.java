package org.prunelab.ui.sensitivity;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.method.ChannelBudgetProblem;
import org.prunelab.prune.method.ErrorCurve;
import org.prunelab.prune.method.LayerBound;
import org.prunelab.prune.method.LayerErrorCurves;
import org.prunelab.prune.method.PruneMethod;
import org.prunelab.prune.method.PruneMethodKind;
import org.prunelab.prune.method.PruneMethods;
import org.prunelab.prune.method.SensitivityAnalysis;
import org.prunelab.prune.sensitivity.SampleSets;
import org.prunelab.prune.sensitivity.SensitivityReport;
import org.prunelab.ui.LoadedModel;

/**
 * A loaded model scored by one method, in plain values the views may hold (no native memory): the
 * scores, PFP's per-layer bound terms, the measured error curve eps_g(r) = ||z - z_hat|| / ||z|| of
 * every prunable channel group on the sample set S, and the groups as an allocation problem ({@link
 * ChannelBudgetProblem}; it carries PFP's sensitivity terms for methods whose default allocation is
 * PFP's optimal one, so "optimal" works for pfp and sipp). Computed by {@link #compute} inside a
 * job.
 *
 * @param method the method's name
 * @param samples images of S used (0 for data-free methods)
 * @param scores the method's scores per layer
 * @param bounds S_l and alpha_l per layer with input-channel sensitivities (empty for other
 *     methods)
 * @param curves one error curve per prunable group, in group order
 * @param problem the prunable groups with their channel importance and exact size model
 */
public record ScoredModel(
    String method,
    int samples,
    SensitivityReport scores,
    List<LayerBound> bounds,
    List<ErrorCurve> curves,
    ChannelBudgetProblem problem) {
  /**
   * Methods offered in the views: the channel-ranking and weight-ranking scores of {@link
   * PruneMethods}.
   */
  public static final List<String> METHODS =
      List.of("pfp", "sipp", "ft", "ft-l1", "wt", "snip", "thinet", "random-filters");

  public ScoredModel {
    bounds = List.copyOf(bounds);
    curves = List.copyOf(curves);
  }

  /**
   * Scores {@code model}'s network with {@code method} on {@code sampleCount} images of the model's
   * sample pool (drawn with {@code seed}) and measures the error curves on them; a job body
   * (touches the network).
   */
  public static ScoredModel compute(
      LoadedModel model, String method, int sampleCount, long seed, JobContext ctx) {
    PruneMethod pruneMethod = PruneMethods.create(PruneMethodKind.parse(method), seed);
    Network network = model.network();
    try (NDManager scope = NDManager.newBaseManager(network.device());
        Batch samples =
            SampleSets.batch(
                SampleSets.choose(model.data().sampleSet(), sampleCount, seed),
                model.normalization(),
                scope)) {
      SensitivityAnalysis analysis =
          SensitivityAnalysis.run(
              network, pruneMethod, samples, seed, LayerErrorCurves.defaultGrid(), ctx);
      ChannelBudgetProblem problem =
          ChannelBudgetProblem.of(
              network,
              analysis.scores(),
              pruneMethod.side(),
              pruneMethod.defaultAllocator() == AllocatorKind.OPTIMAL);
      return new ScoredModel(
          method,
          pruneMethod.needsSamples() ? sampleCount : 0,
          analysis.scores(),
          analysis.bounds(),
          analysis.curves(),
          problem);
    }
  }

  /** The error curve of a group, if measured. */
  public Optional<ErrorCurve> curve(String group) {
    return Optional.ofNullable(curvesById().get(group));
  }

  /** Error curves by group id. */
  public Map<String, ErrorCurve> curvesById() {
    return curves.stream().collect(Collectors.toMap(ErrorCurve::group, Function.identity()));
  }
}
