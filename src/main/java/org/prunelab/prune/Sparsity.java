package org.prunelab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.prunelab.nn.Network;

/**
 * How many of a network's trainable parameters are nonzero: the size that unstructured pruning
 * leaves.
 */
public record Sparsity(long nonzero, long total) {

  /**
   * Counts the nonzero elements of every trainable parameter (BatchNorm statistics excluded) on its
   * device.
   */
  public static Sparsity of(Network network) {
    long nonzero = 0;
    long total = 0;
    for (NDArray p : network.trainableParameters().values()) {
      try (NDManager scope = p.getManager().newSubManager()) {
        // countNonzero leaves an intermediate in the network's manager; neq's result can be moved
        // to the scope
        NDArray flags = p.neq(0f);
        flags.attach(scope);
        nonzero += flags.sum().getLong();
      }
      total += p.size();
    }
    return new Sparsity(nonzero, total);
  }

  /** Fraction of parameters that are nonzero. */
  public double density() {
    return total == 0 ? 1 : (double) nonzero / total;
  }

  /** Fraction of parameters that are zero. */
  public double sparsity() {
    return 1 - density();
  }
}
