package org.prunelab.experiment.metrics;

/**
 * The prune potential of one method on one test distribution at one tolerance, with the tested
 * point it comes from.
 *
 * @param method the pruning method
 * @param distribution the test distribution ("clean", "fog/3")
 * @param basis whether sizes are parameters or FLOPs
 * @param tolerance delta, the tolerated increase of top-1 error (a fraction: 0.005 is half a
 *     percentage point)
 * @param potential P = 1 - size of the chosen point, in [0, 1]; 0 when no tested point is within
 *     the tolerance
 * @param keepRatio requested keep ratio of the chosen point; NaN when none qualifies
 * @param top1 mean top-1 of the chosen point on the distribution; NaN when none qualifies
 * @param referenceTop1 top-1 of the unpruned network on the distribution
 */
public record Potential(
    String method,
    String distribution,
    SizeBasis basis,
    double tolerance,
    double potential,
    double keepRatio,
    double top1,
    double referenceTop1) {

  /** Whether some tested keep ratio stayed within the tolerance. */
  public boolean found() {
    return !Double.isNaN(keepRatio);
  }
}
