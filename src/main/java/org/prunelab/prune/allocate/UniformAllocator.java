package org.prunelab.prune.allocate;

/**
 * The same keep fraction r in every unit: kept_u = max(1, round(r n_u)), with r chosen so that the
 * network meets the budget (units that are cheap or unprunable make r differ from the requested
 * keep ratio).
 */
public final class UniformAllocator implements Allocator {
  @Override
  public String name() {
    return "uniform";
  }

  @Override
  public Allocation allocate(AllocationProblem problem, Budget budget) {
    int units = problem.units().size();
    int[] sizes = problem.full();
    return BudgetSearch.solve(
        name(),
        problem,
        budget,
        new MonotoneFamily() {
          @Override
          public int[] keptAt(double r) {
            int[] kept = new int[units];
            for (int u = 0; u < units; u++) {
              kept[u] = keptOf(sizes[u], r);
            }
            return kept;
          }

          @Override
          public double levelAt(double r) {
            return r;
          }

          @Override
          public double nextElementValue(int unit, int kept) {
            return 1.0 - (double) kept / sizes[unit];
          }
        });
  }

  static int keptOf(int elements, double ratio) {
    return (int) Math.max(1, Math.min(elements, Math.round(ratio * elements)));
  }
}
