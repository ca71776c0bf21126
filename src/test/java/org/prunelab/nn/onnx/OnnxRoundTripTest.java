package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunelab.nn.Network;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Import, export, ONNX Runtime: every fixture of src/test/resources/onnx (written by PyTorch) is
 * imported, exported again by PruneLab, and (a) the exported file in ONNX Runtime gives the
 * imported network's outputs, (b) the original file in ONNX Runtime gives the exported file's
 * outputs, both on the same 32 standard normal inputs (seed 21): per sample max |difference| / max
 * |reference| at most 1e-4 (float32) and the same arg-max class for every sample. (b) compares two
 * ONNX Runtime sessions directly, so it does not rest on PruneLab's forward pass. The metadata an
 * export writes (input normalisation) comes back on import.
 */
class OnnxRoundTripTest {
  private static final double TOLERANCE = 1e-4;
  private static final int SAMPLES = 32;
  private static final long SEED = 21;

  @TempDir Path dir;

  static Stream<String> fixtures() {
    return OnnxImportTest.fixtures();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void importedThenExportedFixtureRunsLikeTheOriginal(String fixture) throws Exception {
    Path original = OnnxImportTest.FIXTURES.resolve(fixture);
    Path exported = dir.resolve(fixture);
    try (Network net = OnnxImporter.load(original, OnnxImportTest.optionsFor(fixture))) {
      OnnxExporter.export(net, exported, OnnxExportOptions.defaults());

      VerificationReport prunelab = OnnxVerifier.verify(net, exported, SAMPLES, SEED);
      System.err.printf("%s exported vs PruneLab: %s%n", fixture, prunelab);
      assertEquals(SAMPLES, prunelab.samples());
      assertTrue(
          prunelab.passed(TOLERANCE), fixture + ", exported file against PruneLab: " + prunelab);

      long[] sample = net.inputShape().getShape();
      float[] x = OnnxVerifier.randomInputs(net.inputShape(), SAMPLES, SEED);
      float[] reference = flat(runtime(Files.readAllBytes(original), x, sample));
      float[] candidate = flat(runtime(Files.readAllBytes(exported), x, sample));
      VerificationReport files =
          VerificationReport.compare(
              "random normal (seed " + SEED + ")", reference, candidate, SAMPLES);
      System.err.printf("%s exported vs original: %s%n", fixture, files);
      assertTrue(
          files.passed(TOLERANCE), fixture + ", exported file against the original: " + files);
    }
  }

  @Test
  void exportedMetadataComesBackOnImportUnderTheImportsOwnKeys() {
    Path file = dir.resolve("lenet.onnx");
    try (Network net = Zoo.create("lenet5", ZooOptions.grey28(), Device.cpu(), 1)) {
      net.metadata().put("input.mean", "0.286");
      net.metadata().put("input.std", "0.353");
      net.metadata().put(OnnxImporter.META_FORMAT, "plm");
      OnnxExporter.export(net, file, OnnxExportOptions.defaults());
    }
    try (Network back = OnnxImporter.load(file, OnnxImportOptions.on(Device.cpu()))) {
      assertEquals("0.286", back.metadata().get("input.mean"));
      assertEquals("0.353", back.metadata().get("input.std"));
      assertEquals("onnx", back.metadata().get(OnnxImporter.META_FORMAT));
      assertEquals(
          "lenet", back.metadata().get("architecture"), "the file name, not the exported 'lenet5'");
      assertEquals("17", back.metadata().get(OnnxImporter.META_OPSET));
    }
  }

  private static float[][] runtime(byte[] model, float[] x, long[] sample) {
    try (OrtReference ort = new OrtReference(model)) {
      return ort.run(x, SAMPLES, sample);
    }
  }

  private static float[] flat(float[][] rows) {
    int width = rows[0].length;
    float[] out = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      assertEquals(width, rows[i].length, "outputs per sample");
      System.arraycopy(rows[i], 0, out, i * width, width);
    }
    return out;
  }
}
