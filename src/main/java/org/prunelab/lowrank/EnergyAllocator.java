package org.prunelab.lowrank;

import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;

/**
 * Truncated SVD with one energy threshold for all layers (K = 1): layer l keeps the smallest j_l
 * with
 *
 * <pre>  sum_{i <= j} sigma_i^2 / sum_i sigma_i^2 >= tau</pre>
 *
 * <p>for the largest tau whose network fits the budget (binary search over the finitely many
 * cumulative energies), after which the leftover budget is spent one rank at a time on the layers
 * with the largest error.
 */
final class EnergyAllocator implements LowRankAllocator {

  @Override
  public LowRankPlan allocate(Network network, Spectra spectra, Budget budget, long seed) {
    Allocation a = Allocation.start(network, spectra, budget, LowRankMethod.SVD_ENERGY);
    double[][] energy = new double[a.size()][];
    int count = 0;
    for (int l = 0; l < a.size(); l++) {
      energy[l] = cumulativeEnergy(spectra.spectrum(l), a.layer(l).maxRank(1));
      count += energy[l].length;
    }
    double[] all = new double[count];
    int at = 0;
    for (double[] e : energy) {
      System.arraycopy(e, 0, all, at, e.length);
      at += e.length;
    }
    double[] taus = Allocation.distinctSorted(all);
    int index =
        Allocation.lastFitting(
            taus.length,
            i -> {
              assign(a, energy, taus[i]);
              return a.fits();
            });
    // index >= 0: the smallest threshold gives every layer rank 1, which Allocation.start found to
    // fit
    assign(a, energy, taus[Math.max(index, 0)]);
    a.fill();
    return a.toPlan(LowRankMethod.SVD_ENERGY);
  }

  /**
   * Energy fraction kept at rank j = 1 .. r at index j - 1 (1 everywhere for an all-zero layer).
   */
  static double[] cumulativeEnergy(double[] sigma, int r) {
    double total = 0;
    for (double s : sigma) {
      total += s * s;
    }
    double[] e = new double[r];
    double sum = 0;
    for (int j = 0; j < r; j++) {
      sum += j < sigma.length ? sigma[j] * sigma[j] : 0;
      e[j] = total == 0 ? 1 : Math.min(1, sum / total);
    }
    return e;
  }

  private static void assign(Allocation a, double[][] energy, double tau) {
    for (int l = 0; l < a.size(); l++) {
      double[] e = energy[l];
      int j = Allocation.firstFitting(e.length, i -> e[i] >= tau) + 1;
      a.ranks[l] = a.rankOrUnfactored(l, 1, Math.min(j, e.length));
    }
  }
}
