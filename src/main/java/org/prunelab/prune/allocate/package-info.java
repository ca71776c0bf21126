/**
 * Budget allocation: how many elements (channels of a group, weights of a tensor) each prunable
 * unit keeps so that the network meets a {@link org.prunelab.prune.allocate.Budget}, a keep ratio
 * of the ORIGINAL network's parameters or FLOPs ({@link org.prunelab.prune.allocate.BudgetKind};
 * docs/adr/0006-budgets.md). An {@link org.prunelab.prune.allocate.AllocationProblem} holds the
 * {@link org.prunelab.prune.allocate.AllocationUnit}s and their exact {@link
 * org.prunelab.prune.allocate.SizeFunction}; an {@link org.prunelab.prune.allocate.Allocator} turns
 * it into an {@link org.prunelab.prune.allocate.Allocation}: {@link
 * org.prunelab.prune.allocate.UniformAllocator}, {@link
 * org.prunelab.prune.allocate.OptimalAllocator} (PFP's one shared error eps, min-max error, with
 * {@link org.prunelab.prune.allocate.PfpSampleComplexity}), {@link
 * org.prunelab.prune.allocate.GlobalThresholdAllocator} (normalised or raw scores) and {@link
 * org.prunelab.prune.allocate.ManualAllocator}; {@link org.prunelab.prune.allocate.Allocators}
 * parses the names. Every budgeted allocator is a monotone one-parameter family solved by the
 * package-private {@code BudgetSearch}: bisection, then a greedy top-up, landing within one element
 * of the budget.
 *
 * <p>Pure Java over arrays (an ArchUnit rule: no DJL, no {@code nn}, no {@code data}): the
 * allocation view calls an allocator on every slider move. May use {@code error} only.
 */
package org.prunelab.prune.allocate;
