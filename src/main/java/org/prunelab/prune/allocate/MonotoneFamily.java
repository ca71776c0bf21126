package org.prunelab.prune.allocate;

/**
 * A one-parameter family of allocations: {@code keptAt(t)} for a knob t in [0, 1], non-decreasing
 * in t in every unit, keeping one element per unit at t = 0 and everything at t = 1. Budgeted
 * allocators are such families; {@link BudgetSearch} finds the knob.
 */
interface MonotoneFamily {
  int[] keptAt(double knob);

  /**
   * The allocator's own level at this knob (eps, threshold, ratio), reported with the allocation.
   */
  double levelAt(double knob);

  /**
   * How much the next element of a unit is worth when the search tops up the last gap (higher
   * first).
   */
  double nextElementValue(int unit, int kept);
}
