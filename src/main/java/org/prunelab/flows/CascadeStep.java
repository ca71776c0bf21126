package org.prunelab.flows;

/**
 * One step of a pruning cascade, measured after its retraining: the keep ratio requested (a
 * fraction of the original field's weights), the field's weights that are not zero and its
 * parameters (those weights plus every bias of the field as it now is), each beside the original
 * count; the test metric ({@code metric} names it: "nll", the mean negative log-likelihood in nats
 * of a CNF, or "accuracy" of a classifier); the function evaluations of one test solve; and the
 * seconds the retraining took.
 */
public record CascadeStep(
    double keep,
    long weights,
    long originalWeights,
    long parameters,
    long originalParameters,
    String metric,
    double value,
    int evaluations,
    double trainingSeconds) {

  /** Realised fraction of the original weights, weights / originalWeights. */
  public double weightRatio() {
    return (double) weights / originalWeights;
  }

  /** Realised fraction of the original parameters, parameters / originalParameters. */
  public double parameterRatio() {
    return (double) parameters / originalParameters;
  }
}
