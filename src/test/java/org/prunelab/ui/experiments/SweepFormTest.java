package org.prunelab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.SweepMode;
import org.prunelab.service.CompressionMethod;

/**
 * The sweep form makes the spec the CLI would read from its YAML, names the field a bad entry is in
 * (the spec is then empty until it is fixed), and a spec read from a file fills every field.
 */
class SweepFormTest {
  @TempDir Path dir;

  private static SweepForm form() {
    SweepForm form = new SweepForm();
    form.networkProperty().set("lenet5");
    form.datasetProperty().set("fashion-mnist");
    return form;
  }

  @Test
  void theFormsYamlIsWhatTheCliReads() throws Exception {
    SweepForm form = form();
    ExperimentSpec spec = form.specProperty().get();
    assertNotNull(spec, form.problemProperty().get());
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, form.yamlProperty().get());
    ExperimentSpec read = ExperimentSpecs.load(file);
    assertEquals(spec, read);
    assertEquals(ExperimentSpecs.hash(spec), ExperimentSpecs.hash(read));
    // defaults: pfp and ft, geometric 0.9 -> 0.2 in 4 steps, one repetition
    assertEquals(List.of(CompressionMethod.PFP, CompressionMethod.FT), read.methods());
    assertEquals(4, read.keep().values().size());
    assertEquals(0.9 * Math.pow(0.2 / 0.9, 1 / 3.0), read.keep().values().get(1), 1e-12);
    assertEquals(8, read.jobCount());
    assertEquals("8 jobs (+ the unpruned reference)", form.jobsText());
    assertEquals(List.of("clean", "fog/3"), read.test().names());
  }

  @Test
  void everyFieldReachesTheSpec() {
    SweepForm form = form();
    form.methods().setAll(CompressionMethod.SIPP);
    form.spacingProperty().set(SweepForm.Spacing.LINEAR);
    form.fromProperty().set("0.8");
    form.toProperty().set("0.2");
    form.countProperty().set(4);
    form.repetitionsProperty().set(2);
    form.modeProperty().set(SweepMode.ITERATIVE);
    form.epochsProperty().set(3);
    form.retrainImagesProperty().set("500");
    form.cleanProperty().set(false);
    form.corruptions().setAll("gaussian_noise", "fog");
    form.severitiesProperty().set("1, 5");
    form.noiseProperty().set("0.1 0.2");
    form.testImagesProperty().set("300");
    form.seedProperty().set("7");
    ExperimentSpec spec = form.specProperty().get();
    assertNotNull(spec, form.problemProperty().get());
    assertEquals(List.of(CompressionMethod.SIPP), spec.methods());
    List<Double> keep = spec.keep().values();
    assertEquals(0.6, keep.get(1), 1e-12);
    assertEquals(0.4, keep.get(2), 1e-12);
    assertEquals(2, spec.repetitionCount());
    assertEquals(SweepMode.ITERATIVE, spec.sweepMode());
    assertEquals(3, spec.retrain().epochCount());
    assertEquals(500, spec.retrain().images());
    assertEquals(
        List.of("gaussian_noise/1", "gaussian_noise/5", "fog/1", "fog/5", "noise/0.1", "noise/0.2"),
        spec.test().names());
    assertEquals(List.of(0.1, 0.2), spec.test().noise());
    assertEquals(300, spec.test().images());
    assertEquals(7, spec.seedValue());
    assertEquals(8, spec.jobCount(), "4 ratios x 2 repetitions");
  }

  @Test
  void aBadFieldIsNamedAndTheSpecComesBackWhenItIsFixed() {
    SweepForm form = form();
    form.fromProperty().set("abc");
    assertNull(form.specProperty().get());
    assertEquals("keep from: 'abc' is not a number", form.problemProperty().get());
    assertTrue(form.yamlProperty().get().startsWith("# not a valid sweep yet"));
    form.fromProperty().set("0.9");
    assertNotNull(form.specProperty().get());
    assertEquals("", form.problemProperty().get());

    form.spacingProperty().set(SweepForm.Spacing.LIST);
    form.listProperty().set("0.5, 1.5");
    assertNull(form.specProperty().get());
    assertTrue(form.problemProperty().get().contains("1.5"), form.problemProperty().get());

    form.listProperty().set("0.5");
    form.methods().clear();
    assertNull(form.specProperty().get());
    assertTrue(form.problemProperty().get().contains("method"), form.problemProperty().get());
  }

  @Test
  void aSpecFromAFileFillsTheFormButTheNetworkStaysTheOpenedOne() throws Exception {
    Path file = dir.resolve("in.yaml");
    Files.writeString(
        file,
        """
        name: from file
        network: resnet20
        dataset: cifar10
        methods: [wt, pfp]
        keep: {spacing: linear, from: 0.7, to: 0.1, count: 3}
        repetitions: 3
        mode: rewind
        retrain: {epochs: 2, lr: 0.05, images: 1000}
        test: {clean: true, corruptions: [contrast], severities: [2, 4], images: 400}
        features: {images: 7, threshold: 0.8, patch: 2}
        seed: 11
        """);
    ExperimentSpec read = ExperimentSpecs.load(file);
    SweepForm form = form();
    form.fill(read);
    ExperimentSpec spec = form.specProperty().get();
    assertNotNull(spec, form.problemProperty().get());
    assertEquals("lenet5", spec.network());
    assertEquals("fashion-mnist", spec.dataset());
    assertEquals("from file", spec.name());
    assertEquals(read.methods(), spec.methods());
    assertEquals(read.keep().values(), spec.keep().values());
    assertEquals(3, spec.repetitionCount());
    assertEquals(SweepMode.REWIND, spec.sweepMode());
    assertEquals(0.05, spec.retrain().lr(), 0);
    assertEquals(1000, spec.retrain().images());
    assertEquals(read.test().names(), spec.test().names());
    assertEquals(11, spec.seedValue());
    assertEquals("0.7", form.fromProperty().get());
    // the features probe survives the form, its threshold and patch too; blank turns it off
    assertEquals(read.features(), spec.features());
    assertEquals("7", form.featureImagesProperty().get());
    form.featureImagesProperty().set("12");
    assertEquals(12, form.specProperty().get().features().imageCount());
    assertEquals(0.8, form.specProperty().get().features().thresholdValue());
    form.featureImagesProperty().set("");
    assertNull(form.specProperty().get().features());
  }
}
