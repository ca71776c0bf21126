package org.prunelab.lowrank;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;

/**
 * Truncated SVD with one rank ratio for all layers (K = 1): layer l keeps j_l = ceil(alpha r_l)
 * singular directions of its r_l = min(f, c k1 k2), with the largest alpha whose network fits the
 * budget (binary search over the finitely many distinct ratios j / r_l). Because many layers share
 * r_l, one step of alpha can move several layers at once; the leftover budget is then spent one
 * rank at a time on the layers with the largest error, so the ranks are a constant ratio of r_l up
 * to one rank.
 */
final class RankRatioAllocator implements LowRankAllocator {

  @Override
  public LowRankPlan allocate(Network network, Spectra spectra, Budget budget, long seed) {
    Allocation a = Allocation.start(network, spectra, budget, LowRankMethod.SVD);
    List<Double> ratios = new ArrayList<>();
    for (int l = 0; l < a.size(); l++) {
      int r = a.layer(l).maxRank(1);
      for (int j = 1; j <= r; j++) {
        ratios.add((double) j / r);
      }
    }
    double[] alphas =
        Allocation.distinctSorted(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    int index =
        Allocation.lastFitting(
            alphas.length,
            i -> {
              assign(a, alphas[i]);
              return a.fits();
            });
    // index >= 0: the smallest ratio gives every layer rank 1, which Allocation.start found to fit
    assign(a, alphas[Math.max(index, 0)]);
    a.fill();
    return a.toPlan(LowRankMethod.SVD);
  }

  private static void assign(Allocation a, double alpha) {
    for (int l = 0; l < a.size(); l++) {
      int r = a.layer(l).maxRank(1);
      int j = (int) Math.min(r, Math.max(1, Math.ceil(alpha * r - 1e-9)));
      a.ranks[l] = a.rankOrUnfactored(l, 1, j);
    }
  }
}
