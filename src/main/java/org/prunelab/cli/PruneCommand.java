package org.prunelab.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.data.DataSplits;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Allocators;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.prune.allocate.ManualAllocator;
import org.prunelab.prune.method.PruneMethod;
import org.prunelab.prune.method.PruneMethods;
import org.prunelab.prune.method.PruneOutcome;
import org.prunelab.prune.method.PruneRequest;
import org.prunelab.prune.sensitivity.SensitivityReport;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.Loaders;
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
              + "sipp-mean, ft, ft-l1, wt, snip, thinet, random-filters, random-weights; low-rank: alds, svd, svd-energy, pca, "
              + "lrank (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--keep",
      required = true,
      split = ",",
      description =
          "Fraction of the original parameters (or "
              + "FLOPs) to keep, in (0, 1]; several (0.9,0.7,0.5) prune the same scores to each.")
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
    if (LowRankPrune.handles(method)) {
      runLowRank();
      return;
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PruneMethod pruneMethod = PruneMethods.create(method, model.seed);
    List<Budget> budgets = budgets();
    Optional<Allocator> allocator = Optional.ofNullable(allocation).map(PruneCommand::allocator);
    boolean needsData = pruneMethod.needsSamples() || !noEval;
    DataSplits splits = needsData ? data.load() : null;
    try (Network net = model.open();
        NDManager manager = NDManager.newBaseManager(net.device())) {
      Normalization norm =
          needsData ? InputNormalization.of(net).orElseGet(splits::normalization) : null;
      Batch samples =
          pruneMethod.needsSamples() ? sampleOptions.load(net, splits, norm, manager, err) : null;
      TerminalProgress progress = new TerminalProgress(err);
      SensitivityReport scores =
          pruneMethod.score(net, PruneRequest.of(budgets.get(0), samples, model.seed), progress);
      List<Map<String, Object>> reports = new ArrayList<>();
      for (Budget budget : budgets) {
        try (PruneOutcome outcome =
            pruneMethod.prune(
                net, scores, new PruneRequest(budget, allocator, samples, model.seed))) {
          Metrics metrics =
              noEval
                  ? null
                  : Evaluator.evaluate(
                      outcome.network(), Loaders.evaluation(testSet(splits), norm), progress);
          if (outFile != null) {
            PrunedModelFiles.write(outcome.network(), outFile);
          }
          if (json) {
            reports.add(PruneReport.json(outcome, budget, metrics, outFile));
          } else {
            PruneReport.print(out, outcome, budget, metrics, outFile);
          }
        }
      }
      if (json) {
        Json.print(out, reports.size() == 1 ? reports.get(0) : reports);
      }
    }
  }

  private void runLowRank() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (allocation != null) {
      throw new InvalidSettingException(
          "--allocation applies to pruning methods; " + method + " allocates ranks " + "itself");
    }
    List<Budget> budgets = budgets();
    boolean needsSamples = org.prunelab.lowrank.LowRankMethod.parse(method).needsSamples();
    DataSplits splits = needsSamples || !noEval ? data.load() : null;
    try (Network net = model.open();
        NDManager manager = NDManager.newBaseManager(net.device())) {
      Normalization norm =
          splits == null ? null : InputNormalization.of(net).orElseGet(splits::normalization);
      Batch samples = needsSamples ? sampleOptions.load(net, splits, norm, manager, err) : null;
      TerminalProgress progress = new TerminalProgress(err);
      List<Map<String, Object>> reports =
          LowRankPrune.run(
              net,
              method,
              budgets,
              samples,
              model.seed,
              progress,
              compressed ->
                  noEval
                      ? null
                      : Evaluator.evaluate(
                          compressed, Loaders.evaluation(testSet(splits), norm), progress),
              outFile,
              out,
              json);
      if (json) {
        Json.print(out, reports.size() == 1 ? reports.get(0) : reports);
      }
    }
  }

  /** The requested budgets, validated; one only when a model file is to be written. */
  private List<Budget> budgets() {
    List<Budget> budgets = keeps.stream().map(k -> new Budget(budgetKind(), k)).toList();
    if (outFile != null && budgets.size() > 1) {
      throw new InvalidSettingException("--out writes one model: give one --keep with it");
    }
    return budgets;
  }

  private ImageDataset testSet(DataSplits splits) {
    ImageDataset test = splits.test();
    if (testImages == null) {
      return test;
    }
    if (testImages < 1 || testImages > test.size()) {
      throw new InvalidSettingException(
          "--test-images must be between 1 and " + test.size() + ", got " + testImages);
    }
    return test.subset(java.util.stream.IntStream.range(0, testImages).toArray());
  }

  private BudgetKind budgetKind() {
    return switch (budget.toLowerCase(Locale.ROOT)) {
      case "params", "parameters" -> BudgetKind.PARAMETERS;
      case "flops", "macs" -> BudgetKind.FLOPS;
      default ->
          throw new InvalidSettingException(
              "--budget must be params or flops, got '" + budget + "'");
    };
  }

  private static Allocator allocator(String value) {
    if (Allocators.NAMES.contains(value)) {
      return Allocators.byName(value);
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      throw new PruneLabException(
          "--allocation '"
              + value
              + "' is neither one of "
              + Allocators.NAMES
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
