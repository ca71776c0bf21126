package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.DataSplits;
import org.prunelab.data.DatasetLocator;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.SplitOptions;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.train.InputNormalization;
import org.prunelab.zoo.BundledModels;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * The verifier's measures worked by hand, its verdict on a wrong model, real inputs, and files it
 * cannot use.
 */
class OnnxVerifierTest {
  @TempDir Path dir;

  @Test
  void reportMeasuresFollowTheirDefinitions() {
    // sample 0: diffs (0, 0.002, 0.001), largest |p| 4 -> rel 5e-4; argmax 2 in both
    // sample 1: diffs (0.25, 0, 0.5), largest |p| 0.5 -> rel 1; argmax 0 vs 2
    float[] reference = {1, -4, 2, 0.5f, 0.25f, 0};
    float[] candidate = {1, -4.002f, 2.001f, 0.25f, 0.25f, 0.5f};
    VerificationReport r = VerificationReport.compare("hand", reference, candidate, 2);
    assertEquals(2, r.samples());
    assertEquals(0.5, r.maxAbsDiff(), 1e-7);
    assertEquals(1.0, r.maxRelDiff(), 1e-7);
    assertEquals(0.5, r.top1Agreement());
    assertFalse(r.passed(10), "a top-1 disagreement fails whatever the tolerance");

    VerificationReport first =
        VerificationReport.compare(
            "hand", new float[] {1, -4, 2}, new float[] {1, -4.002f, 2.001f}, 1);
    assertEquals(0.002 / 4, first.maxRelDiff(), 1e-7);
    assertTrue(first.passed(6e-4));
    assertFalse(first.passed(4e-4));

    VerificationReport zeros =
        VerificationReport.compare("zeros", new float[] {0, 0}, new float[] {0, 1e-7f}, 1);
    assertEquals(
        1e-7 / VerificationReport.SCALE_FLOOR,
        zeros.maxRelDiff(),
        1e-6,
        "the floor guards all-zero output");

    VerificationReport nan =
        VerificationReport.compare("nan", new float[] {1, 2}, new float[] {1, Float.NaN}, 1);
    assertFalse(nan.passed(1e9), "NaN never passes: " + nan);
  }

  @Test
  void aDifferentModelFailsVerification() {
    Path file = dir.resolve("lenet5-seed1.onnx");
    try (Network seed1 = Zoo.create("lenet5", ZooOptions.grey28(), Device.cpu(), 1);
        Network seed2 = Zoo.create("lenet5", ZooOptions.grey28(), Device.cpu(), 2)) {
      OnnxExporter.export(seed1, file, OnnxExportOptions.defaults());
      assertTrue(OnnxVerifier.verify(seed1, file, 16, 0).passed(1e-4));
      VerificationReport wrong = OnnxVerifier.verify(seed2, file, 16, 0);
      assertFalse(wrong.passed(1e-4), wrong.toString());
      assertTrue(wrong.maxRelDiff() > 0.1, wrong.toString());
    }
  }

  @Test
  void trainedModelAgreesOnRealTestImages() {
    Path folder = DatasetLocator.SYSTEM_ROOT.resolve("fashion-mnist");
    assumeTrue(Files.isDirectory(folder), "Fashion-MNIST is not installed at " + folder);
    DataSplits splits =
        Datasets.load("fashion-mnist", Optional.of(folder), new SplitOptions(0, 0, 0));
    ImageDataset test = splits.test();
    Path model = BundledModels.find(BundledModels.DEFAULT).orElseThrow();
    Path file = dir.resolve("resnet20.onnx");
    try (Network net = Checkpoint.load(model, Device.cpu())) {
      OnnxExporter.export(net, file, OnnxExportOptions.defaults());
      Normalization norm = InputNormalization.of(net).orElseThrow();
      int n = 64;
      float[] images = new float[n * test.imageSize()];
      for (int i = 0; i < n; i++) {
        test.copyImage(i, images, i * test.imageSize());
        norm.apply(images, i * test.imageSize(), test.height() * test.width());
      }
      try (OnnxVerifier verifier = OnnxVerifier.open(net, file)) {
        VerificationReport real = verifier.compare("fashion-mnist test", images, n);
        System.err.println(real);
        assertTrue(real.passed(1e-4), real.toString());
        assertThrows(
            IllegalArgumentException.class, () -> verifier.compare("short", new float[10], 1));
      }
    }
  }

  @Test
  void filesItCannotUseGiveClearErrors() throws Exception {
    try (Network grey = Zoo.create("lenet-300-100", ZooOptions.grey28(), Device.cpu(), 1);
        Network colour = Zoo.create("lenet-300-100", ZooOptions.colour32(), Device.cpu(), 1)) {
      Path missing = dir.resolve("missing.onnx");
      OnnxVerificationException absent =
          assertThrows(OnnxVerificationException.class, () -> OnnxVerifier.open(grey, missing));
      assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());

      Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "this is not a protobuf model");
      OnnxVerificationException unreadable =
          assertThrows(OnnxVerificationException.class, () -> OnnxVerifier.open(grey, garbage));
      assertTrue(unreadable.getMessage().contains("cannot load"), unreadable.getMessage());

      Path file = dir.resolve("grey.onnx");
      OnnxExporter.export(grey, file, OnnxExportOptions.defaults());
      OnnxVerificationException shape =
          assertThrows(OnnxVerificationException.class, () -> OnnxVerifier.open(colour, file));
      assertTrue(
          shape.getMessage().contains("3, 32, 32") && shape.getMessage().contains("28"),
          shape.getMessage());
    }
  }
}
