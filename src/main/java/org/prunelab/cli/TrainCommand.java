package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.DataSplits;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.train.EpochRecord;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.LearningRateSchedule;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import org.prunelab.train.OptimizerSpec;
import org.prunelab.train.Trainer;
import org.prunelab.train.TrainingRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab train}: trains a zoo model (or continues a model file) and saves it with its test
 * accuracy.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a model on a dataset and save it (.plm) with its test accuracy.")
final class TrainCommand implements Runnable {
  @Mixin ModelOptions model;
  @Mixin DataOptions data;

  @Option(names = "--epochs", required = true, description = "Training epochs.")
  int epochs;

  @Option(
      names = "--lr",
      defaultValue = "0.05",
      description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(
      names = "--batch",
      defaultValue = "128",
      description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--optimizer",
      defaultValue = "sgd",
      description = "sgd, adam or adamw (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(
      names = "--momentum",
      defaultValue = "0.9",
      description = "SGD momentum (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(names = "--no-nesterov", description = "Plain instead of Nesterov momentum.")
  boolean noNesterov;

  @Option(
      names = "--weight-decay",
      defaultValue = "5e-4",
      description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(
      names = "--schedule",
      defaultValue = "cosine",
      description = "constant, step, multistep or cosine (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(
      names = "--milestones",
      split = ",",
      description =
          "Epochs where multistep divides the " + "rate by 10; step uses the first as its period.")
  List<Integer> milestones = List.of();

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description = "Linear warm-up epochs, 0 for none " + "(default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(
      names = "--crop-padding",
      defaultValue = "2",
      description = "Random-crop padding in pixels, 0 for none " + "(default: ${DEFAULT-VALUE}).")
  int cropPadding;

  @Option(names = "--flip", description = "Random horizontal flips.")
  boolean flip;

  @Option(names = "--out", required = true, description = "Model file to write (.plm).")
  Path out;

  @Option(names = "--force", description = "Write --out even when it is the --model file.")
  boolean force;

  @Option(names = "--json", description = "Print the history and test metrics as JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (epochs <= 0) {
      throw new InvalidSettingException("--epochs must be positive, got " + epochs);
    }
    model.requireOutputIsNotTheModel(out, force);
    TrainingRecipe recipe =
        new TrainingRecipe(
            epochs, batch, optimizerSpec(), scheduleSpec(), cropPadding, flip, model.seed);
    DataSplits splits = data.load();
    try (Network net = model.open()) {
      err.printf(
          "training %s on %s: %d train / %d validation images, %s parameters, device %s%n",
          model.model,
          splits.train().name(),
          splits.train().size(),
          splits.validation().size(),
          Numbers.grouped(net.parameterCount()),
          net.device());
      InputNormalization.store(net, splits.normalization());
      List<EpochRecord> history =
          new Trainer(recipe)
              .fit(
                  net,
                  Loaders.training(splits.train(), splits.normalization(), recipe),
                  splits.validation().size() == 0
                      ? Optional.empty()
                      : Optional.of(
                          Loaders.evaluation(splits.validation(), splits.normalization())),
                  new TerminalProgress(err));
      for (EpochRecord r : history) {
        err.printf(
            Locale.ROOT,
            "epoch %d: train loss %.4f acc %.4f | %s | lr %.4g | %.1f s%n",
            r.epoch(),
            r.trainLoss(),
            r.trainTop1(),
            r.validation() == null
                ? "no validation set"
                : String.format(
                    Locale.ROOT,
                    "val loss %.4f acc %.4f",
                    r.validation().loss(),
                    r.validation().top1()),
            r.lr(),
            r.seconds());
      }
      Metrics test =
          Evaluator.evaluate(
              net,
              Loaders.evaluation(splits.test(), splits.normalization()),
              new TerminalProgress(err));
      record(net, splits, test);
      Checkpoint.save(net, out);
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", out.toString());
        result.put("history", history);
        result.put("test", test);
        Json.print(stdout, result);
      } else {
        stdout.printf(
            Locale.ROOT,
            "test accuracy %s (top-5 %s), loss %.4f on %d images; saved %s%n",
            Numbers.percent(test.top1()),
            Numbers.percent(test.top5()),
            test.loss(),
            test.samples(),
            out);
      }
    }
  }

  private void record(Network net, DataSplits splits, Metrics test) {
    Map<String, String> meta = net.metadata();
    meta.put("dataset", splits.train().name());
    meta.put("trained.epochs", Integer.toString(epochs));
    meta.put("trained.at", Instant.now().toString());
    meta.put("test.top1", String.format(Locale.ROOT, "%.4f", test.top1()));
    meta.put("test.loss", String.format(Locale.ROOT, "%.4f", test.loss()));
  }

  private OptimizerSpec optimizerSpec() {
    return switch (optimizer.toLowerCase(Locale.ROOT)) {
      case "sgd" -> OptimizerSpec.sgd(momentum, !noNesterov && momentum > 0, weightDecay);
      case "adam" -> OptimizerSpec.adam(weightDecay);
      case "adamw" -> OptimizerSpec.adamW(weightDecay);
      default ->
          throw new InvalidSettingException(
              "--optimizer must be sgd, adam or adamw, got '" + optimizer + "'");
    };
  }

  private LearningRateSchedule scheduleSpec() {
    LearningRateSchedule base =
        switch (schedule.toLowerCase(Locale.ROOT)) {
          case "constant" -> LearningRateSchedule.constant(lr);
          case "cosine" -> new LearningRateSchedule.Cosine(lr, 0, epochs);
          case "step" ->
              new LearningRateSchedule.Step(
                  lr, milestones.isEmpty() ? Math.max(1, epochs / 3) : milestones.get(0), 0.1);
          case "multistep" ->
              new LearningRateSchedule.MultiStep(
                  lr,
                  milestones.isEmpty()
                      ? new int[] {Math.max(1, epochs / 2), Math.max(2, 3 * epochs / 4)}
                      : milestones.stream().mapToInt(Integer::intValue).toArray(),
                  0.1);
          default ->
              throw new InvalidSettingException(
                  "--schedule must be constant, step, multistep or cosine, got '" + schedule + "'");
        };
    return warmup > 0 ? new LearningRateSchedule.Warmup(warmup, base) : base;
  }
}
