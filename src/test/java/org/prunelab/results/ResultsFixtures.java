package org.prunelab.results;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small experiments and job results for the results store tests. */
final class ResultsFixtures {
  static final String SPEC = "0f3a9c";

  private ResultsFixtures() {}

  static ExperimentRecord experiment() {
    return new ExperimentRecord(
        SPEC,
        "lenet5 sweep",
        "network: lenet5\nmethods: [pfp]\n",
        Instant.ofEpochMilli(1_700_000_000_123L));
  }

  static JobKey key(String method, double keepRatio, int repetition) {
    return new JobKey(SPEC, "lenet5", method, keepRatio, repetition, "retrain");
  }

  /** A result whose realised size is keepRatio times the original, with clean and fog/3 metrics. */
  static JobResult result(JobKey key, double cleanTop1) {
    Map<String, Integer> kept = new LinkedHashMap<>();
    kept.put("conv2", 12);
    kept.put("conv1", 5);
    kept.put("fc1", 90);
    return new JobResult(
        key,
        Math.round(61_706 * key.keepRatio()),
        Math.round(416_520 * key.keepRatio()),
        61_706,
        416_520,
        kept,
        List.of(
            new DistributionMetric("clean", cleanTop1, 0.99, 0.3125),
            new DistributionMetric("fog/3", cleanTop1 / 2, 0.75, 1.5)),
        Duration.ofNanos(1_234_567_891L),
        Duration.ofSeconds(42, 17),
        Map.of("prunelab", "0.1.0", "djl", "0.36.0"));
  }
}
