package org.prunelab.cli;

import java.util.Locale;

/** Number formats of the CLI's tables: digit grouping, SI suffixes and percentages. */
final class Numbers {
  private Numbers() {}

  static String grouped(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String si(double v) {
    if (Math.abs(v) >= 1e9) {
      return String.format(Locale.ROOT, "%.2f G", v / 1e9);
    }
    if (Math.abs(v) >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", v / 1e6);
    }
    if (Math.abs(v) >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
  }
}
