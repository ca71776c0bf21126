package org.prunelab.prune.method;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.prunelab.nn.Network;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.Surgery;
import org.prunelab.prune.allocate.Allocation;
import org.prunelab.prune.allocate.AllocationProblem;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.sensitivity.ScoreFunction;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * Channel pruning: scores per layer become importance per channel group, an allocator sizes every
 * prunable group against the exact size model ({@link ChannelBudgetProblem}), a {@link KeepRule}
 * picks the channels, and {@link Surgery} builds the smaller dense network. PFP, filter
 * thresholding, ThiNet and random filters are this class with different scores, sides and defaults.
 */
final class StructuredMethod extends ScoredMethod {
  private final ScoreSide side;
  private final boolean pfpTerms;
  private final KeepRule rule;

  StructuredMethod(
      String name,
      String description,
      ScoreFunction scores,
      boolean needsSamples,
      ScoreSide side,
      boolean pfpTerms,
      KeepRule rule,
      AllocatorKind defaultAllocator) {
    super(name, description, scores, needsSamples, defaultAllocator);
    this.side = side;
    this.pfpTerms = pfpTerms;
    this.rule = rule;
  }

  @Override
  public boolean structured() {
    return true;
  }

  @Override
  public ScoreSide side() {
    return side;
  }

  @Override
  public PruneOutcome prune(Network network, SensitivityReport report, PruneRequest request) {
    long start = System.nanoTime();

    ChannelBudgetProblem channels = ChannelBudgetProblem.of(network, report, side, pfpTerms);
    List<AllocationUnit> units = channels.units();
    AllocationProblem problem = channels.problem(request.budget().kind());
    Allocator allocator = request.allocator().orElseGet(() -> defaultAllocator().create());
    Allocation allocation = allocator.allocate(problem, request.budget());

    SplittableRandom random = new SplittableRandom(request.seed());
    Map<String, ChannelSelection> selections = new LinkedHashMap<>();
    int[] kept = allocation.kept();
    for (int u = 0; u < units.size(); u++) {
      selections.put(
          units.get(u).id(),
          ChannelSelection.choose(units.get(u).importance(), kept[u], rule, random));
    }
    Network pruned = build(network, channels.prunable(), selections);
    NetworkSize original = new NetworkSize(network.parameterCount(), network.macs());
    NetworkSize realised = new NetworkSize(pruned.parameterCount(), pruned.macs());
    return new PruneOutcome(
        name(),
        pruned,
        allocation,
        Reweighting.keptIndices(selections),
        Optional.empty(),
        original,
        realised,
        report,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private Network build(
      Network network, List<ChannelGroup> prunable, Map<String, ChannelSelection> selections) {
    Map<String, int[]> kept = Reweighting.keptIndices(selections);
    if (rule == KeepRule.TOP) {
      return Surgery.keep(network, kept);
    }
    try (Network scaled = Surgery.keep(network, Map.of())) {
      for (ChannelGroup group : prunable) {
        Reweighting.apply(scaled, group, selections.get(group.id()));
      }
      return Surgery.keep(scaled, kept);
    }
  }
}
