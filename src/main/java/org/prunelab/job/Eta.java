package org.prunelab.job;

import java.time.Duration;
import java.util.Optional;

/** Extrapolates a job's remaining time from its average progress rate since it started. */
final class Eta {

  private Eta() {}

  /**
   * Estimates the remaining time: the job is expected to take {@code elapsed * total / done} in
   * all, where {@code elapsed} runs from the start to the latest report; the estimate is that minus
   * the time already spent.
   *
   * @param startNanos when the job started ({@link System#nanoTime()})
   * @param latest the latest report, or {@code null}
   * @param nowNanos the current time ({@link System#nanoTime()})
   * @return the remaining time, never negative; empty without a rate (no report, no done work,
   *     unknown total)
   */
  static Optional<Duration> estimate(long startNanos, Progress latest, long nowNanos) {
    if (latest == null || latest.total() <= 0 || latest.done() <= 0) {
      return Optional.empty();
    }
    if (latest.done() >= latest.total()) {
      return Optional.of(Duration.ZERO);
    }
    long elapsed = latest.nanoTime() - startNanos;
    if (elapsed <= 0) {
      return Optional.empty();
    }
    double expectedTotal = elapsed * ((double) latest.total() / latest.done());
    double remaining = expectedTotal - (nowNanos - startNanos);
    return Optional.of(Duration.ofNanos((long) Math.max(0.0, remaining)));
  }
}
