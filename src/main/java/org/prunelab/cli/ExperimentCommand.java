package org.prunelab.cli;

import java.nio.file.Path;
import org.prunelab.results.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab experiment}: sweeps from YAML specs into a results store. Each subcommand is its
 * own class listed here ({@code run}, {@code status}, {@code report}); add new ones to {@code
 * subcommands}.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Run experiment sweeps from YAML specs and inspect the results store.",
    subcommands = {ExperimentRunCommand.class, ExperimentStatusCommand.class, ReportCommand.class})
final class ExperimentCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens {@code --store}: a JDBC URL ({@code jdbc:...}) or the path of an SQLite file. */
  static ResultsStore openStore(String store) {
    return store.startsWith("jdbc:") ? ResultsStore.open(store) : ResultsStore.open(Path.of(store));
  }
}
