package org.prunelab.lowrank;

import java.util.List;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;

/**
 * A low-rank allocation for a whole network: per factorable layer its group count K, rank j and
 * predicted error, and the predicted size of the compressed network (totals over all nodes) next to
 * the original's.
 */
public record LowRankPlan(
    LowRankMethod method,
    Budget budget,
    List<LayerPlan> layers,
    long params,
    long macs,
    long originalParams,
    long originalMacs) {

  public LowRankPlan {
    layers = List.copyOf(layers);
  }

  /** Predicted size over original size, measured as the budget measures it. */
  public double keptRatio() {
    return budget.kind() == BudgetKind.PARAMETERS
        ? (double) params / originalParams
        : (double) macs / originalMacs;
  }

  public double paramsRatio() {
    return (double) params / originalParams;
  }

  public double macsRatio() {
    return (double) macs / originalMacs;
  }

  /** The largest predicted layer error (0 when nothing is factored). */
  public double maxError() {
    return layers.stream().mapToDouble(LayerPlan::error).max().orElse(0);
  }

  /** How many layers the plan factors. */
  public long factoredCount() {
    return layers.stream().filter(LayerPlan::factored).count();
  }

  /**
   * The plan of the named node.
   *
   * @throws IllegalArgumentException when the plan does not cover it
   */
  public LayerPlan layer(String node) {
    return layers.stream()
        .filter(l -> l.node().equals(node))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the plan has no layer '" + node + "'"));
  }
}
