package org.prunelab.service;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prunelab.data.Batch;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.method.ChannelBudgetProblem;
import org.prunelab.prune.method.ErrorCurve;
import org.prunelab.prune.method.LayerBound;
import org.prunelab.prune.method.LayerErrorCurves;
import org.prunelab.prune.method.PruneMethod;
import org.prunelab.prune.method.PruneMethods;
import org.prunelab.prune.method.SensitivityAnalysis;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * A network scored by one pruning method, in plain values a view may hold (no native memory): the
 * scores, PFP's per-layer bound terms S_l and alpha_l S_l, the measured error curve eps_g(r) = ||z
 * - z_hat|| / ||z|| of every prunable channel group on the sample set S, and the groups as an
 * allocation problem ({@link ChannelBudgetProblem}; it carries PFP's sensitivity terms for methods
 * whose default allocation is PFP's optimal one, so "optimal" works for pfp and sipp). Computed by
 * {@link #compute} inside a job, usually through the {@link ScoreCache}.
 *
 * @param method the method
 * @param samples images of S the method read (0 for data-free methods; the curves always use S)
 * @param scores the method's scores per layer
 * @param bounds S_l and alpha_l per layer with input-channel sensitivities (empty for other
 *     methods)
 * @param curves one error curve per prunable group, in group order
 * @param problem the prunable groups with their channel importance and exact size model
 */
public record ScoredModel(
    CompressionMethod method,
    int samples,
    SensitivityReport scores,
    List<LayerBound> bounds,
    List<ErrorCurve> curves,
    ChannelBudgetProblem problem) {
  /** Methods the workbench's sensitivity and allocation views offer, in menu order. */
  public static final List<CompressionMethod> VIEW_METHODS =
      List.of(
          CompressionMethod.PFP,
          CompressionMethod.SIPP,
          CompressionMethod.FT,
          CompressionMethod.SOFTNET,
          CompressionMethod.WT,
          CompressionMethod.SNIP,
          CompressionMethod.THINET,
          CompressionMethod.RANDOM_FILTERS);

  public ScoredModel {
    bounds = List.copyOf(bounds);
    curves = List.copyOf(curves);
  }

  /**
   * Scores {@code network} with {@code method} on S drawn from {@code pool} as {@code choice} says
   * and measures the error curves on S; {@code seed} seeds the method's random parts (random
   * scores, ThiNet's positions). A job body (touches the network).
   *
   * @throws PruneLabException when the method does not prune (low-rank methods have no scores)
   */
  public static ScoredModel compute(
      Network network,
      CompressionMethod method,
      ImageDataset pool,
      Normalization normalization,
      SampleChoice choice,
      long seed,
      JobContext ctx) {
    PruneMethod pruneMethod =
        PruneMethods.create(
            method
                .pruningKind()
                .orElseThrow(
                    () ->
                        new PruneLabException(
                            method.cliName()
                                + " factors layers and has no channel scores; choose a pruning "
                                + "method (pfp, sipp, ft, wt, ...)")),
            seed);
    try (NDManager scope = NDManager.newBaseManager(network.device());
        Batch samples = choice.draw(network, pool, normalization, scope)) {
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
          pruneMethod.needsSamples() ? samples.size() : 0,
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
