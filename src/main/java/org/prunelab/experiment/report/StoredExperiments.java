package org.prunelab.experiment.report;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.prunelab.experiment.metrics.MetricsException;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.ResultsStore;

/**
 * Picks one experiment of a results store the way the CLI's {@code --experiment NAME|HASH} does: by
 * exact spec hash, by a unique hash prefix, or by name (the latest of that name); with nothing
 * given, the latest experiment.
 */
public final class StoredExperiments {

  private StoredExperiments() {}

  /**
   * The experiment {@code nameOrHash} names in {@code store} (null: the latest); none is an error.
   */
  public static ExperimentRecord select(ResultsStore store, String nameOrHash) {
    List<ExperimentRecord> all = store.experiments();
    if (all.isEmpty()) {
      throw new MetricsException(
          "the results store holds no experiment yet; run one first (prunelab experiment"
              + " run SPEC.yaml --store FILE)");
    }
    Comparator<ExperimentRecord> byTime = Comparator.comparing(ExperimentRecord::createdAt);
    if (nameOrHash == null || nameOrHash.isBlank()) {
      return all.stream().max(byTime).orElseThrow();
    }
    for (ExperimentRecord e : all) {
      if (e.specHash().equals(nameOrHash)) {
        return e;
      }
    }
    List<ExperimentRecord> named = all.stream().filter(e -> e.name().equals(nameOrHash)).toList();
    if (!named.isEmpty()) {
      return named.stream().max(byTime).orElseThrow();
    }
    List<ExperimentRecord> prefixed =
        all.stream().filter(e -> e.specHash().startsWith(nameOrHash)).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    String known =
        all.stream()
            .map(
                e ->
                    e.name()
                        + " ("
                        + e.specHash().substring(0, Math.min(12, e.specHash().length()))
                        + ")")
            .collect(Collectors.joining(", "));
    throw new MetricsException(
        (prefixed.isEmpty()
                ? "no experiment named '"
                : "several experiments' hashes start" + " with '")
            + nameOrHash
            + "' in the store; pass --experiment with one of: "
            + known);
  }

  /** The experiment's jobs in {@code mode} (null: its only mode) with their unpruned reference. */
  public static Sweep sweep(ResultsStore store, ExperimentRecord experiment, String mode) {
    return Sweep.of(store.results(experiment.specHash()), mode);
  }
}
