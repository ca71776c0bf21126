package org.prunelab.ui.robustness;

import java.util.List;
import java.util.function.Supplier;
import org.prunelab.error.PruneLabException;

/**
 * What one chart of the robustness view draws: its input points, or why there are none (a sentence
 * saying what is missing and how to get it).
 *
 * @param points the chart's inputs; empty when {@code problem} is set
 * @param problem why there is no chart, "" when there is one
 * @param <T> the chart's point record
 */
public record ChartInputs<T>(List<T> points, String problem) {
  /** Copies the points. */
  public ChartInputs {
    points = List.copyOf(points);
  }

  /** The points {@code compute} makes, or its error's message when it throws a user error. */
  static <T> ChartInputs<T> of(Supplier<List<T>> compute) {
    try {
      return new ChartInputs<>(compute.get(), "");
    } catch (PruneLabException e) {
      return missing(e.getMessage());
    }
  }

  /** No chart, because of {@code problem}. */
  static <T> ChartInputs<T> missing(String problem) {
    return new ChartInputs<>(List.of(), problem);
  }

  /** Whether there is a chart to draw. */
  public boolean ready() {
    return problem.isEmpty();
  }
}
