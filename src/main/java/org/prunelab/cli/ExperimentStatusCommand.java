package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.SweepJobs;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;
import org.prunelab.results.ResultsStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab experiment status --store results.db [SPEC.yaml]}: every experiment in the store
 * (or the one of the spec) with its finished and total jobs; with a spec, also the jobs still to
 * run.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "List the experiments in a results store with finished/total jobs.")
final class ExperimentStatusCommand implements Runnable {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SPEC.yaml",
      description = "Only this experiment, with the " + "jobs it still has to run.")
  Path specFile;

  @Option(
      names = "--store",
      required = true,
      description = "Results store: an SQLite file or a JDBC URL.")
  String store;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    ExperimentSpec only = specFile == null ? null : ExperimentSpecs.load(specFile);
    if (!store.startsWith("jdbc:") && !Path.of(store).toFile().exists()) {
      throw new ResultsStoreException(
          "results store "
              + store
              + " does not exist; run `prunelab experiment run "
              + "SPEC.yaml --store "
              + store
              + "` first");
    }
    if (!store.startsWith("jdbc:")) {
      StoreOptions.requireNotEmpty(Path.of(store));
    }
    try (ResultsStore results =
        store.startsWith("jdbc:")
            ? ExperimentCommand.openStore(store)
            : ResultsStore.openReadOnly(Path.of(store))) {
      out.printf(
          Locale.ROOT,
          "%-24s %-12s %9s %7s  %s%n",
          "experiment",
          "spec",
          "finished",
          "total",
          "created");
      if (only != null) {
        String hash = ExperimentSpecs.hash(only);
        List<JobKey> keys = SweepJobs.expand(only);
        Set<JobKey> done = results.finishedKeys(hash);
        ExperimentRecord record = results.experiment(hash);
        print(
            out,
            only.name(),
            hash,
            done,
            keys,
            record == null ? "not started" : record.createdAt().toString());
        keys.stream()
            .filter(k -> !done.contains(k))
            .forEach(k -> out.println("  to run: " + SweepJobs.label(k)));
        return;
      }
      for (ExperimentRecord record : results.experiments()) {
        List<JobKey> keys = SweepJobs.expand(ExperimentSpecs.parse(record.specText()));
        print(
            out,
            record.name(),
            record.specHash(),
            results.finishedKeys(record.specHash()),
            keys,
            record.createdAt().toString());
      }
    }
  }

  private static void print(
      PrintWriter out,
      String name,
      String hash,
      Set<JobKey> done,
      List<JobKey> keys,
      String created) {
    long finished = keys.stream().filter(done::contains).count();
    out.printf(
        Locale.ROOT,
        "%-24s %-12s %9d %7d  %s%n",
        name,
        hash.substring(0, 12),
        finished,
        keys.size(),
        created);
  }
}
