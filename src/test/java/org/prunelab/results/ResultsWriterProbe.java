package org.prunelab.results;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Child JVM of {@link ResultsKillSafetyTest}: records jobs with {@link #DISTRIBUTIONS} metrics and
 * {@link #UNITS} allocation rows each into the store named by its argument, forever, printing
 * "recorded N" after each commit.
 */
public final class ResultsWriterProbe {
  static final int DISTRIBUTIONS = 40;
  static final int UNITS = 60;

  private ResultsWriterProbe() {}

  public static void main(String[] args) {
    try (ResultsStore store = ResultsStore.open(Path.of(args[0]))) {
      store.recordExperiment(ResultsFixtures.experiment());
      for (int i = 0; ; i++) {
        store.record(result(i));
        System.out.println("recorded " + i);
        System.out.flush();
      }
    }
  }

  static JobResult result(int repetition) {
    List<DistributionMetric> metrics = new ArrayList<>();
    for (int d = 0; d < DISTRIBUTIONS; d++) {
      metrics.add(new DistributionMetric("corruption" + d + "/3", 0.5, 0.9, 1.0 + d));
    }
    Map<String, Integer> kept = new LinkedHashMap<>();
    for (int u = 0; u < UNITS; u++) {
      kept.put("conv" + u, u);
    }
    return new JobResult(
        ResultsFixtures.key("pfp", 0.5, repetition),
        500,
        700,
        1000,
        1400,
        kept,
        metrics,
        Duration.ofMillis(repetition),
        Duration.ZERO,
        Map.of("prunelab", "test"));
  }
}
