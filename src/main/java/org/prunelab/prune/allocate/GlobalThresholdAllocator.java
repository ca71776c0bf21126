package org.prunelab.prune.allocate;

/**
 * One threshold over every unit's scores: a unit keeps its elements with score >= t (at least one).
 * Scores are normalised per unit (p_j = s_j / sum_j s_j, so layers of different scale compete
 * fairly: "global") or raw (the global top-k of magnitude pruning, Han et al. 2015: "global-raw").
 * The threshold is searched so the network meets the budget; the knob walks down the global
 * descending list of scores, so the search sees every distinct threshold.
 */
public final class GlobalThresholdAllocator implements Allocator {
  private final boolean normalised;

  /** Threshold over per-unit normalised scores. */
  public GlobalThresholdAllocator() {
    this(true);
  }

  public GlobalThresholdAllocator(boolean normalised) {
    this.normalised = normalised;
  }

  @Override
  public String name() {
    return normalised ? "global" : "global-raw";
  }

  @Override
  public Allocation allocate(AllocationProblem problem, Budget budget) {
    RankedUnits ranked = new RankedUnits(problem.units(), normalised);
    double[] shares = ranked.allSharesDescending();
    int units = problem.units().size();
    return BudgetSearch.solve(
        name(),
        problem,
        budget,
        new MonotoneFamily() {
          @Override
          public int[] keptAt(double knob) {
            double threshold = thresholdAt(knob);
            int[] kept = new int[units];
            for (int u = 0; u < units; u++) {
              kept[u] = ranked.countAtLeast(u, threshold);
            }
            return kept;
          }

          @Override
          public double levelAt(double knob) {
            return thresholdAt(knob);
          }

          @Override
          public double nextElementValue(int unit, int kept) {
            return ranked.nextShare(unit, kept);
          }

          private double thresholdAt(double knob) {
            if (knob <= 0) {
              return Double.POSITIVE_INFINITY;
            }
            int index = (int) Math.min(shares.length - 1, Math.floor(knob * shares.length));
            return shares[index];
          }
        });
  }
}
