package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.prunelab.experiment.ExperimentRunner;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.JobFailure;
import org.prunelab.experiment.RunSummary;
import org.prunelab.experiment.SweepJobs;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab experiment run SPEC.yaml --store results.db}: runs the sweep's unfinished jobs
 * with a progress bar and ETA on stderr, then prints every recorded job of the experiment as a
 * table. Exits 1 when a job failed.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run an experiment sweep (resuming: finished jobs in the store are skipped).")
final class ExperimentRunCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SPEC.yaml",
      description = "The experiment spec (see docs/examples/).")
  Path specFile;

  @Option(
      names = "--store",
      required = true,
      description = "Results store: an SQLite file (created if absent) or " + "a JDBC URL.")
  String store;

  @Option(
      names = "--jobs-limit",
      defaultValue = "0",
      description = "Run at most N unfinished jobs, then stop " + "(default: all).")
  int jobsLimit;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExperimentSpec experiment = ExperimentSpecs.load(specFile);
    try (ResultsStore results = ExperimentCommand.openStore(store)) {
      RunSummary summary =
          new ExperimentRunner(experiment, results, jobsLimit).run(new TerminalProgress(err));
      printTable(out, results, Set.copyOf(summary.finished()), summary.specHash());
      out.printf(
          Locale.ROOT,
          "%s (%s): %d jobs, %d finished before, %d finished now, %d failed, %d remaining%n",
          experiment.name(),
          summary.specHash().substring(0, 12),
          summary.total(),
          summary.skipped(),
          summary.finished().size(),
          summary.failures().size(),
          summary.remaining());
      for (JobFailure f : summary.failures()) {
        out.println("failed: " + SweepJobs.label(f.key()) + ": " + f.message());
      }
      return summary.failures().isEmpty() ? 0 : PruneLabCli.CHECK_FAILED;
    }
  }

  private static void printTable(
      PrintWriter out, ResultsStore results, Set<JobKey> now, String hash) {
    out.printf(
        Locale.ROOT,
        "%-16s %6s %4s %8s %8s %-14s %8s %9s %9s%n",
        "method",
        "keep",
        "rep",
        "params",
        "FLOPs",
        "distribution",
        "top-1",
        "prune s",
        "retrain s");
    for (JobResult r : results.results(hash)) {
      JobKey k = r.key();
      DistributionMetric first = r.metrics().isEmpty() ? null : r.metrics().get(0);
      out.printf(
          Locale.ROOT,
          "%-16s %6.3f %4d %8.4f %8.4f %-14s %8s %9.1f %9.1f%s%n",
          k.method(),
          k.keepRatio(),
          k.repetition(),
          r.paramRatio(),
          r.flopRatio(),
          first == null ? "-" : first.distribution(),
          first == null ? "-" : Numbers.percent(first.top1()),
          r.pruneTime().toNanos() / 1e9,
          r.retrainTime().toNanos() / 1e9,
          now.contains(k) ? "  (new)" : "");
    }
  }
}
