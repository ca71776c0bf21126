package org.prunelab.prune.allocate;

/** Distributes a network-wide budget over prunable units: how many elements each unit keeps. */
public interface Allocator {
  /** Name used in reports and on the command line ("uniform", "optimal", "global", "manual"). */
  String name();

  /**
   * Kept counts whose exact size is at most the budget's target and as close to it as the unit
   * granularity allows (budgeted allocators), or the counts the user asked for (manual).
   *
   * @throws AllocationException when the budget is below the smallest network
   */
  Allocation allocate(AllocationProblem problem, Budget budget);
}
