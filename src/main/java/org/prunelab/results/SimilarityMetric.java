package org.prunelab.results;

/**
 * Functional similarity of a pruned network f' to the unpruned f on test inputs x_eps = x + 2 eps
 * (U - 1/2), U uniform on [0, 1]^d, x the normalised input the network reads (eps 0: the clean
 * images; stores written before issue 14 hold levels on raw [0, 1] pixels, ADR 0018): the top-1
 * agreement {@code mean[argmax f(x_eps) = argmax f'(x_eps)]}, and the mean L2 norms of the logit
 * difference {@code mean ||f(x_eps) - f'(x_eps)||_2} and of the softmax difference {@code mean
 * ||softmax f(x_eps) - softmax f'(x_eps)||_2}.
 */
public record SimilarityMetric(
    double eps, double agreement, double logitDistance, double softmaxDistance) {
  public SimilarityMetric {
    if (!(eps >= 0 && eps <= 1)) {
      throw new IllegalArgumentException("eps must be in [0, 1], got " + eps);
    }
    if (!(agreement >= 0 && agreement <= 1)) {
      throw new IllegalArgumentException(
          "agreement must be a fraction in [0, 1], got " + agreement);
    }
    if (!(logitDistance >= 0 && logitDistance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "logit distance must be finite and >= 0, got " + logitDistance);
    }
    if (!(softmaxDistance >= 0 && softmaxDistance <= Math.sqrt(2) + 1e-9)) {
      throw new IllegalArgumentException(
          "softmax distance must be in [0, sqrt 2], got " + softmaxDistance);
    }
  }
}
