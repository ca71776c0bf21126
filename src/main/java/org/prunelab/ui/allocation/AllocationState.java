package org.prunelab.ui.allocation;

import java.util.Objects;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.BudgetKind;

/**
 * Everything the user sets in the allocation view: per-group keep ratios, the budget (what it
 * counts and the keep ratio asked for) and the automatic allocator. Saved in the project file and
 * in undo edits.
 *
 * @param ratios keep ratio per prunable group, in group order
 * @param kind what the budget counts
 * @param budget the budget's keep ratio, in (0, 1]
 * @param allocator the budgeted allocator that meets the budget
 */
public record AllocationState(
    double[] ratios, BudgetKind kind, double budget, AllocatorKind allocator) {
  public AllocationState {
    ratios = ratios.clone();
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(allocator, "allocator");
  }

  @Override
  public double[] ratios() {
    return ratios.clone();
  }
}
