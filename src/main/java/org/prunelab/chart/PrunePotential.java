package org.prunelab.chart;

/**
 * How much of a network a method can prune while staying within a tolerated accuracy drop, measured
 * on the clean test set and on corrupted inputs (the prune potential of Baykal et al.: the largest
 * prune ratio whose accuracy drop is at most delta).
 *
 * @param method the method's name (one group of bars)
 * @param clean prune potential on clean inputs, a fraction in [0, 1]
 * @param corrupted prune potential on corrupted inputs, a fraction in [0, 1], or NaN when the
 *     experiment measured clean inputs only
 */
public record PrunePotential(String method, double clean, double corrupted) {

  /** Checks the name and that both potentials are fractions (the corrupted one may be NaN). */
  public PrunePotential {
    Inputs.name(method, "method");
    Inputs.fraction(clean, "clean prune potential of " + method);
    if (!Double.isNaN(corrupted)) {
      Inputs.fraction(corrupted, "corrupted prune potential of " + method);
    }
  }

  /** Whether the corrupted potential was measured. */
  public boolean hasCorrupted() {
    return !Double.isNaN(corrupted);
  }
}
