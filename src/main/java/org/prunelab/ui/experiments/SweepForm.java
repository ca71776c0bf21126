package org.prunelab.ui.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prunelab.data.corrupt.Corruptions;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.KeepRatios;
import org.prunelab.experiment.Retraining;
import org.prunelab.experiment.SweepMode;
import org.prunelab.experiment.TestDistributions;
import org.prunelab.experiment.features.FeatureSettings;
import org.prunelab.service.CompressionMethod;

/**
 * The sweep form of the experiments view: every field of an {@link ExperimentSpec} as an editable
 * property (the network and dataset are the opened model's), and the spec they make, checked by the
 * same parser the CLI uses, with its YAML text ({@link ExperimentSpecs#yaml}) kept up to date; a
 * field that does not parse leaves the spec empty and says why in {@link #problemProperty()}. A
 * spec read from a file fills the form. FX thread only.
 */
public final class SweepForm {
  /** How the keep ratios are given. */
  public enum Spacing {
    GEOMETRIC,
    LINEAR,
    LIST
  }

  private final StringProperty name = new SimpleStringProperty("workbench sweep");
  private final StringProperty network = new SimpleStringProperty("");
  private final StringProperty dataset = new SimpleStringProperty("");
  private final ObservableList<CompressionMethod> methods =
      FXCollections.observableArrayList(CompressionMethod.PFP, CompressionMethod.FT);
  private final ObjectProperty<Spacing> spacing = new SimpleObjectProperty<>(Spacing.GEOMETRIC);
  private final StringProperty from = new SimpleStringProperty("0.9");
  private final StringProperty to = new SimpleStringProperty("0.2");
  private final IntegerProperty count = new SimpleIntegerProperty(4);
  private final StringProperty list = new SimpleStringProperty("0.7, 0.5, 0.3");
  private final IntegerProperty repetitions = new SimpleIntegerProperty(1);
  private final ObjectProperty<SweepMode> mode = new SimpleObjectProperty<>(SweepMode.ONE_SHOT);
  private final IntegerProperty epochs = new SimpleIntegerProperty(0);
  private final StringProperty learningRate = new SimpleStringProperty("");
  private final StringProperty retrainImages = new SimpleStringProperty("");
  private final BooleanProperty clean = new SimpleBooleanProperty(true);
  private final ObservableList<String> corruptions = FXCollections.observableArrayList("fog");
  private final StringProperty severities = new SimpleStringProperty("3");
  private final StringProperty noise = new SimpleStringProperty("");
  private final StringProperty testImages = new SimpleStringProperty("1000");
  private final StringProperty seed = new SimpleStringProperty("0");
  private final StringProperty featureImages = new SimpleStringProperty("");
  private FeatureSettings featureDetails = new FeatureSettings(null, null, null);
  private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private boolean filling;

  /** A form with the defaults above, rebuilt whenever a field changes. */
  public SweepForm() {
    Observable[] fields = {
      name,
      network,
      dataset,
      methods,
      spacing,
      from,
      to,
      count,
      list,
      repetitions,
      mode,
      epochs,
      learningRate,
      retrainImages,
      clean,
      corruptions,
      severities,
      noise,
      testImages,
      seed,
      featureImages
    };
    for (Observable field : fields) {
      field.addListener(o -> rebuild());
    }
    rebuild();
  }

  /** Makes the spec (or the problem) from the fields, with the text of its YAML. */
  private void rebuild() {
    if (filling) {
      return;
    }
    try {
      ExperimentSpec built = ExperimentSpecs.parse(ExperimentSpecs.yaml(draft()));
      spec.set(built);
      yaml.set(ExperimentSpecs.yaml(built));
      problem.set("");
    } catch (PruneLabException e) {
      spec.set(null);
      problem.set(e.getMessage());
      yaml.set("# not a valid sweep yet: " + e.getMessage());
    }
  }

  private ExperimentSpec draft() {
    KeepRatios keep =
        spacing.get() == Spacing.LIST
            ? new KeepRatios(numbers(list.get(), "keep ratios"), null, null, null, null)
            : new KeepRatios(
                null,
                spacing.get() == Spacing.LINEAR
                    ? KeepRatios.Spacing.LINEAR
                    : KeepRatios.Spacing.GEOMETRIC,
                number(from.get(), "keep from"),
                number(to.get(), "keep to"),
                count.get());
    Retraining retrain =
        new Retraining(
            epochs.get(),
            optionalNumber(learningRate.get(), "learning rate").orElse(null),
            null,
            optionalWhole(retrainImages.get(), "retrain images").orElse(null));
    TestDistributions test =
        new TestDistributions(
            clean.get(),
            corruptions.isEmpty() ? null : List.copyOf(corruptions),
            corruptions.isEmpty()
                ? null
                : numbers(severities.get(), "severities").stream().map(Double::intValue).toList(),
            noise.get().isBlank() ? null : numbers(noise.get(), "noise levels"),
            optionalWhole(testImages.get(), "test images").orElse(null));
    return new ExperimentSpec(
        name.get(),
        network.get(),
        dataset.get(),
        List.copyOf(methods),
        keep,
        repetitions.get(),
        mode.get(),
        retrain,
        test,
        optionalWhole(seed.get(), "seed").map(Integer::longValue).orElse(null),
        optionalWhole(featureImages.get(), "feature images")
            .map(n -> new FeatureSettings(n, featureDetails.threshold(), featureDetails.patch()))
            .orElse(null));
  }

  /** Fills the form from a spec read from a file (its network and dataset stay the model's). */
  public void fill(ExperimentSpec s) {
    filling = true;
    try {
      name.set(s.name());
      methods.setAll(s.methods());
      KeepRatios k = s.keep();
      if (k.list() != null) {
        spacing.set(Spacing.LIST);
        list.set(join(k.list()));
      } else {
        spacing.set(k.spacing() == KeepRatios.Spacing.LINEAR ? Spacing.LINEAR : Spacing.GEOMETRIC);
        from.set(String.valueOf(k.from()));
        to.set(String.valueOf(k.to()));
        count.set(k.count());
      }
      repetitions.set(s.repetitionCount());
      mode.set(s.sweepMode());
      Retraining r = s.retrain();
      epochs.set(r == null ? 0 : r.epochCount());
      learningRate.set(r == null || r.lr() == null ? "" : String.valueOf(r.lr()));
      retrainImages.set(r == null || r.images() == null ? "" : String.valueOf(r.images()));
      TestDistributions t = s.test();
      clean.set(t.clean() == null || t.clean());
      corruptions.setAll(t.corruptions() == null ? List.of() : t.corruptions());
      severities.set(t.severities() == null ? "3" : join(t.severities()));
      noise.set(t.noise() == null ? "" : join(t.noise()));
      testImages.set(t.images() == null ? "" : String.valueOf(t.images()));
      seed.set(String.valueOf(s.seedValue()));
      FeatureSettings f = s.features();
      featureDetails = f == null ? new FeatureSettings(null, null, null) : f;
      featureImages.set(f == null ? "" : String.valueOf(f.imageCount()));
    } finally {
      filling = false;
    }
    rebuild();
  }

  private static String join(List<? extends Number> values) {
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }

  private static double number(String text, String field) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new PruneLabException(field + ": '" + text + "' is not a number");
    }
  }

  private static List<Double> numbers(String text, String field) {
    List<Double> values = new ArrayList<>();
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank()) {
        values.add(number(part, field));
      }
    }
    if (values.isEmpty()) {
      throw new PruneLabException(field + ": give at least one number, e.g. 0.5, 0.25");
    }
    return values;
  }

  private static Optional<Double> optionalNumber(String text, String field) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(number(text, field));
  }

  private static Optional<Integer> optionalWhole(String text, String field) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new PruneLabException(field + ": '" + text + "' is not a whole number");
    }
  }

  /** The corruptions offered, by name. */
  public static List<String> corruptionNames() {
    return Corruptions.names();
  }

  /** The methods offered: every registered one. */
  public static List<CompressionMethod> methodChoices() {
    return Arrays.asList(CompressionMethod.values());
  }

  /** The spec the form makes, {@code null} while a field does not parse. */
  public ReadOnlyObjectProperty<ExperimentSpec> specProperty() {
    return spec.getReadOnlyProperty();
  }

  /** The spec as YAML, or a comment saying what is wrong. */
  public ReadOnlyStringProperty yamlProperty() {
    return yaml.getReadOnlyProperty();
  }

  /** Why the form makes no spec ("" when it does). */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public StringProperty nameProperty() {
    return name;
  }

  /** The network the sweep prunes: the opened model's source. */
  public StringProperty networkProperty() {
    return network;
  }

  /** The dataset: the opened model's. */
  public StringProperty datasetProperty() {
    return dataset;
  }

  /** The methods compared, in order. */
  public ObservableList<CompressionMethod> methods() {
    return methods;
  }

  public ObjectProperty<Spacing> spacingProperty() {
    return spacing;
  }

  public StringProperty fromProperty() {
    return from;
  }

  public StringProperty toProperty() {
    return to;
  }

  public IntegerProperty countProperty() {
    return count;
  }

  /** Keep ratios as a list ("0.7, 0.5"), used when the spacing is {@link Spacing#LIST}. */
  public StringProperty listProperty() {
    return list;
  }

  public IntegerProperty repetitionsProperty() {
    return repetitions;
  }

  public ObjectProperty<SweepMode> modeProperty() {
    return mode;
  }

  /** Retraining epochs after each prune (0: measure right away). */
  public IntegerProperty epochsProperty() {
    return epochs;
  }

  /** Retraining learning rate ("" for the default). */
  public StringProperty learningRateProperty() {
    return learningRate;
  }

  /** First training images to retrain on ("" for all). */
  public StringProperty retrainImagesProperty() {
    return retrainImages;
  }

  public BooleanProperty cleanProperty() {
    return clean;
  }

  /** Corruptions measured, by name. */
  public ObservableList<String> corruptions() {
    return corruptions;
  }

  /** Their severities ("3" or "1, 3, 5"). */
  public StringProperty severitiesProperty() {
    return severities;
  }

  /** Uniform noise levels eps ("" for none). */
  public StringProperty noiseProperty() {
    return noise;
  }

  /** First test images measured ("" for all). */
  public StringProperty testImagesProperty() {
    return testImages;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  /**
   * Test images of the informative-features probe ("" for none: no SIS is measured); its threshold
   * and patch come from an opened spec, the defaults otherwise.
   */
  public StringProperty featureImagesProperty() {
    return featureImages;
  }

  /** A short line for the queue button: jobs of the spec. */
  public String jobsText() {
    ExperimentSpec s = spec.get();
    return s == null
        ? ""
        : String.format(Locale.ROOT, "%d jobs (+ the unpruned reference)", s.jobCount());
  }
}
