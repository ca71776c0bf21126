package org.prunelab.ui.experiments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.StoreSnapshot;

/**
 * Turns the experiments of a store snapshot into {@link ExperimentRow}s, reading each experiment's
 * spec text once: an experiment's id is the hash of its spec, so its text never changes, and
 * parsing every spec again for each snapshot (every landed job) would cost the FX thread
 * milliseconds per experiment. A text that is no sweep spec (runs recorded by hand) gives a row
 * without a spec.
 */
public final class ExperimentRows {
  private final Map<String, Optional<ExperimentSpec>> specs = new HashMap<>();

  /** The rows of {@code snapshot}'s experiments, oldest first. */
  public List<ExperimentRow> of(StoreSnapshot snapshot) {
    return snapshot.experiments().stream().map(e -> row(e, snapshot)).toList();
  }

  private ExperimentRow row(ExperimentRecord record, StoreSnapshot snapshot) {
    ExperimentSpec spec =
        specs.computeIfAbsent(record.specHash(), h -> parse(record.specText())).orElse(null);
    int finished = snapshot.results(record.specHash()).size();
    return new ExperimentRow(record, spec, finished, spec == null ? 0 : spec.jobCount() + 1);
  }

  private static Optional<ExperimentSpec> parse(String text) {
    try {
      return Optional.of(ExperimentSpecs.parse(text));
    } catch (PruneLabException e) {
      return Optional.empty();
    }
  }
}
