package org.prunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.prunelab.chart.SisFigure;
import org.prunelab.data.DataSplits;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.features.FeatureExplanation;
import org.prunelab.experiment.features.FeatureExplanations;
import org.prunelab.experiment.features.FeatureFigures;
import org.prunelab.experiment.features.FeatureSettings;
import org.prunelab.experiment.features.NetworkExplanation;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.service.Compressed;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.OneShotPruning;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab features}: what a model and a pruned version of it decide from, on chosen test
 * images: each network's decision, sufficient input subset and integrated gradients, and the
 * overlap of the two SISs, as a table and a PNG figure ({@link SisFigure}). The pruned network is a
 * file ({@code --pruned}) or the model pruned once without retraining ({@code --method} and {@code
 * --keep}).
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description =
        "Sufficient input subsets (SIS) and integrated gradients of a model and a pruned version of"
            + " it on test images, with their overlap; writes a PNG figure.")
final class FeaturesCommand implements Runnable {
  @Mixin ModelOptions model;
  @Mixin DataOptions data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Pruned pruned;

  /** Where the pruned network comes from. */
  static final class Pruned {
    @Option(names = "--pruned", description = "A pruned model file (.plm or .onnx).")
    Path file;

    @Option(
        names = "--method",
        description =
            "Prune the model once with this method (pfp, wt, ft, ...; see prunelab prune --help), no"
                + " retraining.")
    String method;
  }

  @Option(
      names = "--keep",
      defaultValue = "0.2",
      description = "With --method: keep ratio of the parameters (default: ${DEFAULT-VALUE}).")
  double keep;

  @Option(
      names = "--images",
      split = ",",
      defaultValue = "0,1,2,3",
      description = "Test image indices (default: ${DEFAULT-VALUE}).")
  List<Integer> images;

  @Option(
      names = "--threshold",
      defaultValue = "0.9",
      description = "SIS confidence threshold tau in (0, 1) (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--patch",
      defaultValue = "2",
      description =
          "SIS feature size in pixels per side; 1 is pixel-level, about 16 times slower than 2"
              + " (default: ${DEFAULT-VALUE}).")
  int patch;

  @Option(
      names = "--scale",
      defaultValue = "6",
      description = "Enlargement of each pixel in the figure, 1-16 (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--out", required = true, description = "The figure, a .png file.")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter printed = spec.commandLine().getOut();
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new InvalidSettingException("--out " + out + " must be a .png file");
    }
    new FeatureSettings(1, threshold, patch).validate();
    TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
    List<FeatureExplanation> explained = new ArrayList<>();
    try (CommandModel opened = CommandModel.open(model, data)) {
      DataSplits splits = opened.data();
      for (int index : images) {
        if (index < 0 || index >= splits.test().size()) {
          throw new InvalidSettingException(
              "--images: there is no test image "
                  + index
                  + "; the test split has "
                  + splits.test().size());
        }
      }
      try (Network candidate = openPruned(opened, splits, progress)) {
        for (int index : images) {
          explained.add(
              FeatureExplanations.explain(
                  opened.network(),
                  candidate,
                  splits.test(),
                  opened.normalization(),
                  index,
                  threshold,
                  patch,
                  progress));
        }
      }
      List<String> names = splits.test().classNames();
      printed.println("image | label | unpruned | pruned | SIS overlap");
      for (FeatureExplanation e : explained) {
        printed.printf(
            Locale.ROOT,
            "%d | %s | %s | %s | %s%n",
            e.index(),
            names.get(e.label()),
            describe(e.original(), names),
            describe(e.pruned(), names),
            Double.isNaN(e.overlap()) ? "n/a" : String.format(Locale.ROOT, "%.3f", e.overlap()));
      }
      write(explained.stream().map(e -> FeatureFigures.row(e, names)).toList());
    }
    printed.println("wrote " + out);
  }

  private Network openPruned(CommandModel opened, DataSplits splits, TerminalProgress progress) {
    if (pruned.file != null) {
      ZooOptions zoo =
          new ZooOptions(
              splits.test().channels(),
              splits.test().height(),
              splits.test().width(),
              splits.test().numClasses(),
              1.0);
      return ModelResolver.open(pruned.file.toString(), zoo, Devices.preferred(), 0);
    }
    Compressed compressed =
        OneShotPruning.prune(
            opened.network(),
            CompressionMethod.parse(pruned.method),
            keep,
            splits.sampleSet(),
            opened.normalization(),
            model.seed,
            progress);
    return compressed.network();
  }

  private static String describe(NetworkExplanation n, List<String> names) {
    return String.format(Locale.ROOT, "%s %.1f %%", names.get(n.klass()), 100 * n.confidence())
        + n.sis().map(s -> ", SIS " + s.size()).orElse(", no SIS");
  }

  private void write(List<SisFigure.Row> rows) {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ImageIO.write(SisFigure.render(rows, scale), "png", out.toFile());
    } catch (IOException e) {
      throw new PruneLabException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
