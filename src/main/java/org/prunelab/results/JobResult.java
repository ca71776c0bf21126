package org.prunelab.results;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one finished job produced: its realised size against the original network (parameters
 * and FLOPs, ADR 0002/0006), the units it kept per layer (channels or rank, in network order), its
 * metrics per test distribution (in evaluation order), how long pruning and retraining took, and
 * the versions of the software that ran it.
 */
public record JobResult(
    JobKey key,
    long realisedParams,
    long realisedFlops,
    long originalParams,
    long originalFlops,
    Map<String, Integer> keptPerUnit,
    List<DistributionMetric> metrics,
    Duration pruneTime,
    Duration retrainTime,
    Map<String, String> versions) {
  public JobResult {
    Objects.requireNonNull(key, "key");
    if (originalParams <= 0 || originalFlops <= 0) {
      throw new IllegalArgumentException(
          "original params and FLOPs must be positive, got "
              + originalParams
              + " and "
              + originalFlops);
    }
    if (realisedParams < 0 || realisedFlops < 0) {
      throw new IllegalArgumentException(
          "realised params and FLOPs must be >= 0, got "
              + realisedParams
              + " and "
              + realisedFlops);
    }
    if (pruneTime.isNegative() || retrainTime.isNegative()) {
      throw new IllegalArgumentException(
          "durations must not be negative, got " + pruneTime + " and " + retrainTime);
    }
    keptPerUnit.forEach(
        (unit, kept) -> {
          JobKey.requireText("unit", unit, 200);
          if (kept == null || kept < 0) {
            throw new IllegalArgumentException(
                "kept units of " + unit + " must be >= 0, got " + kept);
          }
        });
    versions.forEach(
        (component, version) -> {
          JobKey.requireText("component", component, 200);
          JobKey.requireText("version of " + component, version, 200);
        });
    keptPerUnit = Collections.unmodifiableMap(new LinkedHashMap<>(keptPerUnit));
    metrics = List.copyOf(metrics);
    versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
  }

  /** Realised parameters as a fraction of the original network's. */
  public double paramRatio() {
    return (double) realisedParams / originalParams;
  }

  /** Realised FLOPs as a fraction of the original network's. */
  public double flopRatio() {
    return (double) realisedFlops / originalFlops;
  }
}
