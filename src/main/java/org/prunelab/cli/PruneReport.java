package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunelab.prune.allocate.Allocation;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.ManualAllocator;
import org.prunelab.prune.method.PruneOutcome;
import org.prunelab.train.Metrics;

/**
 * The text and JSON report of a prune: per unit what it kept, realised size and FLOPs, accuracy.
 */
final class PruneReport {
  private PruneReport() {}

  static void print(
      PrintWriter out, PruneOutcome outcome, Budget budget, Metrics metrics, Path file) {
    Allocation allocation = outcome.allocation();
    if (fromFile(allocation)) {
      out.printf(
          Locale.ROOT,
          "%s, per-layer keep ratios from the allocation file (no budget requested)%n",
          outcome.method());
    } else {
      out.printf(
          Locale.ROOT,
          "%s, %s allocation, keep %s of %s requested%n",
          outcome.method(),
          allocation.allocator(),
          budget.keepRatio(),
          budget.kind().label());
    }
    String unit = outcome.keptChannels().isEmpty() ? "weights" : "channels";
    int width =
        Math.max(24, allocation.ids().stream().mapToInt(String::length).max().orElse(0) + 2);
    out.printf(
        Locale.ROOT,
        "%-" + width + "s %12s %12s %8s%n",
        outcome.keptChannels().isEmpty() ? "parameter" : "group",
        "kept " + unit,
        "of",
        "ratio");
    int[] kept = allocation.kept();
    List<String> ids = allocation.ids();
    int[] full = allocation.elements();
    for (int u = 0; u < ids.size(); u++) {
      out.printf(
          Locale.ROOT,
          "%-" + width + "s %12d %12d %8.3f%n",
          ids.get(u),
          kept[u],
          full[u],
          (double) kept[u] / full[u]);
    }
    out.printf(
        Locale.ROOT,
        "parameters %s -> %s (%.4f kept), FLOPs %s -> %s (%.4f kept)%n",
        Numbers.grouped(outcome.original().parameters()),
        Numbers.grouped(outcome.realised().parameters()),
        outcome.parameterRatio(),
        Numbers.si(outcome.original().macs()),
        Numbers.si(outcome.realised().macs()),
        outcome.flopRatio());
    out.printf(
        Locale.ROOT,
        "scores %.2f s, total %.2f s%n",
        outcome.scoring().toMillis() / 1e3,
        outcome.total().toMillis() / 1e3);
    printAccuracyAndFile(out, "pruned", metrics, file);
  }

  /**
   * The accuracy line ("LABEL test accuracy: top-1 ...") when measured, and where the model went.
   */
  static void printAccuracyAndFile(PrintWriter out, String label, Metrics metrics, Path file) {
    if (metrics != null) {
      out.printf(
          Locale.ROOT,
          "%s test accuracy: top-1 %s, top-5 %s, loss %.4f (%d images)%n",
          label,
          Numbers.percent(metrics.top1()),
          Numbers.percent(metrics.top5()),
          metrics.loss(),
          metrics.samples());
    }
    if (file != null) {
      out.println("wrote " + file);
    }
  }

  /** The measured metrics in a JSON report, when measured. */
  static void putMetrics(Map<String, Object> report, Metrics metrics) {
    if (metrics != null) {
      report.put("top1", metrics.top1());
      report.put("top5", metrics.top5());
      report.put("loss", metrics.loss());
      report.put("testImages", metrics.samples());
    }
  }

  static Map<String, Object> json(PruneOutcome outcome, Budget budget, Metrics metrics, Path file) {
    Allocation allocation = outcome.allocation();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("method", outcome.method());
    result.put("allocation", allocation.allocator());
    result.put("budget", budget.kind().cliName());
    result.put("keepRequested", fromFile(allocation) ? null : budget.keepRatio());
    result.put("allocatorLevel", Double.isNaN(allocation.level()) ? null : allocation.level());
    List<Map<String, Object>> units = new java.util.ArrayList<>();
    int[] kept = allocation.kept();
    int[] full = allocation.elements();
    for (int u = 0; u < kept.length; u++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", allocation.ids().get(u));
      row.put("kept", kept[u]);
      row.put("of", full[u]);
      if (!outcome.keptChannels().isEmpty()) {
        row.put("channels", outcome.keptChannels().get(allocation.ids().get(u)));
      }
      units.add(row);
    }
    result.put(outcome.keptChannels().isEmpty() ? "tensors" : "groups", units);
    result.put("originalParameters", outcome.original().parameters());
    result.put("parameters", outcome.realised().parameters());
    result.put("parameterRatio", outcome.parameterRatio());
    result.put("originalFlops", outcome.original().macs());
    result.put("flops", outcome.realised().macs());
    result.put("flopRatio", outcome.flopRatio());
    result.put("scoringSeconds", outcome.scoring().toMillis() / 1e3);
    result.put("totalSeconds", outcome.total().toMillis() / 1e3);
    putMetrics(result, metrics);
    if (file != null) {
      result.put("out", file.toString());
    }
    return result;
  }

  /** Whether the allocation is a file's per-layer ratios (the budget then requests nothing). */
  private static boolean fromFile(Allocation allocation) {
    return allocation.allocator().equals(new ManualAllocator(Map.of()).name());
  }
}
