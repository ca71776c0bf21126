package org.prunelab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.prunelab.data.DataSplits;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.corrupt.CorruptedDataset;
import org.prunelab.data.corrupt.Corruptions;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Network;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab eval}: top-1, top-5 and loss of a model on a dataset split (the test split by
 * default).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Accuracy (top-1, top-5) and loss of a model on the test split (or validation / S), clean or "
            + "under a corruption.")
final class EvalCommand implements Runnable {
  @Mixin ModelOptions model;
  @Mixin DataOptions data;

  @Option(
      names = "--split",
      defaultValue = "test",
      description = "test, validation or sample (default: " + "${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--corruption",
      description =
          "Corrupt the images first (data.corrupt name, e.g. fog, "
              + "gaussian_noise, motion_blur).")
  String corruption;

  @Option(
      names = "--severity",
      defaultValue = "3",
      description = "Corruption severity 1-5 (default: ${DEFAULT-VALUE}).")
  int severity;

  @Option(
      names = "--corruption-seed",
      defaultValue = "0",
      description = "Seed of the corruption's random draws.")
  long corruptionSeed;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataSplits splits = data.load();
    ImageDataset chosen =
        switch (split) {
          case "test" -> splits.test();
          case "validation" -> splits.validation();
          case "sample" -> splits.sampleSet();
          default ->
              throw new InvalidSettingException(
                  "--split must be test, validation or sample, got '" + split + "'");
        };
    if (chosen.size() == 0) {
      throw new InvalidSettingException(
          "the "
              + split
              + " split of "
              + chosen.name()
              + " is empty; hold out images for it with "
              + (split.equals("sample") ? "--sample-set N" : "--validation N"));
    }
    ImageDataset set =
        corruption == null
            ? chosen
            : CorruptedDataset.of(chosen, Corruptions.byName(corruption), severity, corruptionSeed);
    try (Network net = model.open()) {
      Normalization norm =
          InputNormalization.of(net)
              .orElseGet(
                  () -> {
                    err.println(
                        "note: the model stores no input normalisation; using the training split's statistics");
                    return splits.normalization();
                  });
      Metrics m = Evaluator.evaluate(net, Loaders.evaluation(set, norm), new TerminalProgress(err));
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.model);
        result.put("dataset", set.name());
        result.put("split", split);
        result.put("corruption", corruption == null ? null : corruption + "/" + severity);
        result.put("top1", m.top1());
        result.put("top5", m.top5());
        result.put("loss", m.loss());
        result.put("samples", m.samples());
        Json.print(out, result);
      } else {
        out.printf(
            Locale.ROOT,
            "%s on %s (%s, %d images): top-1 %s, top-5 %s, loss %.4f%n",
            model.model,
            set.name(),
            split,
            m.samples(),
            Numbers.percent(m.top1()),
            Numbers.percent(m.top5()),
            m.loss());
      }
    }
  }
}
