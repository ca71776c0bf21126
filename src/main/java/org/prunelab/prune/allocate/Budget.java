package org.prunelab.prune.allocate;

import java.util.Objects;

/**
 * A compression budget: keep this fraction of the ORIGINAL network's total parameters or FLOPs
 * (counted over every node, prunable or not; see docs/adr/0006-budgets.md).
 */
public record Budget(BudgetKind kind, double keepRatio) {
  public Budget {
    Objects.requireNonNull(kind, "kind");
    if (!(keepRatio > 0 && keepRatio <= 1)) {
      throw new AllocationException(
          "keep ratio "
              + keepRatio
              + " is outside (0, 1]: give the fraction of the "
              + "network's "
              + kind.label()
              + " to keep, e.g. 0.5 keeps half");
    }
  }

  /** A budget in parameters. */
  public static Budget parameters(double keepRatio) {
    return new Budget(BudgetKind.PARAMETERS, keepRatio);
  }

  /** A budget in FLOPs (multiply-accumulates). */
  public static Budget flops(double keepRatio) {
    return new Budget(BudgetKind.FLOPS, keepRatio);
  }
}
