package org.prunelab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.metrics.ExcessErrors;
import org.prunelab.experiment.metrics.PrunePotentials;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.report.ExperimentReport;
import org.prunelab.experiment.report.ReportOptions;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab experiment report}: the Markdown report of an experiment in a results store
 * ({@link ExperimentReport}), written to a file or printed.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Markdown report of an experiment: prune potential per method and test distribution, accuracy "
            + "at commensurate sizes, excess error per corruption with bootstrap slope intervals.")
final class ReportCommand implements Runnable {
  @Mixin StoreOptions store;

  @Option(names = "--out", description = "Markdown file to write (default: print).")
  Path out;

  @Option(
      names = "--tolerance",
      defaultValue = "0.005",
      description =
          "Prune potential tolerance delta, a "
              + "fraction of top-1 error; the report adds 0.01 and 0.02 (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--resamples",
      defaultValue = "" + ExcessErrors.DEFAULT_RESAMPLES,
      description =
          "Bootstrap " + "resamples B of the slope intervals (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new InvalidSettingException(
          "--tolerance is a fraction of top-1 error in [0, 1) (default "
              + PrunePotentials.DEFAULT_TOLERANCE
              + " = 0.5 points), got "
              + tolerance);
    }
    ReportOptions standard = ReportOptions.standard(tolerance);
    ReportOptions options = new ReportOptions(standard.tolerances(), resamples, seed);
    String markdown;
    String name;
    try (ResultsStore results = store.open("report")) {
      ExperimentRecord experiment = store.experiment(results);
      Sweep sweep = store.sweep(results, experiment);
      markdown =
          ExperimentReport.markdown(
              experiment, sweep, results.features(experiment.specHash()), options);
      name = experiment.name();
    }
    if (out == null) {
      spec.commandLine().getOut().print(markdown);
      return;
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PruneLabException(
          "cannot write the report to "
              + out
              + " ("
              + e.getMessage()
              + "); choose a"
              + " writable file",
          e);
    }
    spec.commandLine().getOut().println("wrote " + out + " (report of experiment " + name + ")");
  }
}
