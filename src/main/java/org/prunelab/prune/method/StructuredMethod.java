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
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.sensitivity.ScoreFunction;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * Channel pruning: scores per layer become importance per channel group, an allocator sizes every
 * prunable group against the exact size model ({@link ChannelBudgetProblem}), a {@link KeepRule}
 * picks the channels, and {@link Surgery} builds the smaller dense network. PFP, filter
 * thresholding, ThiNet and random filters are this class with different scores, sides and defaults.
 */
final class StructuredMethod extends ScoredMethod {
  /** How close below its target a sampled rule's realised size must come (0.5 %). */
  private static final double SIZE_TOLERANCE = 0.005;

  /** Bisection steps on the requested keep ratio for a sampled rule. */
  private static final int SEARCH_STEPS = 40;

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
    Map<String, ChannelSelection> selections = select(units, allocation.kept(), request.seed());
    if (rule != KeepRule.TOP) {
      selections =
          meetBudget(problem, allocator, request.budget(), units, selections, request.seed());
      int[] sampled = counts(units, selections);
      allocation =
          new Allocation(
              allocation.allocator(),
              allocation.ids(),
              sampled,
              allocation.elements(),
              problem.sizeOf(sampled),
              allocation.fullSize(),
              allocation.kind(),
              allocation.level());
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

  private Map<String, ChannelSelection> select(List<AllocationUnit> units, int[] kept, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, ChannelSelection> selections = new LinkedHashMap<>();
    for (int u = 0; u < units.size(); u++) {
      selections.put(
          units.get(u).id(),
          ChannelSelection.choose(units.get(u).importance(), kept[u], rule, random));
    }
    return selections;
  }

  /**
   * A sampled keep rule keeps a random number of channels around each allocated c' (PFP's fixed
   * sample size m'), so the realised size misses the budget. As the PFP paper and torchprune do,
   * the requested keep ratio is searched (bisection, the same seed at every step) for the largest
   * realised size at most the target, stopping once it is within {@value #SIZE_TOLERANCE} of it.
   */
  private Map<String, ChannelSelection> meetBudget(
      AllocationProblem problem,
      Allocator allocator,
      Budget budget,
      List<AllocationUnit> units,
      Map<String, ChannelSelection> first,
      long seed) {
    double target = problem.targetSize(budget);
    Map<String, ChannelSelection> best = null;
    double bestSize = Double.NEGATIVE_INFINITY;
    double size = problem.sizeOf(counts(units, first));
    if (size <= target) {
      best = first;
      bestSize = size;
    }
    double lo = problem.minimalSize() / problem.fullSize();
    double hi = 1;
    for (int i = 0; i < SEARCH_STEPS && bestSize < target * (1 - SIZE_TOLERANCE); i++) {
      double mid = 0.5 * (lo + hi);
      Map<String, ChannelSelection> tried =
          select(units, allocator.allocate(problem, new Budget(budget.kind(), mid)).kept(), seed);
      size = problem.sizeOf(counts(units, tried));
      if (size <= target) {
        lo = mid;
        if (size > bestSize) {
          best = tried;
          bestSize = size;
        }
      } else {
        hi = mid;
      }
    }
    return best != null ? best : first;
  }

  private static int[] counts(List<AllocationUnit> units, Map<String, ChannelSelection> selected) {
    int[] counts = new int[units.size()];
    for (int u = 0; u < counts.length; u++) {
      counts[u] = selected.get(units.get(u).id()).kept().length;
    }
    return counts;
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
