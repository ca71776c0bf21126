package org.prunelab.prune.allocate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Meets a budget with a monotone family: bisection on the knob for the largest allocation whose
 * exact size is at most the target, then a greedy top-up that adds single elements (most valuable
 * first) while they still fit. The result is within one element's cost of the target, which is what
 * "realised size within 0.5 % of the request" needs when the size function is exact (the surgery's
 * own count).
 */
final class BudgetSearch {
  private static final int MAX_ITERATIONS = 60;
  private static final double KNOB_RESOLUTION = 1e-7;

  private BudgetSearch() {}

  static Allocation solve(
      String allocator, AllocationProblem problem, Budget budget, MonotoneFamily family) {
    double target = problem.targetSize(budget);
    double lo = 0;
    double hi = 1;
    int[] best = family.keptAt(0);
    if (problem.sizeOf(family.keptAt(1)) <= target) {
      return problem.allocation(allocator, family.keptAt(1), family.levelAt(1));
    }
    for (int i = 0; i < MAX_ITERATIONS && hi - lo > KNOB_RESOLUTION; i++) {
      double mid = 0.5 * (lo + hi);
      int[] kept = family.keptAt(mid);
      if (problem.sizeOf(kept) <= target) {
        lo = mid;
        best = kept;
      } else {
        hi = mid;
      }
    }
    topUp(problem, family, best, target);
    return problem.allocation(allocator, best, family.levelAt(lo));
  }

  private static void topUp(
      AllocationProblem problem, MonotoneFamily family, int[] kept, double target) {
    int units = kept.length;
    boolean[] full = new boolean[units];
    while (true) {
      Integer[] order =
          IntStream.range(0, units)
              .filter(u -> !full[u] && kept[u] < problem.units().get(u).elements())
              .boxed()
              .toArray(Integer[]::new);
      Arrays.sort(
          order,
          Comparator.comparingDouble((Integer u) -> family.nextElementValue(u, kept[u]))
              .reversed());
      boolean added = false;
      for (int u : order) {
        kept[u]++;
        if (problem.sizeOf(kept) <= target) {
          added = true;
          break;
        }
        kept[u]--;
        full[u] = true;
      }
      if (!added) {
        return;
      }
    }
  }
}
