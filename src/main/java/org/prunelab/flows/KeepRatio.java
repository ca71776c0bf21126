package org.prunelab.flows;

import java.util.Locale;
import org.prunelab.error.InvalidSettingException;

/**
 * The keep ratio k of a vector-field pruning: the pruned field keeps at most K = round(k W) of the
 * original field's W weights (Math.round, halves up; biases are not counted, WT does not prune them
 * and FT removes them with their neurons). k must lie in (0, 1] and K must be at least 1.
 */
final class KeepRatio {
  private KeepRatio() {}

  /** K = round(k W), after checking k. */
  static long keptWeights(double keep, long originalWeights) {
    if (!(keep > 0 && keep <= 1)) {
      throw new InvalidSettingException(
          "a keep ratio must be in (0, 1], got "
              + keep
              + "; give the fraction of the weights to keep, e.g. 0.1 for 10 %");
    }
    long kept = Math.round(keep * originalWeights);
    if (kept < 1) {
      throw new InvalidSettingException(
          String.format(
              Locale.ROOT,
              "keep ratio %s keeps round(%s x %d) = 0 weights; use a keep ratio of at least %.3g",
              keep,
              keep,
              originalWeights,
              1.0 / originalWeights));
    }
    return kept;
  }
}
