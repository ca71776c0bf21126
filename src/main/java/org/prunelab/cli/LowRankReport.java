package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunelab.lowrank.LayerPlan;
import org.prunelab.lowrank.LowRankResult;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.train.Metrics;

/**
 * The report of a low-rank {@code prunelab prune} (alds, svd, svd-energy, pca, lrank): per layer
 * the groups K, rank j of r_max and predicted error, the realised size and the accuracy.
 */
final class LowRankReport {
  private LowRankReport() {}

  static void print(
      PrintWriter out,
      LowRankResult result,
      Budget budget,
      Network original,
      Network compressed,
      Metrics metrics,
      Path file) {
    out.printf(
        Locale.ROOT,
        "%s, keep %s of %s requested, largest layer error %.4f%n",
        result.plan().method().cliName(),
        budget.keepRatio(),
        budget.kind().label(),
        result.plan().maxError());
    out.printf(
        Locale.ROOT,
        "%-28s %8s %6s %12s %10s%n",
        "layer",
        "groups K",
        "rank j",
        "of r_max",
        "error");
    for (LayerPlan layer : result.plan().layers()) {
      if (layer.factored()) {
        out.printf(
            Locale.ROOT,
            "%-28s %8d %6d %12d %10.4f%n",
            layer.node(),
            layer.groups(),
            layer.rank(),
            layer.maxRank(),
            layer.error());
      } else {
        out.printf(
            Locale.ROOT, "%-28s %8s %6s %12s %10s%n", layer.node(), "-", "-", "not factored", "0");
      }
    }
    out.printf(
        Locale.ROOT,
        "parameters %s -> %s (%.4f kept), FLOPs %s -> %s (%.4f kept)%n",
        Numbers.grouped(original.parameterCount()),
        Numbers.grouped(compressed.parameterCount()),
        (double) compressed.parameterCount() / original.parameterCount(),
        Numbers.si(original.macs()),
        Numbers.si(compressed.macs()),
        (double) compressed.macs() / original.macs());
    PruneReport.printAccuracyAndFile(out, "compressed", metrics, file);
  }

  static Map<String, Object> json(
      LowRankResult result, Budget budget, Network original, Network compressed, Metrics metrics) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("method", result.plan().method().cliName());
    r.put("allocation", result.plan().method().cliName());
    r.put("budget", budget.kind().cliName());
    r.put("keepRequested", budget.keepRatio());
    r.put("maxError", result.plan().maxError());
    List<Map<String, Object>> layers = new ArrayList<>();
    for (LayerPlan layer : result.plan().layers()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("layer", layer.node());
      row.put("factored", layer.factored());
      row.put("groups", layer.groups());
      row.put("rank", layer.rank());
      row.put("maxRank", layer.maxRank());
      row.put("error", layer.error());
      layers.add(row);
    }
    r.put("layers", layers);
    r.put("originalParameters", original.parameterCount());
    r.put("parameters", compressed.parameterCount());
    r.put("parameterRatio", (double) compressed.parameterCount() / original.parameterCount());
    r.put("originalFlops", original.macs());
    r.put("flops", compressed.macs());
    r.put("flopRatio", (double) compressed.macs() / original.macs());
    PruneReport.putMetrics(r, metrics);
    return r;
  }
}
