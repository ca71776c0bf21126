package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prunelab.service.CompressionMethod;

/**
 * Specs parse into what they say, expand to the right ratios and jobs, and bad fields are named.
 */
class ExperimentSpecsTest {
  private static final String BASE =
      """
      name: t
      network: lenet5
      dataset: fashion-mnist
      methods: [pfp, alds]
      keep: {list: [0.5, 0.25]}
      test: {clean: true}
      """;

  @Test
  void theQuickExampleParsesAndExpands() {
    ExperimentSpec spec = ExperimentSpecs.load(Path.of("docs/examples/quick.yaml"));
    assertEquals(
        List.of(CompressionMethod.PFP, CompressionMethod.FT, CompressionMethod.WT), spec.methods());
    // geometric 0.9 -> 0.2 in 4 steps: 0.9 * (0.2 / 0.9)^(i / 3) = 0.9, 0.5451, 0.3302, 0.2
    List<Double> keep = spec.keep().values();
    assertEquals(0.9, keep.get(0), 1e-12);
    assertEquals(0.9 * Math.pow(0.2 / 0.9, 1 / 3.0), keep.get(1), 1e-12);
    assertEquals(0.5451, keep.get(1), 1e-4);
    assertEquals(0.3302, keep.get(2), 1e-4);
    assertEquals(0.2, keep.get(3), 1e-12);
    assertEquals(12, spec.jobCount());
    assertEquals(List.of("clean", "fog/3", "gaussian_noise/3"), spec.test().names());
    assertEquals(1, spec.retrain().epochCount());
  }

  @Test
  void linearSpacingAndDefaults() {
    ExperimentSpec spec =
        ExperimentSpecs.parse(
            BASE.replace(
                "keep: {list: [0.5, 0.25]}",
                "keep: {spacing: linear, from: 0.8, to: 0.2, count: 4}"));
    List<Double> keep = spec.keep().values();
    assertEquals(0.6, keep.get(1), 1e-12);
    assertEquals(0.4, keep.get(2), 1e-12);
    assertEquals(SweepMode.ONE_SHOT, spec.sweepMode());
    assertEquals(1, spec.repetitionCount());
    assertEquals(8, spec.jobCount());
  }

  @Test
  void theHashIdentifiesTheSpecNotItsFormatting() {
    ExperimentSpec a = ExperimentSpecs.parse(BASE);
    ExperimentSpec b =
        ExperimentSpecs.parse(
            "# same spec, other layout\n" + BASE.replace("[pfp, alds]", "\n  - pfp\n  - alds"));
    assertEquals(ExperimentSpecs.hash(a), ExperimentSpecs.hash(b));
    assertNotEquals(
        ExperimentSpecs.hash(a),
        ExperimentSpecs.hash(ExperimentSpecs.parse(BASE.replace("0.25", "0.3"))));
    assertEquals(64, ExperimentSpecs.hash(a).length());
  }

  @Test
  void aFeaturesProbeIsReadWithDefaultsAndASpecWithoutOneKeepsItsHash() {
    ExperimentSpec plain = ExperimentSpecs.parse(BASE);
    // the canonical JSON of a spec without the probe is what builds before it wrote, so a store
    // written by them resumes under the same hash
    assertTrue(!ExperimentSpecs.canonical(plain).contains("features"));
    ExperimentSpec probed = ExperimentSpecs.parse(BASE + "features: {images: 5}\n");
    assertEquals(5, probed.features().imageCount());
    assertEquals(0.9, probed.features().thresholdValue());
    assertEquals(1, probed.features().patchSide());
    assertNotEquals(ExperimentSpecs.hash(plain), ExperimentSpecs.hash(probed));
    assertEquals(probed, ExperimentSpecs.parse(ExperimentSpecs.yaml(probed)));
    for (String[] bad :
        new String[][] {
          {"features: {threshold: 1.5}", "features.threshold 1.5"},
          {"features: {images: 0}", "features.images 0"},
          {"features: {patch: 40}", "features.patch 40"},
          {"features: {pixels: 3}", "unknown field 'pixels'"}
        }) {
      ExperimentSpecException e =
          assertThrows(
              ExperimentSpecException.class, () -> ExperimentSpecs.parse(BASE + bad[0] + "\n"));
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
    }
  }

  @Test
  void aYamlScannerErrorIsOneLineWithoutTheSourceEcho() {
    ExperimentSpecException e =
        assertThrows(
            ExperimentSpecException.class,
            () -> ExperimentSpecs.parse(BASE.replace("test: {clean: true}", "tes\n  clean: true")));
    assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("^"), e.getMessage());
    assertTrue(e.getMessage().contains("could not find expected ':'"), e.getMessage());
    assertTrue(e.getMessage().contains("line 6, column 1"), e.getMessage());
  }

  @Test
  void theYamlOfASpecReadsBackAsTheSameSpec() {
    ExperimentSpec quick = ExperimentSpecs.load(Path.of("docs/examples/quick.yaml"));
    String yaml = ExperimentSpecs.yaml(quick);
    assertEquals(quick, ExperimentSpecs.parse(yaml), yaml);
    assertEquals(ExperimentSpecs.hash(quick), ExperimentSpecs.hash(ExperimentSpecs.parse(yaml)));
    assertTrue(yaml.contains("methods:") && !yaml.contains("null"), yaml);
  }

  @Test
  void badFieldsAreNamed() {
    assertMessage(
        BASE.replace("methods: [pfp, alds]", "methods: [pfp, obd]"), "unknown method 'obd'");
    assertMessage(BASE.replace("[0.5, 0.25]", "[0.5, 1.5]"), "keep.list 1.5 is outside (0, 1]");
    assertMessage(BASE + "repetitions: 0\n", "repetitions 0");
    assertMessage(BASE + "mode: greedy\n", "mode 'greedy'");
    assertMessage(BASE + "color: red\n", "unknown field 'color'");
    assertMessage(
        BASE.replace("test: {clean: true}", "test: {clean: true, corruptions: [rain]}"),
        "test.corruptions");
    assertMessage(
        BASE.replace("test: {clean: true}", "test: {corruptions: [fog], severities: [6]}"),
        "test.severities: 6");
    assertMessage(BASE.replace("network: lenet5\n", ""), "network: missing");
    assertMessage(
        BASE.replace("keep: {list: [0.5, 0.25]}", "keep: {spacing: geometric, from: 0.9}"),
        "keep needs");
    assertMessage(BASE + "retrain: {epochs: -1}\n", "retrain.epochs -1");
    assertMessage("methods: [pfp\n", "not a valid experiment spec");
    // no silent coercion or overriding: a fractional count and a key given twice are errors
    assertMessage(BASE + "repetitions: 2.5\n", "repetitions");
    assertMessage(BASE + "repetitions: 2.5\n", "2.5");
    assertMessage(BASE + "name: again\n", "Duplicate field 'name'");
    ExperimentSpecException missingFile =
        assertThrows(
            ExperimentSpecException.class,
            () -> ExperimentSpecs.load(Path.of("no/such/spec.yaml")));
    assertTrue(missingFile.getMessage().contains("no/such/spec.yaml"), missingFile.getMessage());
  }

  @Test
  void moreImagesThanTheDatasetHasIsRefusedNotClipped() {
    ExperimentSpec tooMany =
        ExperimentSpecs.parse(
            BASE.replace("fashion-mnist", "synthetic")
                .replace("test: {clean: true}", "test: {clean: true, images: 1000000000}"));
    ExperimentSpecException e =
        assertThrows(ExperimentSpecException.class, () -> SweepData.load(tooMany));
    assertTrue(
        e.getMessage().startsWith("test.images 1000000000 is more than the ")
            && e.getMessage().contains("test images of synthetic"),
        e.getMessage());
  }

  private static void assertMessage(String yaml, String expected) {
    ExperimentSpecException e =
        assertThrows(ExperimentSpecException.class, () -> ExperimentSpecs.parse(yaml));
    assertTrue(
        e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }
}
