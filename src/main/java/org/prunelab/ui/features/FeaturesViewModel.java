package org.prunelab.ui.features;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.prunelab.chart.SisFigure;
import org.prunelab.experiment.features.FeatureExplanation;
import org.prunelab.experiment.features.FeatureExplanations;
import org.prunelab.experiment.features.FeatureFigures;
import org.prunelab.experiment.features.FeatureSettings;
import org.prunelab.job.JobContext;
import org.prunelab.job.JobHandle;
import org.prunelab.nn.Network;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ModelFiles;
import org.prunelab.service.OneShotPruning;
import org.prunelab.ui.WorkbenchContext;

/**
 * State of the informative-features view: the test image, the pruned network (the opened model
 * pruned by a method to a keep ratio, one shot without retraining, sample set seeded with {@value
 * #SEED}; or a pruned model file, e.g. a retrained run exported from the experiments view), the SIS
 * threshold and patch, and the last explanation drawn ({@link SisFigure}, one row) with a line
 * saying what it shows. {@link #explain()} runs the pruning and both explanations in one job on the
 * device worker; a newer request cancels the older one and a late result of an older one is
 * dropped. FX thread only.
 */
public final class FeaturesViewModel {
  /** Seed of the pruning's sample set. */
  public static final long SEED = 0;

  /** Patch sizes offered: pixels per SIS feature side. */
  public static final List<Integer> PATCHES = List.of(1, 2, 4, 7);

  /** Enlargement of each pixel in the figure. */
  static final int SCALE = 6;

  private final WorkbenchContext context;
  private final IntegerProperty imageIndex = new SimpleIntegerProperty(0);
  private final ReadOnlyIntegerWrapper imageCount = new ReadOnlyIntegerWrapper(0);
  private final ObjectProperty<CompressionMethod> method =
      new SimpleObjectProperty<>(CompressionMethod.PFP);
  private final DoubleProperty keepRatio = new SimpleDoubleProperty(0.2);
  private final DoubleProperty threshold =
      new SimpleDoubleProperty(FeatureSettings.DEFAULT_THRESHOLD);
  private final ObjectProperty<Integer> patch = new SimpleObjectProperty<>(2);
  private final ObjectProperty<Path> prunedFile = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<BufferedImage> figure = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<FeatureExplanation> explanation =
      new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper description =
      new ReadOnlyStringWrapper("open a model to explain one of its test images");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private JobHandle<Explained> job;
  private long request;

  /** The figure and the explanation it draws, computed together in the job. */
  private record Explained(FeatureExplanation explanation, BufferedImage figure) {}

  /** The view's state over the workbench's context. */
  public FeaturesViewModel(WorkbenchContext context) {
    this.context = context;
    context.model().addListener((o, a, m) -> follow(m));
    follow(context.model().get());
  }

  /** The methods offered: every registry method that prunes (low-rank ones factor instead). */
  public static List<CompressionMethod> methods() {
    return Arrays.stream(CompressionMethod.values()).filter(CompressionMethod::prunes).toList();
  }

  private void follow(LoadedModel m) {
    imageCount.set(m == null ? 0 : m.data().test().size());
    if (m != null && imageIndex.get() >= m.data().test().size()) {
      imageIndex.set(0);
    }
    cancelRunning();
    figure.set(null);
    explanation.set(null);
    description.set(
        m == null
            ? "open a model to explain one of its test images"
            : "pick a test image and a pruning, then Explain");
  }

  /**
   * Prunes the opened model as chosen and explains the chosen test image with both networks, in a
   * job; the figure and description change when it finishes.
   */
  public void explain() {
    LoadedModel model = context.model().get();
    if (model == null) {
      description.set("open a model first");
      return;
    }
    cancelRunning();
    long mine = ++request;
    int index = imageIndex.get();
    CompressionMethod chosen = method.get();
    double keep = keepRatio.get();
    Path file = prunedFile.get();
    double tau = threshold.get();
    int side = patch.get();
    List<String> names = model.data().test().classNames();
    String pruning =
        file != null
            ? file.getFileName().toString()
            : String.format(Locale.ROOT, "%s at keep %.2f (no retraining)", chosen.cliName(), keep);
    description.set("explaining test image " + index + " with " + pruning + " ...");
    running.set(true);
    job =
        context
            .jobs()
            .submit(
                "Informative features of test image " + index,
                ctx -> {
                  try (Network pruned = pruned(model, file, chosen, keep, ctx)) {
                    FeatureExplanation e =
                        FeatureExplanations.explain(
                            model.network(),
                            pruned,
                            model.data().test(),
                            model.normalization(),
                            index,
                            tau,
                            side,
                            ctx);
                    return new Explained(
                        e, SisFigure.render(List.of(FeatureFigures.row(e, names)), SCALE));
                  }
                },
                done -> {
                  if (mine == request) {
                    running.set(false);
                    explanation.set(done.explanation());
                    figure.set(done.figure());
                    description.set(describe(done.explanation(), pruning));
                  }
                },
                e -> {
                  if (mine == request) {
                    running.set(false);
                    description.set(
                        "could not explain test image " + index + ": " + e.getMessage());
                  }
                });
  }

  private void cancelRunning() {
    if (job != null) {
      job.cancel();
      job = null;
      request++;
      running.set(false);
    }
  }

  /**
   * The pruned network: the file when one is chosen, else the model pruned once by {@code method}
   * to {@code keep}; the caller closes it.
   */
  private static Network pruned(
      LoadedModel model, Path file, CompressionMethod method, double keep, JobContext ctx) {
    if (file != null) {
      return ModelFiles.openFor(model, file);
    }
    return OneShotPruning.prune(
            model.network(),
            method,
            keep,
            model.data().sampleSet(),
            model.normalization(),
            SEED,
            ctx)
        .network();
  }

  private static String describe(FeatureExplanation e, String pruning) {
    String overlap =
        Double.isNaN(e.overlap())
            ? "the SISs cannot be compared: a network is below the threshold on the whole image"
            : String.format(Locale.ROOT, "the SISs overlap by %.0f %% (IoU)", 100 * e.overlap());
    return String.format(Locale.ROOT, "test image %d, %s: %s", e.index(), pruning, overlap);
  }

  /** Index of the test image explained. */
  public IntegerProperty imageIndexProperty() {
    return imageIndex;
  }

  /** How many test images the opened model has (0 without a model). */
  public ReadOnlyIntegerProperty imageCountProperty() {
    return imageCount.getReadOnlyProperty();
  }

  /** The pruning method. */
  public ObjectProperty<CompressionMethod> methodProperty() {
    return method;
  }

  /** The pruning's keep ratio of the parameters, in (0, 1]. */
  public DoubleProperty keepRatioProperty() {
    return keepRatio;
  }

  /** The SIS threshold tau. */
  public DoubleProperty thresholdProperty() {
    return threshold;
  }

  /** Pixels per SIS feature side. */
  public ObjectProperty<Integer> patchProperty() {
    return patch;
  }

  /**
   * A pruned model file (.plm or .onnx) to explain instead of pruning with the method; null to
   * prune with the method.
   */
  public ObjectProperty<Path> prunedFileProperty() {
    return prunedFile;
  }

  /** The last figure, null before the first explanation and after a model change. */
  public ReadOnlyObjectProperty<BufferedImage> figureProperty() {
    return figure.getReadOnlyProperty();
  }

  /** The last explanation (for tests and export), null when there is none. */
  public ReadOnlyObjectProperty<FeatureExplanation> explanationProperty() {
    return explanation.getReadOnlyProperty();
  }

  /** What the figure shows, or what is happening, or why nothing is shown. */
  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  /** Whether an explanation is being computed. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }
}
