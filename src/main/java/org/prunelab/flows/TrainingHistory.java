package org.prunelab.flows;

import java.util.List;

/** The loss of every training iteration, in order, and the wall-clock seconds the training took. */
public record TrainingHistory(List<Double> losses, double seconds) {
  public TrainingHistory {
    losses = List.copyOf(losses);
  }

  /** The mean loss over the first {@code n} iterations. */
  public double meanOfFirst(int n) {
    return losses.subList(0, n).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The mean loss over the last {@code n} iterations. */
  public double meanOfLast(int n) {
    return losses.subList(losses.size() - n, losses.size()).stream()
        .mapToDouble(Double::doubleValue)
        .average()
        .orElseThrow();
  }
}
