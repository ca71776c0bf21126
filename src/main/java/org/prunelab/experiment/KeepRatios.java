package org.prunelab.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The keep ratios a sweep visits, always relative to the original network: an explicit list, or
 * {@code count} ratios from {@code from} to {@code to} with geometric or linear spacing (geometric
 * is what the papers plot: equal steps in log compression).
 */
public record KeepRatios(
    List<Double> list, Spacing spacing, Double from, Double to, Integer count) {
  /** How generated ratios are spaced. */
  public enum Spacing {
    GEOMETRIC,
    LINEAR
  }

  /** The ratios, in the order given (lists) or from {@code from} to {@code to}. */
  public List<Double> values() {
    if (list != null) {
      return List.copyOf(list);
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double t = count == 1 ? 0 : (double) i / (count - 1);
      values.add(
          spacing == Spacing.LINEAR ? from + t * (to - from) : from * Math.pow(to / from, t));
    }
    return values;
  }

  void validate() {
    if (list != null) {
      if (spacing != null || from != null || to != null || count != null) {
        throw new ExperimentSpecException(
            "keep: give either a list of ratios or spacing/from/to/count, not both");
      }
      if (list.isEmpty()) {
        throw new ExperimentSpecException(
            "keep.list is empty: give at least one keep ratio in (0, 1]");
      }
      list.forEach(r -> requireRatio("keep.list", r));
      return;
    }
    if (spacing == null || from == null || to == null || count == null) {
      throw new ExperimentSpecException(
          "keep needs either list: [0.9, 0.5, ...] or spacing (geometric|linear), "
              + "from, to and count");
    }
    requireRatio("keep.from", from);
    requireRatio("keep.to", to);
    if (count < 1 || count > 1000) {
      throw new ExperimentSpecException("keep.count " + count + " is outside 1..1000");
    }
  }

  private static void requireRatio(String field, Double r) {
    if (r == null || !(r > 0 && r <= 1)) {
      throw new ExperimentSpecException(
          field
              + " "
              + r
              + " is outside (0, 1]: keep ratios are fractions of the "
              + "original network to keep");
    }
  }
}
