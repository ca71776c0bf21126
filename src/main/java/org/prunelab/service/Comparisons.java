package org.prunelab.service;

import java.nio.file.Path;
import java.util.Map;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkSummary;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * The before/after comparisons the workbench shows, as job bodies that run on the device worker:
 * the opened model against the network an allocation prunes it to, against a compressed network in
 * a file, or two files against each other. Every network opened here is closed before the job
 * returns; only the {@link NetworkComparison} comes back.
 */
public final class Comparisons {
  private Comparisons() {}

  /** The opened model against the network {@link ManualPruning#prune} builds for {@code kept}. */
  public static NetworkComparison withKept(
      LoadedModel model, Map<String, int[]> kept, String label, JobContext ctx) {
    ctx.progress(0, 1, "pruning for the comparison");
    try (Network pruned = ManualPruning.prune(model, kept)) {
      return NetworkComparison.of(name(model.source()), model.summary(), label, pruned.summary());
    }
  }

  /** The opened model against the network in {@code file} (.plm or .onnx). */
  public static NetworkComparison withFile(LoadedModel model, Path file, JobContext ctx) {
    return NetworkComparison.of(
        name(model.source()), model.summary(), name(file.toString()), summary(file, ctx));
  }

  /** The network in {@code original} against the one in {@code compressed}. */
  public static NetworkComparison files(Path original, Path compressed, JobContext ctx) {
    return NetworkComparison.of(
        name(original.toString()),
        summary(original, ctx),
        name(compressed.toString()),
        summary(compressed, ctx));
  }

  private static NetworkSummary summary(Path file, JobContext ctx) {
    ctx.progress(0, 1, "reading " + file.getFileName());
    try (Network network =
        ModelResolver.open(file.toString(), ZooOptions.grey28(), Devices.preferred(), 0)) {
      return network.summary();
    }
  }

  private static String name(String source) {
    Path file = Path.of(source).getFileName();
    return file == null ? source : file.toString();
  }
}
