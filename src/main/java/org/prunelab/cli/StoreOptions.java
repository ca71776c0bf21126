package org.prunelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.report.StoredExperiments;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.ResultsStore;
import org.prunelab.results.ResultsStoreException;
import picocli.CommandLine.Option;

/** Options that open an existing results store and pick one experiment and mode in it. */
final class StoreOptions {
  @Option(names = "--store", description = "Results store the sweep wrote (SQLite file).")
  Path store;

  @Option(
      names = "--experiment",
      description = "Experiment name or spec hash (prefix) (default: the latest one).")
  String experiment;

  @Option(
      names = "--mode",
      description = "Mode of the pruned jobs (default: the experiment's only mode).")
  String mode;

  /** Opens the store, refusing a file that does not exist (opening would create an empty one). */
  ResultsStore open(String what) {
    if (store == null) {
      throw new ResultsStoreException(
          what + " needs --store FILE, the results store an experiment run wrote");
    }
    if (!Files.isRegularFile(store)) {
      throw new ResultsStoreException(
          "no results store at "
              + store
              + "; pass the file that 'prunelab experiment"
              + " run' wrote with --store");
    }
    requireNotEmpty(store);
    return ResultsStore.openReadOnly(store);
  }

  /**
   * Refuses an empty file: SQLite would take it for a new database and a read-only command would
   * write a schema into it.
   *
   * @throws ResultsStoreException naming the file and how a store is written
   */
  static void requireNotEmpty(Path file) {
    try {
      if (Files.size(file) == 0) {
        throw new ResultsStoreException(
            "results store "
                + file
                + " is an empty file, not a results store; 'prunelab experiment run SPEC.yaml"
                + " --store "
                + file
                + "' writes one");
      }
    } catch (IOException e) {
      throw new ResultsStoreException("cannot read results store " + file + ": " + e, e);
    }
  }

  /** The chosen experiment of an open store. */
  ExperimentRecord experiment(ResultsStore open) {
    return StoredExperiments.select(open, experiment);
  }

  /** The chosen experiment's jobs in the chosen mode. */
  Sweep sweep(ResultsStore open, ExperimentRecord chosen) {
    return StoredExperiments.sweep(open, chosen, mode);
  }
}
