package org.prunelab.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.prunelab.data.ImageDataset;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.Surgery;
import org.prunelab.train.Metrics;

/**
 * Pruning to channels chosen by hand (the allocation view's bars, or any caller that knows which
 * channels of every group to keep), as job bodies that run on the device worker: build the smaller
 * network {@link Surgery} makes for the kept channels, then measure it on a validation subset or
 * the test split, retrain it with the one {@link RetrainRecipe} the sweeps use, or write it to a
 * file. Every pruned network is closed before the job returns; only plain numbers come back.
 */
public final class ManualPruning {
  /** Validation images the allocation view's debounced accuracy measurement uses. */
  public static final int VALIDATION_SUBSET = 1000;

  /**
   * Seed of retraining's data order and augmentation, as a sweep's first repetition with seed 0.
   */
  public static final long RETRAIN_SEED = 0;

  private ManualPruning() {}

  /**
   * What a pruned network measured: its size and top-1 accuracy on {@code images} images of {@code
   * split}.
   */
  public record Measured(long parameters, long macs, double top1, long images, String split) {}

  /** Top-1 accuracy of the pruned network on the first {@code images} validation images. */
  public static Measured validate(
      LoadedModel model, Map<String, int[]> kept, int images, JobContext ctx) {
    ImageDataset validation = model.data().validation();
    int n = Math.min(images, validation.size());
    try (Network pruned = Surgery.keep(model.network(), kept)) {
      return measure(
          pruned, model, validation.subset(IntStream.range(0, n).toArray()), "validation", ctx);
    }
  }

  /**
   * The smaller network {@link Surgery} makes of the model's network for the kept channels; the
   * caller closes it.
   */
  public static Network prune(LoadedModel model, Map<String, int[]> kept) {
    return Surgery.keep(model.network(), kept);
  }

  /**
   * Retrains {@code pruned} in place with {@code recipe} on the first {@code images} images of the
   * model's training split (all when {@code images} is 0 or more than there are; seed {@value
   * #RETRAIN_SEED}); nothing for a recipe of 0 epochs.
   */
  public static void retrain(
      Network pruned, LoadedModel model, RetrainRecipe recipe, int images, JobContext ctx) {
    ImageDataset train = model.data().train();
    if (images > 0 && images < train.size()) {
      train = train.subset(IntStream.range(0, images).toArray());
    }
    Retrainer.retrain(
        pruned, Optional.empty(), recipe, train, model.normalization(), RETRAIN_SEED, ctx);
  }

  /** Top-1 accuracy of {@code pruned} on the model's whole test split. */
  public static Measured test(Network pruned, LoadedModel model, JobContext ctx) {
    return measure(pruned, model, model.data().test(), "test", ctx);
  }

  /**
   * Builds the pruned network and writes it to {@code file} (.onnx or .plm, {@link ModelFiles}).
   */
  public static Path export(LoadedModel model, Map<String, int[]> kept, Path file, JobContext ctx) {
    ctx.progress(0, 1, "pruning");
    try (Network pruned = prune(model, kept)) {
      ctx.progress(0, 1, "writing " + file.getFileName());
      ModelFiles.write(pruned, file);
      ctx.progress(1, 1, "written");
      return file;
    }
  }

  private static Measured measure(
      Network pruned, LoadedModel model, ImageDataset data, String split, JobContext ctx) {
    Metrics m = Evaluation.evaluate(pruned, data, model.normalization(), ctx);
    return new Measured(pruned.parameterCount(), pruned.macs(), m.top1(), m.samples(), split);
  }
}
