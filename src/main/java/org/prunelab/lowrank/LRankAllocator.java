package org.prunelab.lowrank;

import java.util.PriorityQueue;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;

/**
 * Rank selection after Idelbayev and Carreira-Perpinan, "Low-rank compression of neural nets:
 * learning the rank of each layer" (CVPR 2020), whose C step solves, for a penalty lambda,
 *
 * <pre>  min_r  sum_l  sum_{i > r_l} sigma_{l,i}^2 / ||W_l||_F^2  +  lambda C(r)</pre>
 *
 * <p>with C the network's size (parameters or FLOPs, as the budget says). PruneLab runs that step
 * once on the trained weights (no learning-compression retraining loop) and meets the budget
 * directly instead of searching lambda: starting from rank 1 everywhere (K = 1), it repeatedly buys
 * the rank step with the largest drop of discarded relative energy per unit of cost that still
 * fits; since each layer's sigma_i^2 decrease, this is the exact solution of the penalised problem
 * for the lambda that the budget implies, up to the last step. Each layer's discarded energy is
 * divided by its squared Frobenius norm so that layers of different scale compare (the paper uses
 * raw energies). A layer whose next rank would no longer save size is offered its whole remaining
 * energy at the price of going back to unfactored.
 */
final class LRankAllocator implements LowRankAllocator {

  private record Step(int layer, int rank, double gain, long delta) {
    double value() {
      return gain / Math.max(1, delta);
    }
  }

  @Override
  public LowRankPlan allocate(Network network, Spectra spectra, Budget budget, long seed) {
    Allocation a = Allocation.start(network, spectra, budget, LowRankMethod.LRANK);
    double[][] sq = new double[a.size()][];
    for (int l = 0; l < a.size(); l++) {
      double[] s = spectra.spectrum(l);
      double total = 0;
      for (double v : s) {
        total += v * v;
      }
      sq[l] = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        sq[l][i] = total == 0 ? 0 : s[i] * s[i] / total;
      }
      a.ranks[l] = a.rankOrUnfactored(l, 1, 1);
    }
    long cost = a.cost();
    PriorityQueue<Step> queue = new PriorityQueue<>((x, y) -> Double.compare(y.value(), x.value()));
    for (int l = 0; l < a.size(); l++) {
      offer(queue, a, sq, l);
    }
    double limit = a.limit();
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      if (cost + step.delta() <= limit) {
        a.ranks[step.layer()] = step.rank();
        cost += step.delta();
        offer(queue, a, sq, step.layer());
      }
    }
    return a.toPlan(LowRankMethod.LRANK);
  }

  /** Queues the next rank step of layer l, if it is factored. */
  private static void offer(PriorityQueue<Step> queue, Allocation a, double[][] sq, int l) {
    int j = a.ranks[l];
    if (j == 0) {
      return;
    }
    int next = a.rankOrUnfactored(l, 1, j + 1);
    double gain = 0;
    if (next == 0) {
      for (int i = j; i < sq[l].length; i++) {
        gain += sq[l][i];
      }
    } else {
      gain = j < sq[l].length ? sq[l][j] : 0;
    }
    queue.add(new Step(l, next, gain, a.cost(l, 1, next) - a.layerCost(l)));
  }
}
