package org.prunelab.prune.allocate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an allocator needs: the prunable units, what the budget counts, and the exact size of
 * the network as a function of the elements kept per unit. Knows the full size (nothing pruned) and
 * the minimal size (one element per unit), so an impossible budget is refused before any search.
 */
public final class AllocationProblem {
  private final List<AllocationUnit> units;
  private final BudgetKind kind;
  private final SizeFunction size;
  private final double fullSize;
  private final double minimalSize;

  public AllocationProblem(List<AllocationUnit> units, BudgetKind kind, SizeFunction size) {
    this.units = List.copyOf(units);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.size = Objects.requireNonNull(size, "size");
    if (this.units.isEmpty()) {
      throw new AllocationException("the network has no prunable unit: nothing to allocate");
    }
    Set<String> ids = new HashSet<>();
    for (AllocationUnit unit : this.units) {
      if (!ids.add(unit.id())) {
        throw new AllocationException("unit id " + unit.id() + " appears twice");
      }
    }
    this.fullSize = size.sizeOf(full());
    int[] ones = new int[this.units.size()];
    Arrays.fill(ones, 1);
    this.minimalSize = size.sizeOf(ones);
  }

  public List<AllocationUnit> units() {
    return units;
  }

  public BudgetKind kind() {
    return kind;
  }

  public double fullSize() {
    return fullSize;
  }

  public double minimalSize() {
    return minimalSize;
  }

  /** Exact size with these kept counts. */
  public double sizeOf(int[] kept) {
    return size.sizeOf(kept);
  }

  /** Kept counts that keep everything. */
  public int[] full() {
    return units.stream().mapToInt(AllocationUnit::elements).toArray();
  }

  /** Index of a unit by id, or -1. */
  public int indexOf(String id) {
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The size this budget allows, after checking that the budget counts what this problem counts and
   * that a network that small can be built at all.
   */
  public double targetSize(Budget budget) {
    if (budget.kind() != kind) {
      throw new IllegalArgumentException(
          "budget counts " + budget.kind().label() + " but the problem counts " + kind.label());
    }
    double smallest = minimalSize / fullSize;
    if (budget.keepRatio() < smallest) {
      throw new AllocationException(
          String.format(
              "keep ratio %.4f of %s is below the smallest network pruning can build (%.4f: one element kept per "
                  + "prunable unit, unprunable layers whole); ask for at least %.4f",
              budget.keepRatio(), kind.label(), smallest, Math.ceil(smallest * 1e4) / 1e4));
    }
    return budget.keepRatio() * fullSize;
  }

  /** Wraps kept counts into an allocation with their exact size. */
  public Allocation allocation(String allocator, int[] kept, double errorLevel) {
    return new Allocation(
        allocator,
        units.stream().map(AllocationUnit::id).toList(),
        kept,
        full(),
        sizeOf(kept),
        fullSize,
        kind,
        errorLevel);
  }
}
