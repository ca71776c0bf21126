package org.prunelab.lowrank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;

/**
 * A mutable per-layer choice of group count K and rank j (rank 0: not factored) with its cost under
 * a budget, the shared state of every allocator. Cost of the network = fixed part (everything but
 * the factorable layers' weights) + per layer unit * j (K f + c k1 k2), or the original unit * f c
 * k1 k2 when not factored; unit is 1 for parameters and H_out W_out for multiply-accumulates. A
 * layer is factored only when that is strictly smaller.
 */
final class Allocation {
  private final Spectra spectra;
  private final List<FactorableLayer> layers;
  private final Budget budget;
  private final long networkParams;
  private final long networkMacs;
  private final long total;
  private final long fixed;
  private final double limit;
  private final long[] unit;
  private final long[] original;
  private final double[][][] errorTable;
  final int[] groups;
  final int[] ranks;

  private Allocation(Spectra spectra, Budget budget, long networkParams, long networkMacs) {
    this.spectra = spectra;
    this.layers = spectra.layers();
    this.budget = budget;
    this.networkParams = networkParams;
    this.networkMacs = networkMacs;
    int n = layers.size();
    unit = new long[n];
    original = new long[n];
    long weights = 0;
    for (int l = 0; l < n; l++) {
      FactorableLayer fl = layers.get(l);
      unit[l] = budget.kind() == BudgetKind.PARAMETERS ? 1 : fl.positions();
      original[l] = unit[l] * fl.weights();
      weights += original[l];
    }
    total = budget.kind() == BudgetKind.PARAMETERS ? networkParams : networkMacs;
    fixed = total - weights;
    limit = budget.keepRatio() * total;
    errorTable = new double[n][][];
    groups = new int[n];
    ranks = new int[n];
    Arrays.fill(groups, 1);
  }

  private Allocation(Allocation other) {
    spectra = other.spectra;
    layers = other.layers;
    budget = other.budget;
    networkParams = other.networkParams;
    networkMacs = other.networkMacs;
    total = other.total;
    fixed = other.fixed;
    limit = other.limit;
    unit = other.unit;
    original = other.original;
    errorTable = other.errorTable;
    groups = other.groups.clone();
    ranks = other.ranks.clone();
  }

  /**
   * An allocation with nothing factored (K = 1 everywhere) for the network the spectra describe.
   *
   * @throws LowRankException when the budget is below the smallest network: every layer at K = 1,
   *     rank 1
   */
  static Allocation start(Network network, Spectra spectra, Budget budget, LowRankMethod method) {
    if (!FactorableLayer.of(network).equals(spectra.layers())) {
      throw new IllegalArgumentException(
          "the spectra were computed for another network (its factorable layers "
              + "differ); compute them from this network");
    }
    Allocation a = new Allocation(spectra, budget, network.parameterCount(), network.macs());
    long smallest = a.fixed;
    for (int l = 0; l < a.layers.size(); l++) {
      smallest += Math.min(a.original[l], a.cost(l, 1, 1));
    }
    if (smallest > a.limit) {
      double ratio = (double) smallest / a.total;
      throw new LowRankException(
          String.format(
              Locale.ROOT,
              "keep ratio %.4g is below the smallest network %s can "
                  + "build: %.4f of the %s (every layer at rank 1, the rest of the network unchanged); ask for a keep ratio "
                  + ">= %.4f",
              budget.keepRatio(),
              method.cliName(),
              ratio,
              budget.kind().label(),
              Math.ceil(ratio * 1e4) / 1e4));
    }
    return a;
  }

  Allocation copy() {
    return new Allocation(this);
  }

  int size() {
    return layers.size();
  }

  FactorableLayer layer(int l) {
    return layers.get(l);
  }

  /** The group counts the spectra allow for layer l. */
  List<Integer> groupCounts(int l) {
    return spectra.groupCounts(l);
  }

  long unit(int l) {
    return unit[l];
  }

  /**
   * Relative errors of layer l with K groups, j = 1 .. maxRank(K) at j - 1 (cached per allocator
   * run).
   */
  double[] errors(int l, int k) {
    List<Integer> ks = spectra.groupCounts(l);
    int index = ks.indexOf(k);
    if (errorTable[l] == null) {
      errorTable[l] = new double[ks.size()][];
    }
    if (errorTable[l][index] == null) {
      errorTable[l][index] = spectra.errors(l, k);
    }
    return errorTable[l][index];
  }

  /** Cost of layer l with K groups and rank j; rank 0 is the unfactored layer. */
  long cost(int l, int k, int j) {
    return j == 0 ? original[l] : unit[l] * layers.get(l).factoredWeights(k, j);
  }

  long original(int l) {
    return original[l];
  }

  /** Rank j if (K, j) is a valid choice smaller than the original layer, else 0 (not factored). */
  int rankOrUnfactored(int l, int k, int j) {
    return j >= 1 && j <= layers.get(l).maxRank(k) && cost(l, k, j) < original[l] ? j : 0;
  }

  long layerCost(int l) {
    return cost(l, groups[l], ranks[l]);
  }

  long cost() {
    long c = fixed;
    for (int l = 0; l < ranks.length; l++) {
      c += layerCost(l);
    }
    return c;
  }

  /** The largest cost the budget allows. */
  double limit() {
    return limit;
  }

  boolean fits() {
    return cost() <= limit;
  }

  double error(int l) {
    return ranks[l] == 0 ? 0 : errors(l, groups[l])[ranks[l] - 1];
  }

  double maxError() {
    double m = 0;
    for (int l = 0; l < ranks.length; l++) {
      m = Math.max(m, error(l));
    }
    return m;
  }

  double sumOfSquaredErrors() {
    double s = 0;
    for (int l = 0; l < ranks.length; l++) {
      s += error(l) * error(l);
    }
    return s;
  }

  /**
   * Whether this allocation has a smaller largest error than {@code other} (ties: smaller sum of
   * squares).
   */
  boolean betterThan(Allocation other) {
    if (other == null) {
      return true;
    }
    double a = maxError();
    double b = other.maxError();
    if (Math.abs(a - b) > 1e-12) {
      return a < b;
    }
    return sumOfSquaredErrors() < other.sumOfSquaredErrors();
  }

  /**
   * Spends what is left of the budget one rank step at a time, always on the layer with the largest
   * error whose next step still fits (a factored layer whose next rank would no longer save size
   * goes back to unfactored). This never raises an error and brings the size within one rank step
   * of the budget.
   */
  void fill() {
    long cost = cost();
    while (true) {
      int best = -1;
      double bestError = -1;
      int bestRank = 0;
      long bestDelta = 0;
      for (int l = 0; l < ranks.length; l++) {
        if (ranks[l] == 0) {
          continue;
        }
        int next = rankOrUnfactored(l, groups[l], ranks[l] + 1);
        long delta = cost(l, groups[l], next) - layerCost(l);
        double e = error(l);
        if (cost + delta <= limit && e > bestError) {
          best = l;
          bestError = e;
          bestRank = next;
          bestDelta = delta;
        }
      }
      if (best < 0) {
        return;
      }
      ranks[best] = bestRank;
      cost += bestDelta;
    }
  }

  /** The plan of this allocation. */
  LowRankPlan toPlan(LowRankMethod method) {
    List<LayerPlan> plans = new ArrayList<>();
    long params = networkParams;
    long macs = networkMacs;
    for (int l = 0; l < ranks.length; l++) {
      FactorableLayer fl = layers.get(l);
      boolean factored = ranks[l] > 0;
      int k = factored ? groups[l] : 1;
      int j = factored ? ranks[l] : fl.maxRank(1);
      long p = factored ? fl.factoredWeights(k, j) : fl.weights();
      params += p - fl.weights();
      macs += (p - fl.weights()) * fl.positions();
      plans.add(
          new LayerPlan(fl.node(), factored, k, j, fl.maxRank(k), error(l), p, p * fl.positions()));
    }
    return new LowRankPlan(method, budget, plans, params, macs, networkParams, networkMacs);
  }

  /**
   * Smallest index in [0, n) whose candidate fits, for candidates along which the cost does not
   * increase; n if none.
   */
  static int firstFitting(int n, IntPredicate fits) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (fits.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Largest index in [0, n) whose candidate fits, for candidates along which the cost does not
   * decrease; -1 if none.
   */
  static int lastFitting(int n, IntPredicate fits) {
    int lo = -1;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (fits.test(mid)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Sorted distinct values. */
  static double[] distinctSorted(double[] values) {
    return Arrays.stream(values).sorted().distinct().toArray();
  }
}
