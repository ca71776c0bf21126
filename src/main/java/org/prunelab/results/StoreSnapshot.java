package org.prunelab.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a results store holds at one revision, as plain records: its experiments (oldest
 * first), every experiment's job results and their functional similarity to the unpruned network.
 * What the workbench's live views draw from; read in one go by {@link #read}.
 *
 * @param revision the store's {@link ResultsStore#revision()} when it was read
 * @param experiments every experiment, oldest first
 * @param results job results by spec hash
 * @param similarity functional similarity by spec hash, then job
 */
public record StoreSnapshot(
    long revision,
    List<ExperimentRecord> experiments,
    Map<String, List<JobResult>> results,
    Map<String, Map<JobKey, List<SimilarityMetric>>> similarity) {
  public StoreSnapshot {
    experiments = List.copyOf(experiments);
    results = Map.copyOf(results);
    similarity = Map.copyOf(similarity);
  }

  /** A store with nothing in it. */
  public static StoreSnapshot empty() {
    return new StoreSnapshot(0, List.of(), Map.of(), Map.of());
  }

  /** Reads the whole store (its revision first, so a later write shows as a newer revision). */
  public static StoreSnapshot read(ResultsStore store) {
    long revision = store.revision();
    List<ExperimentRecord> experiments = store.experiments();
    Map<String, List<JobResult>> results = new LinkedHashMap<>();
    Map<String, Map<JobKey, List<SimilarityMetric>>> similarity = new LinkedHashMap<>();
    for (ExperimentRecord e : experiments) {
      results.put(e.specHash(), store.results(e.specHash()));
      similarity.put(e.specHash(), store.similarity(e.specHash()));
    }
    return new StoreSnapshot(revision, experiments, results, similarity);
  }

  /** The results of one experiment (empty when it has none or is not here). */
  public List<JobResult> results(String specHash) {
    return results.getOrDefault(specHash, List.of());
  }
}
