package org.prunelab.results;

/**
 * Accuracy and loss of a network on one test distribution: "clean" or a corruption at a severity
 * ("fog/3"). Top-1 and top-5 are fractions in [0, 1]; the loss is the mean cross-entropy,
 * non-negative and finite.
 */
public record DistributionMetric(String distribution, double top1, double top5, double loss) {
  public DistributionMetric {
    JobKey.requireText("distribution", distribution, 200);
    requireFraction("top1", top1);
    requireFraction("top5", top5);
    if (!(loss >= 0 && loss < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "loss on " + distribution + " must be finite and >= 0, got " + loss);
    }
  }

  private static void requireFraction(String what, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction in [0, 1], got " + value);
    }
  }
}
