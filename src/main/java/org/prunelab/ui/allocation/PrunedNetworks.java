package org.prunelab.ui.allocation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.ImageDataset;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExporter;
import org.prunelab.prune.Surgery;
import org.prunelab.train.Evaluator;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import org.prunelab.train.Trainer;
import org.prunelab.train.TrainingRecipe;
import org.prunelab.ui.LoadedModel;

/**
 * The allocation view's job bodies (they run on the device worker and touch the network): build the
 * smaller network {@link Surgery} makes for the kept channels, and measure it on a validation
 * subset, measure it on the test split, retrain it briefly, or export it to ONNX. Every pruned
 * network is closed before the job returns; only plain numbers come back.
 */
public final class PrunedNetworks {
  /** Validation images the debounced accuracy measurement uses. */
  public static final int VALIDATION_SUBSET = 1000;

  private PrunedNetworks() {}

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
    int[] first = new int[n];
    for (int i = 0; i < n; i++) {
      first[i] = i;
    }
    try (Network pruned = Surgery.keep(model.network(), kept)) {
      return measure(pruned, model, validation.subset(first), "validation", ctx);
    }
  }

  /** Builds the pruned network and measures it on the whole test split. */
  public static Measured pruneAndTest(LoadedModel model, Map<String, int[]> kept, JobContext ctx) {
    try (Network pruned = Surgery.keep(model.network(), kept)) {
      return measure(pruned, model, model.data().test(), "test", ctx);
    }
  }

  /**
   * Builds the pruned network, retrains it for {@code epochs} epochs of the standard recipe (SGD
   * with Nesterov momentum, warm-up into cosine, learning rate {@code lr}) on the training split
   * and measures it on the test split.
   */
  public static Measured pruneRetrainAndTest(
      LoadedModel model, Map<String, int[]> kept, int epochs, double lr, JobContext ctx) {
    TrainingRecipe recipe = TrainingRecipe.standard(epochs, lr, 0);
    try (Network pruned = Surgery.keep(model.network(), kept)) {
      new Trainer(recipe)
          .fit(
              pruned,
              Loaders.training(model.data().train(), model.normalization(), recipe),
              Optional.empty(),
              ctx);
      return measure(pruned, model, model.data().test(), "test", ctx);
    }
  }

  /** Builds the pruned network and writes it to {@code file} as ONNX (default opset). */
  public static Path exportOnnx(
      LoadedModel model, Map<String, int[]> kept, Path file, JobContext ctx) {
    ctx.progress(0, 1, "pruning");
    try (Network pruned = Surgery.keep(model.network(), kept)) {
      ctx.progress(0, 1, "writing " + file.getFileName());
      OnnxExporter.export(pruned, file, OnnxExportOptions.defaults());
      ctx.progress(1, 1, "written");
      return file;
    }
  }

  private static Measured measure(
      Network pruned, LoadedModel model, ImageDataset data, String split, JobContext ctx) {
    Metrics m = Evaluator.evaluate(pruned, Loaders.evaluation(data, model.normalization()), ctx);
    return new Measured(pruned.parameterCount(), pruned.macs(), m.top1(), m.samples(), split);
  }
}
