package org.prunelab.ui.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.allocate.Allocation;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.prune.method.ChannelBudgetProblem;
import org.prunelab.prune.method.ErrorCurve;
import org.prunelab.service.ScoredModel;

/**
 * The arithmetic behind the allocation view, in plain Java so it can run on every mouse move:
 * per-group keep ratios r_g become kept channels k_g = max(1, round(r_g n_g)); {@link #totals}
 * gives the exact size (the {@link org.prunelab.prune.SizeModel} through {@link
 * ChannelBudgetProblem}) and the predicted errors eps_g(r_g) interpolated on each group's measured
 * curve; {@link #allocate} runs a budgeted allocator. Holds no native memory.
 */
public final class AllocationCalculator {
  private final ChannelBudgetProblem problem;
  private final List<String> ids;
  private final int[] channels;
  private final ErrorCurve[] curves;
  private final NetworkSize full;

  /** The calculator of a scored model. */
  public AllocationCalculator(ScoredModel scored) {
    this.problem = scored.problem();
    List<AllocationUnit> units = problem.units();
    this.ids = units.stream().map(AllocationUnit::id).toList();
    this.channels = units.stream().mapToInt(AllocationUnit::elements).toArray();
    Map<String, ErrorCurve> byId = scored.curvesById();
    this.curves = ids.stream().map(byId::get).toArray(ErrorCurve[]::new);
    this.full = problem.sizeWith(Map.of());
  }

  /** Prunable group ids, in group order. */
  public List<String> ids() {
    return ids;
  }

  /** Channels of group {@code u}. */
  public int channels(int u) {
    return channels[u];
  }

  /** Number of prunable groups. */
  public int size() {
    return channels.length;
  }

  /** The unpruned network's size. */
  public NetworkSize full() {
    return full;
  }

  /** k = max(1, round(r n)) channels of group {@code u} at keep ratio {@code ratio}. */
  public int keptOf(int u, double ratio) {
    return (int) Math.max(1, Math.min(channels[u], Math.round(ratio * channels[u])));
  }

  /**
   * The ratio that keeps exactly {@code keptOf(u, ratio)} channels: ratios snap to whole channels.
   */
  public double snap(int u, double ratio) {
    return (double) keptOf(u, ratio) / channels[u];
  }

  /** Size and predicted errors of the network pruned to {@code ratios} (one per group). */
  public Totals totals(double[] ratios) {
    Map<String, Integer> counts = new HashMap<>(ratios.length * 2);
    int[] kept = new int[ratios.length];
    double[] errors = new double[ratios.length];
    double max = 0;
    int maxGroup = 0;
    for (int u = 0; u < ratios.length; u++) {
      kept[u] = keptOf(u, ratios[u]);
      counts.put(ids.get(u), kept[u]);
      errors[u] = curves[u] == null ? 0 : curves[u].errorAt((double) kept[u] / channels[u]);
      if (errors[u] > max) {
        max = errors[u];
        maxGroup = u;
      }
    }
    NetworkSize size = problem.sizeWith(counts);
    return new Totals(
        size.parameters(),
        size.macs(),
        (double) size.parameters() / full.parameters(),
        (double) size.macs() / full.macs(),
        kept,
        errors,
        max,
        maxGroup);
  }

  /**
   * The keep ratios a budgeted allocator gives for {@code budget}.
   *
   * @throws org.prunelab.prune.allocate.AllocationException when the budget is below the smallest
   *     network or the allocator cannot work with these scores
   */
  public double[] allocate(AllocatorKind allocator, Budget budget) {
    Allocation allocation = allocator.create().allocate(problem.problem(budget.kind()), budget);
    int[] kept = allocation.kept();
    double[] ratios = new double[kept.length];
    for (int u = 0; u < kept.length; u++) {
      ratios[u] = (double) kept[u] / channels[u];
    }
    return ratios;
  }

  /** The smallest keep ratio of {@code kind} any allocation reaches (one channel per group). */
  public double minimalRatio(BudgetKind kind) {
    double[] ones = new double[channels.length];
    Totals t = totals(ones);
    return kind == BudgetKind.PARAMETERS ? t.parameterRatio() : t.flopRatio();
  }

  /** Per group the indices of the channels it keeps: the k_g most important ones, ascending. */
  public Map<String, int[]> keptChannels(double[] ratios) {
    Map<String, int[]> kept = new LinkedHashMap<>();
    List<AllocationUnit> units = problem.units();
    for (int u = 0; u < ratios.length; u++) {
      float[] importance = units.get(u).importance();
      List<Integer> order = new ArrayList<>();
      for (int c = 0; c < importance.length; c++) {
        order.add(c);
      }
      order.sort(
          Comparator.comparingDouble((Integer c) -> -importance[c]).thenComparingInt(c -> c));
      int[] keep =
          order.subList(0, keptOf(u, ratios[u])).stream().mapToInt(Integer::intValue).toArray();
      Arrays.sort(keep);
      kept.put(ids.get(u), keep);
    }
    return kept;
  }
}
