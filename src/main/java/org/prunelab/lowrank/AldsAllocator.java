package org.prunelab.lowrank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;

/**
 * ALDS allocation (Liebenwein, Maalouf et al., NeurIPS 2021): choose per layer l a group count K_l
 * and rank j_l to
 *
 * <pre>  minimise max_l eps_l(K_l, j_l)  subject to  size(K, j) <= budget</pre>
 *
 * <p>by alternating two steps. Global step (K fixed): one threshold eps gives each layer the
 * smallest j with eps_l(K_l, j) <= eps; a binary search over the finitely many error values finds
 * the smallest eps that fits, then the leftover budget is spent rank by rank on the layers with the
 * largest errors. Local step (each layer's share of the budget fixed): every layer takes the K (a
 * divisor of its input channels) whose largest affordable j has the smallest error. The alternation
 * runs from several starts: K nearest 3, 5, 7 and 9 in every layer, K = 1 (plain SVD), and {@value
 * #RANDOM_STARTS} random assignments, each for at most {@value #MAX_ROUNDS} rounds or until K
 * repeats; the allocation with the smallest largest error wins. With spectra that only allow K = 1
 * (PCA) this is the min-max rank allocation.
 */
final class AldsAllocator implements LowRankAllocator {
  static final int RANDOM_STARTS = 10;
  static final int MAX_ROUNDS = 10;
  private static final int[] FIXED_STARTS = {3, 5, 7, 9, 1};

  private final LowRankMethod method;

  AldsAllocator(LowRankMethod method) {
    this.method = method;
  }

  @Override
  public LowRankPlan allocate(Network network, Spectra spectra, Budget budget, long seed) {
    Allocation base = Allocation.start(network, spectra, budget, method);
    Allocation best = null;
    for (int[] start : starts(spectra, seed)) {
      int[] k = start;
      Set<List<Integer>> seen = new HashSet<>();
      for (int round = 0; round < MAX_ROUNDS && seen.add(asList(k)); round++) {
        Allocation candidate = globalStep(base, k);
        if (candidate == null) {
          break;
        }
        if (candidate.betterThan(best)) {
          best = candidate;
        }
        k = localStep(candidate);
      }
    }
    // the K = 1 start always fits once Allocation.start accepted the budget
    return best.toPlan(method);
  }

  private static List<int[]> starts(Spectra spectra, long seed) {
    int n = spectra.layers().size();
    List<int[]> out = new ArrayList<>();
    Set<List<Integer>> distinct = new HashSet<>();
    for (int target : FIXED_STARTS) {
      int[] k = new int[n];
      for (int l = 0; l < n; l++) {
        k[l] = nearest(spectra.groupCounts(l), target);
      }
      if (distinct.add(asList(k))) {
        out.add(k);
      }
    }
    Random random = new Random(seed);
    for (int s = 0; s < RANDOM_STARTS; s++) {
      int[] k = new int[n];
      for (int l = 0; l < n; l++) {
        List<Integer> ks = spectra.groupCounts(l);
        k[l] = ks.get(random.nextInt(ks.size()));
      }
      if (distinct.add(asList(k))) {
        out.add(k);
      }
    }
    return out;
  }

  /** The allowed K nearest to the target (the smaller one on a tie). */
  private static int nearest(List<Integer> ks, int target) {
    int best = ks.get(0);
    for (int k : ks) {
      if (Math.abs(k - target) < Math.abs(best - target)) {
        best = k;
      }
    }
    return best;
  }

  /**
   * Min-max ranks for fixed K, then the leftover spent; null when even rank 1 everywhere does not
   * fit.
   */
  private static Allocation globalStep(Allocation base, int[] k) {
    Allocation a = base.copy();
    System.arraycopy(k, 0, a.groups, 0, k.length);
    double[][] errors = new double[a.size()][];
    int count = 1;
    for (int l = 0; l < a.size(); l++) {
      errors[l] = a.errors(l, k[l]);
      count += errors[l].length;
    }
    double[] all = new double[count];
    int at = 1;
    for (double[] e : errors) {
      System.arraycopy(e, 0, all, at, e.length);
      at += e.length;
    }
    double[] thresholds = Allocation.distinctSorted(all);
    int index =
        Allocation.firstFitting(
            thresholds.length,
            i -> {
              assign(a, errors, thresholds[i]);
              return a.fits();
            });
    if (index == thresholds.length) {
      return null;
    }
    assign(a, errors, thresholds[index]);
    a.fill();
    return a;
  }

  /**
   * Each layer: the smallest rank whose error is at most eps (not factored if none, or if that
   * saves nothing).
   */
  private static void assign(Allocation a, double[][] errors, double eps) {
    for (int l = 0; l < a.size(); l++) {
      double[] e = errors[l];
      int j = Allocation.firstFitting(e.length, i -> e[i] <= eps) + 1;
      a.ranks[l] = j > e.length ? 0 : a.rankOrUnfactored(l, a.groups[l], j);
    }
  }

  /**
   * Each factored layer keeps its cost and takes the K whose affordable rank has the smallest
   * error.
   */
  private static int[] localStep(Allocation a) {
    int[] next = a.groups.clone();
    for (int l = 0; l < a.size(); l++) {
      if (a.ranks[l] == 0) {
        continue;
      }
      long share = a.layerCost(l);
      double bestError = a.error(l);
      FactorableLayer fl = a.layer(l);
      for (int k : a.groupCounts(l)) {
        long perRank = a.unit(l) * fl.factoredWeights(k, 1);
        int j = (int) Math.min(fl.maxRank(k), share / perRank);
        if (j >= 1 && a.errors(l, k)[j - 1] < bestError) {
          bestError = a.errors(l, k)[j - 1];
          next[l] = k;
        }
      }
    }
    return next;
  }

  private static List<Integer> asList(int[] k) {
    return Arrays.stream(k).boxed().toList();
  }
}
