package org.prunelab.lowrank;

/**
 * What a plan does to one factorable layer: factored into {@code groups} input-channel groups of
 * rank {@code rank} (of at most {@code maxRank}), or left as it is ({@code factored} false, groups
 * 1 and rank = maxRank for K = 1), with the predicted relative error and the layer's weights and
 * multiply-accumulates afterwards (bias excluded: it is kept unchanged on the decoder).
 */
public record LayerPlan(
    String node,
    boolean factored,
    int groups,
    int rank,
    int maxRank,
    double error,
    long params,
    long macs) {

  public LayerPlan {
    if (groups < 1 || rank < 1 || rank > maxRank) {
      throw new IllegalArgumentException(
          "layer "
              + node
              + ": groups "
              + groups
              + ", rank "
              + rank
              + " of max "
              + maxRank
              + " is not a valid choice");
    }
  }
}
