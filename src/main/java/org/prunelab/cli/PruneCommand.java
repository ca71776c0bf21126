package org.prunelab.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.prune.allocate.ManualAllocator;
import org.prunelab.service.Analysis;
import org.prunelab.service.Compressed;
import org.prunelab.service.Compression;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.Evaluation;
import org.prunelab.service.FactoredNetwork;
import org.prunelab.service.ModelFiles;
import org.prunelab.service.PrunedNetwork;
import org.prunelab.train.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab prune}: prunes a model to a budget with one method and allocation, prints what
 * each layer kept, the realised size and FLOPs and the pruned network's test accuracy, and writes
 * the pruned model.
 */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description =
        "Prune a model to a parameter or FLOP budget and report what it keeps and its accuracy.")
final class PruneCommand implements Runnable {
  @Mixin ModelOptions model;
  @Mixin DataOptions data;
  @Mixin SampleOptions sampleOptions;

  @Option(
      names = "--method",
      defaultValue = "pfp",
      description =
          "Pruning: pfp, pfp-random, pfp-top-random, sipp, "
              + "sipp-max, ft, softnet, wt, snip, thinet, random-filters, random-weights; low-rank: alds, svd, svd-energy, pca, "
              + "lrank (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--keep",
      split = ",",
      description =
          "Fraction of the original parameters (or "
              + "FLOPs) to keep, in (0, 1]; several (0.9,0.7,0.5) prune the same scores to each."
              + " Required unless --allocation names a file of per-layer ratios.")
  List<Double> keeps;

  @Option(
      names = "--budget",
      defaultValue = "params",
      description = "params or flops (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--allocation",
      description =
          "uniform, optimal, global, global-raw, or a JSON file of per-layer "
              + "keep ratios {\"layer\": 0.5, ...} (default: the method's own).")
  String allocation;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the pruned model here: .onnx (standard ONNX) or .plm.")
  Path outFile;

  @Option(names = "--force", description = "Write --out even when it is the --model file.")
  boolean force;

  @Option(names = "--no-eval", description = "Skip the test-set evaluation of the pruned model.")
  boolean noEval;

  @Option(
      names = "--test-images",
      description = "Evaluate on the first N test images only (default: all).")
  Integer testImages;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CompressionMethod compressionMethod = CompressionMethod.parse(method);
    List<Budget> budgets = budgets();
    if (allocation != null && !compressionMethod.prunes()) {
      throw new InvalidSettingException(
          "--allocation applies to pruning methods; " + method + " allocates ranks itself");
    }
    Optional<Allocator> allocator = Optional.ofNullable(allocation).map(PruneCommand::allocator);
    boolean needsData = compressionMethod.needsSamples() || !noEval;
    try (CommandModel opened = CommandModel.open(model, data, needsData)) {
      Network net = opened.network();
      TerminalProgress progress = new TerminalProgress(err);
      Compression compression = compressionMethod.compression(model.seed);
      Analysis analysis =
          compressionMethod.needsSamples()
              ? compression.analyse(
                  net,
                  opened.data().sampleSet(),
                  opened.normalization(),
                  opened.samples(sampleOptions, err),
                  progress)
              : compression.analyse(net, (Batch) null, progress);
      List<Map<String, Object>> reports = new ArrayList<>();
      for (Budget budget : budgets) {
        try (Compressed compressed = compression.compress(net, analysis, budget, allocator)) {
          Metrics metrics =
              noEval
                  ? null
                  : Evaluation.evaluate(
                      compressed.network(),
                      opened.testImages(testImages),
                      opened.normalization(),
                      progress);
          if (outFile != null) {
            ModelFiles.write(compressed.network(), outFile);
          }
          if (json) {
            reports.add(report(compressed, net, budget, metrics));
          } else {
            print(out, compressed, net, budget, metrics);
          }
        }
      }
      if (json) {
        Json.print(out, reports.size() == 1 ? reports.get(0) : reports);
      }
    }
  }

  private Map<String, Object> report(
      Compressed compressed, Network original, Budget budget, Metrics metrics) {
    if (compressed instanceof PrunedNetwork pruned) {
      return PruneReport.json(pruned.outcome(), budget, metrics, outFile);
    }
    return LowRankReport.json(
        ((FactoredNetwork) compressed).result(), budget, original, compressed.network(), metrics);
  }

  private void print(
      PrintWriter out, Compressed compressed, Network original, Budget budget, Metrics metrics) {
    if (compressed instanceof PrunedNetwork pruned) {
      PruneReport.print(out, pruned.outcome(), budget, metrics, outFile);
    } else {
      LowRankReport.print(
          out,
          ((FactoredNetwork) compressed).result(),
          budget,
          original,
          compressed.network(),
          metrics,
          outFile);
    }
  }

  /**
   * The requested budgets, validated; one only when a model file is to be written. An allocation
   * file's ratios decide the size themselves, so it takes no --keep (its one budget, 1, requests
   * nothing; the manual allocator does not read it).
   */
  private List<Budget> budgets() {
    BudgetKind kind = BudgetKind.parse("--budget", budget);
    boolean fromFile = allocation != null && !AllocatorKind.names().contains(allocation);
    if (fromFile && keeps != null) {
      throw new InvalidSettingException(
          "--keep and --allocation FILE conflict: the file's per-layer ratios set the size; leave"
              + " out --keep, or give an allocator name (optimal, uniform, ...) with --keep");
    }
    if (!fromFile && keeps == null) {
      throw new InvalidSettingException(
          "give --keep R, the fraction of the model's "
              + kind.label()
              + " to keep (e.g. --keep 0.5), or --allocation FILE with per-layer keep ratios");
    }
    List<Budget> budgets =
        fromFile
            ? List.of(new Budget(kind, 1))
            : keeps.stream().map(k -> new Budget(kind, k)).toList();
    if (outFile != null && budgets.size() > 1) {
      throw new InvalidSettingException("--out writes one model: give one --keep with it");
    }
    if (outFile != null) {
      model.requireOutputIsNotTheModel(outFile, force);
    }
    return budgets;
  }

  private static Allocator allocator(String value) {
    if (AllocatorKind.names().contains(value)) {
      return AllocatorKind.parse(value).create();
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      throw new PruneLabException(
          "--allocation '"
              + value
              + "' is neither one of "
              + AllocatorKind.names()
              + " nor a readable JSON file of per-layer keep ratios");
    }
    try {
      Map<String, Double> ratios =
          new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
      return new ManualAllocator(new LinkedHashMap<>(ratios));
    } catch (IOException e) {
      throw new PruneLabException(
          "allocation file "
              + file
              + " is not a JSON object of layer names to keep ratios "
              + "("
              + e.getMessage().lines().findFirst().orElse("")
              + ")",
          e);
    }
  }
}
