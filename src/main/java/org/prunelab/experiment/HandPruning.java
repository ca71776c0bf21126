package org.prunelab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.Job;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.results.ResultsStoreException;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ManualPruning;
import org.prunelab.service.ModelFiles;
import org.prunelab.service.NetworkComparison;
import org.prunelab.service.RetrainRecipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Prune or Prune &amp; Retrain of the workbench's allocation view, as a job: builds the smaller
 * network for the kept channels ({@link ManualPruning#prune}), retrains it when a recipe is given
 * and then saves it to a temporary .plm the user can keep, measures top-1 on the whole test split,
 * and records it in a results store as a run made by hand ({@link ManualRuns}). A store that cannot
 * be written is reported in the outcome; the measurement and the saved network stay.
 */
public final class HandPruning implements Job<HandPruning.Outcome> {
  private static final Logger LOG = LoggerFactory.getLogger(HandPruning.class);

  /**
   * What a hand pruning produced.
   *
   * @param measured size and top-1 on the whole test split
   * @param retrained the retrained network as a temporary .plm, null without retraining
   * @param recorded the run's method and the store's file name, null when not recorded
   * @param notRecorded why the run is not in the store, null when it is or no store was given
   * @param comparison the pruned network beside the model's, layer by layer
   */
  public record Outcome(
      ManualPruning.Measured measured,
      Path retrained,
      String recorded,
      String notRecorded,
      NetworkComparison comparison) {
    /** Top-1 on the test split. */
    public double top1() {
      return measured.top1();
    }
  }

  /**
   * Keeps the {@link ManualRuns} of the last model, so its corrupted test images are prepared once
   * per model, not once per prune. Used from the worker's jobs.
   */
  public static final class Recorder {
    private ManualRuns last;

    synchronized ManualRuns of(LoadedModel model) {
      if (last == null || last.model() != model) {
        last = ManualRuns.of(model);
      }
      return last;
    }
  }

  private final LoadedModel model;
  private final Map<String, int[]> kept;
  private final Supplier<String> method;
  private final RetrainRecipe recipe;
  private final int retrainImages;
  private final Path store;
  private final Recorder recorder;

  /**
   * A job pruning {@code model} to {@code kept} (channel indices per group), retrained with {@code
   * recipe} (null: not retrained) on the first {@code retrainImages} training images (0: all),
   * recorded in {@code store} (null: not recorded) as a run of the method {@code method} names
   * (asked inside the job).
   */
  public HandPruning(
      LoadedModel model,
      Map<String, int[]> kept,
      Supplier<String> method,
      RetrainRecipe recipe,
      int retrainImages,
      Path store,
      Recorder recorder) {
    this.model = Objects.requireNonNull(model, "model");
    this.kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
    this.method = Objects.requireNonNull(method, "method");
    this.recipe = recipe;
    this.retrainImages = retrainImages;
    this.store = store;
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  @Override
  public Outcome run(JobContext ctx) {
    long start = System.nanoTime();
    try (Network pruned = ManualPruning.prune(model, kept)) {
      Duration pruneTime = Duration.ofNanos(System.nanoTime() - start);
      Duration retrainTime = Duration.ZERO;
      Path retrained = null;
      String name = method.get();
      if (recipe != null) {
        long retrainStart = System.nanoTime();
        ManualPruning.retrain(pruned, model, recipe, retrainImages, ctx);
        retrainTime = Duration.ofNanos(System.nanoTime() - retrainStart);
        retrained = saveTemporary(pruned);
        name = name + "+" + recipe.epochs() + "ep";
      }
      ManualPruning.Measured measured = ManualPruning.test(pruned, model, ctx);
      NetworkComparison comparison =
          NetworkComparison.of(
              Path.of(model.source()).getFileName().toString(),
              model.summary(),
              name,
              pruned.summary());
      if (store == null) {
        return new Outcome(measured, retrained, null, null, comparison);
      }
      try {
        recorder.of(model).record(store, pruned, keptPerUnit(), name, pruneTime, retrainTime, ctx);
        return new Outcome(
            measured, retrained, name + " in " + store.getFileName(), null, comparison);
      } catch (ResultsStoreException e) {
        return new Outcome(measured, retrained, null, e.getMessage(), comparison);
      }
    }
  }

  private Map<String, Integer> keptPerUnit() {
    Map<String, Integer> units = new LinkedHashMap<>();
    kept.forEach((group, channels) -> units.put(group, channels.length));
    return units;
  }

  private static Path saveTemporary(Network network) {
    try {
      Path file = Files.createTempFile("prunelab-retrained-", ".plm");
      file.toFile().deleteOnExit();
      return ModelFiles.write(network, file);
    } catch (IOException e) {
      throw new PruneLabException(
          "cannot keep the retrained network in a temporary file ("
              + e.getMessage()
              + "); free space in "
              + System.getProperty("java.io.tmpdir"),
          e);
    }
  }

  /** Deletes a temporary network file of an earlier outcome (nothing for null). */
  public static void discard(Path retrained) {
    if (retrained == null) {
      return;
    }
    try {
      Files.deleteIfExists(retrained);
    } catch (IOException e) {
      LOG.warn("could not delete the temporary network {}: {}", retrained, e.getMessage());
    }
  }
}
