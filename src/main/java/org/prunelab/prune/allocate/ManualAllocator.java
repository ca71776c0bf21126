package org.prunelab.prune.allocate;

import java.util.Map;
import java.util.TreeSet;

/**
 * Per-unit keep ratios given by the user (dragged in the workbench or read from a file): kept_u =
 * max(1, round(r_u n_u)); units not named keep everything. The budget is not searched: the
 * allocation reports the size the ratios give.
 */
public final class ManualAllocator implements Allocator {
  private final Map<String, Double> ratios;

  public ManualAllocator(Map<String, Double> ratios) {
    ratios.forEach(
        (id, r) -> {
          if (r == null || !(r > 0 && r <= 1)) {
            throw new AllocationException(
                "keep ratio "
                    + r
                    + " for "
                    + id
                    + " is outside (0, 1]; a layer can keep at "
                    + "most all and at least one of its channels");
          }
        });
    this.ratios = Map.copyOf(ratios);
  }

  @Override
  public String name() {
    return "manual";
  }

  @Override
  public Allocation allocate(AllocationProblem problem, Budget ignored) {
    TreeSet<String> unknown = new TreeSet<>(ratios.keySet());
    problem.units().forEach(unit -> unknown.remove(unit.id()));
    if (!unknown.isEmpty()) {
      TreeSet<String> known = new TreeSet<>();
      problem.units().forEach(unit -> known.add(unit.id()));
      throw new AllocationException(
          "the allocation names "
              + unknown
              + ", which are not prunable units of this "
              + "network; prunable units are "
              + known);
    }
    int[] kept = problem.full();
    for (int u = 0; u < kept.length; u++) {
      Double r = ratios.get(problem.units().get(u).id());
      if (r != null) {
        kept[u] = UniformAllocator.keptOf(kept[u], r);
      }
    }
    return problem.allocation(name(), kept, Double.NaN);
  }
}
