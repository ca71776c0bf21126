package org.prunelab.chart;

/**
 * How often a pruned network predicts the same class as the unpruned one on test inputs with
 * uniform noise x + 2 eps (U - 1/2) added to the raw [0, 1] pixels (the functional-similarity probe
 * of "Lost in Pruning"), averaged over the repetitions of one method at one keep ratio.
 *
 * @param method the method's name (one series per method)
 * @param eps the noise level, in [0, 1] (0: the clean test images)
 * @param agreement mean share of test inputs on which both networks' top-1 classes agree, in [0, 1]
 * @param std sample standard deviation of the agreement over the repetitions, a fraction >= 0 (0
 *     for a single run)
 */
public record AgreementPoint(String method, double eps, double agreement, double std) {

  /** Checks the name, that eps and the agreement are fractions and the deviation >= 0. */
  public AgreementPoint {
    Inputs.name(method, "method");
    Inputs.fraction(eps, "eps of " + method);
    Inputs.fraction(agreement, "agreement of " + method);
    Inputs.deviation(std, "std of " + method);
  }
}
