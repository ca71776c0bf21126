package org.prunelab.prune.allocate;

import java.util.List;

/**
 * PFP's optimal budget allocation: one relative error eps shared by every layer, i.e. the solution
 * of min max_l eps_l subject to size <= B. A unit keeps
 *
 * <pre>
 *   c'_u(eps) = min(n_u, max(1, max over the layers l reading u of ceil( sum_{j in u} 1 - (1 - p_j)^{m_l(eps)} )))
 * </pre>
 *
 * elements ({@link PfpSampleComplexity}); size(eps) is monotone, so bisection on log eps meets the
 * budget. A unit read by several layers (residual Add) keeps what its most demanding reader needs,
 * so every reader's error bound holds. Solves ResNet-56 in about a millisecond
 * (docs/benchmarks.md).
 */
public final class OptimalAllocator implements Allocator {
  private static final double EPS_MIN = 1e-9;

  @Override
  public String name() {
    return "optimal";
  }

  @Override
  public Allocation allocate(AllocationProblem problem, Budget budget) {
    List<AllocationUnit> units = problem.units();
    PreparedTerm[][] terms = new PreparedTerm[units.size()][];
    double epsMax = 3;
    for (int u = 0; u < units.size(); u++) {
      AllocationUnit unit = units.get(u);
      if (unit.terms().isEmpty()) {
        throw new AllocationException(
            "optimal allocation needs PFP sensitivities, but unit "
                + unit.id()
                + " has none; compute them with the pfp method or choose the uniform or global allocation");
      }
      terms[u] = unit.terms().stream().map(PreparedTerm::new).toArray(PreparedTerm[]::new);
      for (PreparedTerm term : terms[u]) {
        epsMax = Math.max(epsMax, 12 * term.alphaTimesTotal);
      }
    }
    double logMax = Math.log(epsMax + 1);
    double logMin = Math.log(EPS_MIN);
    int[] sizes = problem.full();
    RankedUnits ranked = new RankedUnits(units);
    return BudgetSearch.solve(
        name(),
        problem,
        budget,
        new MonotoneFamily() {
          @Override
          public int[] keptAt(double knob) {
            if (knob >= 1) {
              return sizes.clone();
            }
            double eps = levelAt(knob);
            int[] kept = new int[sizes.length];
            for (int u = 0; u < sizes.length; u++) {
              double needed = 1;
              for (PreparedTerm term : terms[u]) {
                needed = Math.max(needed, Math.ceil(term.expectedDistinct(eps) - 1e-9));
              }
              kept[u] = (int) Math.min(sizes[u], needed);
            }
            return kept;
          }

          @Override
          public double levelAt(double knob) {
            return Math.exp(logMax + knob * (logMin - logMax));
          }

          @Override
          public double nextElementValue(int unit, int kept) {
            return ranked.nextShare(unit, kept);
          }
        });
  }

  /** A sensitivity term with log(1 - p_j) precomputed: one expm1 per element and eps. */
  private static final class PreparedTerm {
    private final double[] logOneMinusP;
    private final double alphaTimesTotal;

    PreparedTerm(SensitivityTerm term) {
      double total = term.totalSensitivity();
      alphaTimesTotal = term.alpha() * total;
      float[] s = term.sensitivities();
      logOneMinusP = new double[s.length];
      for (int j = 0; j < s.length; j++) {
        logOneMinusP[j] = total > 0 ? Math.log1p(-s[j] / total) : 0;
      }
    }

    double expectedDistinct(double eps) {
      if (alphaTimesTotal <= 0) {
        return 0;
      }
      double m = PfpSampleComplexity.samples(eps, 1, alphaTimesTotal);
      double sum = 0;
      for (double l : logOneMinusP) {
        sum -= Math.expm1(m * l);
      }
      return sum;
    }
  }
}
