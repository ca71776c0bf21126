package org.prunelab.chart;

import java.util.List;

/**
 * Checks shared by the figures' input records; each failure names the bad value and what is
 * expected.
 */
final class Inputs {

  private Inputs() {}

  static String name(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ChartException(
          what + " must be a non-blank name, got " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  static double finite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new ChartException(what + " must be a finite number, got " + value);
    }
    return value;
  }

  static double fraction(double value, String what) {
    if (!(value >= 0 && value <= 1)) {
      throw new ChartException(
          what + " must be a fraction in [0, 1] (not a percentage), got " + value);
    }
    return value;
  }

  static double deviation(double value, String what) {
    if (!(finite(value, what) >= 0)) {
      throw new ChartException(what + " must be >= 0, got " + value);
    }
    return value;
  }

  static <T> List<T> nonEmpty(List<T> values, String figure) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new ChartException("the " + figure + " figure needs at least one point; got none");
    }
    return copy;
  }
}
