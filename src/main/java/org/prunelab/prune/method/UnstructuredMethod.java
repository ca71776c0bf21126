package org.prunelab.prune.method;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.nn.LayerInfo;
import org.prunelab.nn.Network;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.Surgery;
import org.prunelab.prune.WeightMasks;
import org.prunelab.prune.allocate.Allocation;
import org.prunelab.prune.allocate.AllocationProblem;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.prune.allocate.SensitivityTerm;
import org.prunelab.prune.sensitivity.LayerScores;
import org.prunelab.prune.sensitivity.ScoreFunction;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * Weight pruning: every Conv2d and Linear weight tensor is a unit whose elements are its weights;
 * an allocator sizes the units, each keeps its highest-scoring weights, and the rest are masked to
 * zero in a copy of the network ({@link WeightMasks}). Size counts non-zero weights plus every
 * other parameter; FLOPs scale each layer's MACs by its weight density. SiPP, weight thresholding,
 * SNIP and random weights are this class with different scores and defaults. With SiPP the
 * per-weight sensitivities also feed the optimal allocation (one term per layer).
 *
 * <p>Masks nest when a masked network is pruned again (iterative mode): a weight that is exactly
 * zero has been pruned before, so it scores 0, ranks below every live weight and counts for nothing
 * in the size; a unit keeps at most its live weights, whatever the scores (random scores included).
 */
final class UnstructuredMethod extends ScoredMethod {
  private final boolean sippTerms;

  UnstructuredMethod(
      String name,
      String description,
      ScoreFunction scores,
      boolean needsSamples,
      boolean sippTerms,
      AllocatorKind defaultAllocator) {
    super(name, description, scores, needsSamples, defaultAllocator);
    this.sippTerms = sippTerms;
  }

  @Override
  public boolean structured() {
    return false;
  }

  @Override
  public ScoreSide side() {
    return ScoreSide.CONSUMER_INPUTS;
  }

  @Override
  public PruneOutcome prune(Network network, SensitivityReport report, PruneRequest request) {
    long start = System.nanoTime();

    Map<String, Long> layerMacs = new LinkedHashMap<>();
    for (LayerInfo info : network.summary().layers()) {
      layerMacs.put(info.name(), info.macs());
    }
    List<AllocationUnit> units = new ArrayList<>();
    Map<String, float[]> ranking = new LinkedHashMap<>();
    int[] alive = new int[report.layers().size()];
    for (LayerScores layer : report.layers()) {
      String parameter = layer.node() + ".weight";
      float[] weights = network.parameters().get(parameter).toFloatArray();
      float[] s = layer.weightScores().clone();
      float[] rank = s.clone();
      int u = units.size();
      for (int i = 0; i < s.length; i++) {
        if (weights[i] == 0f) {
          s[i] = 0f;
          rank[i] = Float.NEGATIVE_INFINITY;
        } else {
          alive[u]++;
        }
      }
      ranking.put(parameter, rank);
      List<SensitivityTerm> terms =
          sippTerms
              ? List.of(
                  new SensitivityTerm(
                      layer.node(),
                      s,
                      GroupScores.sum(s),
                      GroupScores.alpha(network, layer.node())))
              : List.of();
      units.add(new AllocationUnit(parameter, s.length, s, terms));
    }
    long[] unitMacs = report.layers().stream().mapToLong(l -> layerMacs.get(l.node())).toArray();
    BudgetKind kind = request.budget().kind();
    long totalParameters = network.parameterCount();
    long totalMacs = network.macs();
    AllocationProblem problem =
        new AllocationProblem(
            units,
            kind,
            kept -> sizeOf(kind, capped(kept, alive), units, unitMacs, totalParameters, totalMacs));
    Allocator allocator = request.allocator().orElseGet(() -> defaultAllocator().create());
    Allocation proposed = allocator.allocate(problem, request.budget());
    int[] kept = capped(proposed.kept(), alive);
    Allocation allocation =
        new Allocation(
            proposed.allocator(),
            proposed.ids(),
            kept,
            proposed.elements(),
            proposed.size(),
            proposed.fullSize(),
            proposed.kind(),
            proposed.level());
    Map<String, Integer> keptWeights = new LinkedHashMap<>();
    for (int u = 0; u < units.size(); u++) {
      keptWeights.put(units.get(u).id(), kept[u]);
    }
    WeightMasks masks = WeightMasks.keepTopK(ranking, keptWeights);
    Network pruned = Surgery.keep(network, Map.of());
    masks.apply(pruned);
    NetworkSize realised =
        new NetworkSize(
            Math.round(
                sizeOf(BudgetKind.PARAMETERS, kept, units, unitMacs, totalParameters, totalMacs)),
            Math.round(
                sizeOf(BudgetKind.FLOPS, kept, units, unitMacs, totalParameters, totalMacs)));
    return new PruneOutcome(
        name(),
        pruned,
        allocation,
        Map.of(),
        Optional.of(masks),
        new NetworkSize(totalParameters, totalMacs),
        realised,
        report,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Kept counts no larger than the weights still alive: a weight that is zero in the network being
   * pruned was pruned by an earlier step (iterative pruning) and stays pruned.
   */
  private static int[] capped(int[] kept, int[] alive) {
    int[] capped = new int[kept.length];
    for (int u = 0; u < kept.length; u++) {
      capped[u] = Math.min(kept[u], alive[u]);
    }
    return capped;
  }

  private static double sizeOf(
      BudgetKind kind,
      int[] kept,
      List<AllocationUnit> units,
      long[] unitMacs,
      long totalParameters,
      long totalMacs) {
    double size = kind == BudgetKind.PARAMETERS ? totalParameters : totalMacs;
    for (int u = 0; u < kept.length; u++) {
      int elements = units.get(u).elements();
      size -=
          kind == BudgetKind.PARAMETERS
              ? elements - kept[u]
              : unitMacs[u] * (1.0 - (double) kept[u] / elements);
    }
    return size;
  }
}
