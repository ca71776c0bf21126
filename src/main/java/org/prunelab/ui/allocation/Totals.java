package org.prunelab.ui.allocation;

/**
 * What an allocation gives, computed without building the network: the exact parameters and FLOPs
 * (from the size model), their fractions of the unpruned network, kept channels per group, and the
 * predicted relative error eps_g(r_g) of every group read from its measured error curve, with the
 * largest of them.
 *
 * @param parameters trainable parameters of the pruned network
 * @param macs multiply-accumulates per image of the pruned network
 * @param parameterRatio parameters / unpruned parameters
 * @param flopRatio macs / unpruned macs
 * @param kept kept channels per prunable group, in group order
 * @param errors predicted eps_g per group, in group order
 * @param maxError the largest predicted error
 * @param maxGroup index of the group with the largest predicted error
 */
public record Totals(
    long parameters,
    long macs,
    double parameterRatio,
    double flopRatio,
    int[] kept,
    double[] errors,
    double maxError,
    int maxGroup) {

  /** Compression ratio in parameters: unpruned / pruned. */
  public double compression() {
    return 1 / parameterRatio;
  }
}
