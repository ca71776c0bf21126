package org.prunelab.results;

/**
 * The identity of one job of an experiment: network, method, keep ratio, repetition and mode (e.g.
 * "prune" or "retrain"). The store holds at most one result per key; a runner skips keys that are
 * finished.
 */
public record JobKey(
    String specHash, String network, String method, double keepRatio, int repetition, String mode) {
  public JobKey {
    requireText("specHash", specHash, 128);
    requireText("network", network, 200);
    requireText("method", method, 200);
    requireText("mode", mode, 200);
    if (!(keepRatio > 0 && keepRatio <= 1)) {
      throw new IllegalArgumentException("keepRatio must be in (0, 1], got " + keepRatio);
    }
    if (repetition < 0) {
      throw new IllegalArgumentException("repetition must be >= 0, got " + repetition);
    }
  }

  static void requireText(String what, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " must be at most " + maxLength + " characters, got " + value.length());
    }
  }
}
