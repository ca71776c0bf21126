package org.prunelab.prune.allocate;

/**
 * PFP's sampling bounds (Liebenwein, Baykal et al., ICLR 2020, Theorem 1 and Algorithm 2): with C =
 * 3 and failure probability delta = 1e-16,
 *
 * <pre>
 *   alpha_l   = 2 C ln(8 (eta_p + 1) kappa_l / delta)            (eta_p output positions, kappa_l kernel size)
 *   m_l(eps)  = ceil( 3 (6 + 2 eps) alpha_l S_l / eps^2 )         (samples for relative error eps)
 *   c'_l(eps) = sum_j 1 - (1 - p_j)^{m_l},  p_j = s_j / S_l        (expected distinct channels kept)
 * </pre>
 *
 * The expected-distinct count is evaluated by {@link OptimalAllocator} with log(1 - p_j)
 * precomputed.
 */
public final class PfpSampleComplexity {
  /** The constant C of the bounds. */
  public static final double C = 3;

  /** Failure probability delta of the bounds. */
  public static final double DELTA = 1e-16;

  private PfpSampleComplexity() {}

  /**
   * alpha_l for a layer with this many output positions (1 for a fully connected layer) and kernel
   * size.
   */
  public static double alpha(long outputPositions, long kernelSize) {
    if (outputPositions < 1 || kernelSize < 1) {
      throw new IllegalArgumentException(
          "output positions "
              + outputPositions
              + " and kernel size "
              + kernelSize
              + " must be positive");
    }
    return 2 * C * Math.log(8.0 * (outputPositions + 1) * kernelSize / DELTA);
  }

  /**
   * m_l(eps) as a real number (it overflows a long for tiny eps); depends on alpha_l and S_l only
   * via their product.
   */
  public static double samples(double eps, double alpha, double totalSensitivity) {
    return Math.ceil(3 * (6 + 2 * eps) * alpha * totalSensitivity / (eps * eps));
  }
}
