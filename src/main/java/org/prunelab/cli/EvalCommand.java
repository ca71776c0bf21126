package org.prunelab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunelab.data.DataSplits;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.corrupt.Corruptions;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.service.Evaluation;
import org.prunelab.service.TestDistribution;
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
    if (!List.of("test", "validation", "sample").contains(split)) {
      throw new InvalidSettingException(
          "--split must be test, validation or sample, got '" + split + "'");
    }
    try (CommandModel opened = CommandModel.open(model, data)) {
      DataSplits splits = opened.data();
      ImageDataset chosen =
          switch (split) {
            case "validation" -> splits.validation();
            case "sample" -> splits.sampleSet();
            default -> splits.test();
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
              : new TestDistribution.Corrupted(Corruptions.byName(corruption), severity)
                  .images(chosen, corruptionSeed);
      if (!opened.storesNormalization()) {
        err.println(
            "note: the model stores no input normalisation; using the training split's statistics");
      }
      Metrics m =
          Evaluation.evaluate(
              opened.network(), set, opened.normalization(), new TerminalProgress(err));
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
