package org.prunelab.chart;

/**
 * One pruned network in the accuracy-versus-cost plane.
 *
 * @param method the method that produced it (one point series per method)
 * @param keptFlopsFraction FLOPs of the pruned network over FLOPs of the unpruned one, in [0, 1]
 * @param accuracy top-1 accuracy in percent, in [0, 100]
 */
public record ParetoPoint(String method, double keptFlopsFraction, double accuracy) {

  /** Checks the name, that the kept share is in [0, 1] and the accuracy a percentage. */
  public ParetoPoint {
    Inputs.name(method, "method");
    Inputs.fraction(keptFlopsFraction, "keptFlopsFraction of " + method);
    if (!(accuracy >= 0 && accuracy <= 100)) {
      throw new ChartException(
          "accuracy of " + method + " must be a percentage in [0, 100], got " + accuracy);
    }
  }
}
