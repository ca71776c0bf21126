package org.prunelab.prune.allocate;

/**
 * The exact size (parameters or FLOPs, whichever the budget counts) of the network that keeps
 * {@code kept[u]} elements of unit u, in the order of {@link AllocationProblem#units()}. Must be
 * non-decreasing in every entry.
 */
@FunctionalInterface
public interface SizeFunction {
  double sizeOf(int[] kept);
}
