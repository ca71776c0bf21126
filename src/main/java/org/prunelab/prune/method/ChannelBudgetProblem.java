package org.prunelab.prune.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.prune.ChannelGroups;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.SizeModel;
import org.prunelab.prune.allocate.AllocationProblem;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * A network's channel groups as an allocation problem: one unit per prunable group with its channel
 * importance (and PFP terms), sized by the exact {@link SizeModel}. Built once from scores;
 * allocators then run on it as often as a slider moves. Holds no native memory.
 */
public final class ChannelBudgetProblem {
  private final ChannelGroups groups;
  private final SizeModel sizes;
  private final List<ChannelGroup> prunable;
  private final List<AllocationUnit> units;

  private ChannelBudgetProblem(ChannelGroups groups, List<AllocationUnit> units) {
    this.groups = groups;
    this.sizes = SizeModel.of(groups);
    this.prunable = groups.prunable();
    this.units = List.copyOf(units);
  }

  /**
   * Traces {@code network}'s groups and turns {@code scores} read on {@code side} into unit
   * importance; with {@code pfpTerms} the consumers' sensitivities also become PFP's
   * sample-complexity terms.
   */
  public static ChannelBudgetProblem of(
      Network network, SensitivityReport scores, ScoreSide side, boolean pfpTerms) {
    ChannelGroups groups = ChannelGroups.trace(network);
    MethodSupport.requireSomethingPrunable(groups);
    List<AllocationUnit> units = new ArrayList<>();
    for (ChannelGroup group : groups.prunable()) {
      units.add(GroupScores.unit(network, group, scores, side, pfpTerms));
    }
    return new ChannelBudgetProblem(groups, units);
  }

  public ChannelGroups groups() {
    return groups;
  }

  /** The prunable groups, in unit order. */
  public List<ChannelGroup> prunable() {
    return prunable;
  }

  public List<AllocationUnit> units() {
    return units;
  }

  /** Exact size for kept channels per group id (absent groups whole). */
  public NetworkSize sizeWith(Map<String, Integer> kept) {
    return sizes.sizeWith(kept);
  }

  /** The allocation problem counting parameters or FLOPs. */
  public AllocationProblem problem(BudgetKind kind) {
    return new AllocationProblem(
        units,
        kind,
        kept -> {
          Map<String, Integer> counts = new HashMap<>(kept.length * 2);
          for (int u = 0; u < kept.length; u++) {
            counts.put(units.get(u).id(), kept[u]);
          }
          NetworkSize size = sizes.sizeWith(counts);
          return kind == BudgetKind.PARAMETERS ? size.parameters() : size.macs();
        });
  }
}
