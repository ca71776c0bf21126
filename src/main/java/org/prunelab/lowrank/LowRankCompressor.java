package org.prunelab.lowrank;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;

/**
 * One call from a trained network to its low-rank compressed copy: computes the spectra the method
 * needs (weight SVDs, or for PCA the output moments on the sample set), allocates groups and ranks
 * for the budget, and builds the factored network. The realised size is checked against the target:
 * when the layers' rank steps leave it more than {@value #TOLERANCE} (relative) below, the
 * allocation is repeated with the budget widened to target (1 + {@value #TOLERANCE}) and the closer
 * of the two networks is kept, so the result lies within that tolerance of the target or the call
 * fails naming the nearest size it reached.
 */
public final class LowRankCompressor {
  /** Allowed relative distance between the realised and the requested size. */
  public static final double TOLERANCE = 0.005;

  private LowRankCompressor() {}

  /** Compresses with a weight-only method (everything but PCA). */
  public static LowRankResult compress(
      Network network, LowRankMethod method, Budget budget, long seed, JobContext ctx) {
    return compress(network, method, budget, null, seed, ctx);
  }

  /**
   * Compresses the network; the input network is not changed.
   *
   * @param samples the sample set S (N, input shape...), normalised as the network expects;
   *     required for PCA, ignored otherwise (may be null)
   * @throws LowRankException when the budget is below the smallest achievable network, PCA gets no
   *     samples, or the target cannot be met within the tolerance
   */
  public static LowRankResult compress(
      Network network,
      LowRankMethod method,
      Budget budget,
      NDArray samples,
      long seed,
      JobContext ctx) {
    return compress(network, method, budget, spectra(network, method, samples, ctx), seed);
  }

  /**
   * Compresses the network with spectra computed before (see {@link #spectra}), e.g. kept by a
   * workbench that tries several budgets; the input network is not changed.
   *
   * @throws LowRankException when the budget is below the smallest achievable network or the target
   *     cannot be met within the tolerance
   */
  public static LowRankResult compress(
      Network network, LowRankMethod method, Budget budget, Spectra spectra, long seed) {
    double target = budget.keepRatio();
    LowRankResult result = build(network, method, budget, spectra, seed);
    if (result.realisedRatio() < target * (1 - TOLERANCE) && target < 1) {
      LowRankResult wider =
          build(
              network,
              method,
              new Budget(budget.kind(), Math.min(1, target * (1 + TOLERANCE))),
              spectra,
              seed);
      if (Math.abs(wider.realisedRatio() - target) < Math.abs(result.realisedRatio() - target)) {
        result.network().close();
        result =
            new LowRankResult(
                wider.network(), withBudget(wider.plan(), budget), wider.realisedRatio());
      } else {
        wider.network().close();
      }
    }
    if (Math.abs(result.realisedRatio() / target - 1) > TOLERANCE) {
      result.network().close();
      throw new LowRankException(
          String.format(
              Locale.ROOT,
              "%s cannot meet keep ratio %.4f of the %s within %.1f %%:"
                  + " its layers' rank steps are too coarse for this network; the nearest it reached is %.4f",
              method.cliName(),
              target,
              budget.kind().label(),
              TOLERANCE * 100,
              result.realisedRatio()));
    }
    return result;
  }

  /**
   * The spectra a method allocates with: {@link OutputSpectra} on the samples for PCA, {@link
   * WeightSpectra} (all SVDs computed now) otherwise.
   *
   * @throws LowRankException when PCA gets no samples
   */
  public static Spectra spectra(
      Network network, LowRankMethod method, NDArray samples, JobContext ctx) {
    if (method.needsSamples()) {
      if (samples == null) {
        throw new LowRankException(
            method.cliName()
                + " is data-informed and needs the sample set S; pass samples "
                + "(e.g. the split's sample set) or choose a weight-only method (alds, svd, svd-energy, lrank)");
      }
      return OutputSpectra.measure(network, samples, ctx);
    }
    return WeightSpectra.of(network).precompute(ctx);
  }

  private static LowRankResult build(
      Network network, LowRankMethod method, Budget budget, Spectra spectra, long seed) {
    LowRankPlan plan = method.allocator().allocate(network, spectra, budget, seed);
    Network out = Factorization.apply(network, plan, spectra);
    double realised =
        budget.kind() == BudgetKind.PARAMETERS
            ? (double) out.parameterCount() / network.parameterCount()
            : (double) out.macs() / network.macs();
    return new LowRankResult(out, plan, realised);
  }

  private static LowRankPlan withBudget(LowRankPlan p, Budget budget) {
    return new LowRankPlan(
        p.method(), budget, p.layers(), p.params(), p.macs(), p.originalParams(), p.originalMacs());
  }
}
