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
 * @param potential the mean over repetitions of P_r = 1 - the smallest realised size of repetition
 *     r within the tolerance, in [0, 1] (P_r = 0 when none of its points is within it)
 * @param std the sample standard deviation of P_r over the repetitions (0 for one)
 * @param repetitions how many repetitions the mean is over
 * @param keepRatio requested keep ratio of the point where the mean error curve qualifies with the
 *     smallest mean size; NaN when none qualifies
 * @param top1 mean top-1 of that point on the distribution; NaN when none qualifies
 * @param pointReduction 1 - the mean realised size of that point; 0 when none qualifies
 * @param referenceTop1 top-1 of the unpruned network on the distribution
 */
public record Potential(
    String method,
    String distribution,
    SizeBasis basis,
    double tolerance,
    double potential,
    double std,
    int repetitions,
    double keepRatio,
    double top1,
    double pointReduction,
    double referenceTop1) {

  /** Whether the mean error curve has a tested point within the tolerance. */
  public boolean found() {
    return !Double.isNaN(keepRatio);
  }
}
