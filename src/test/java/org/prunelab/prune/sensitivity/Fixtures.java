package org.prunelab.prune.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import org.prunelab.data.Batch;
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

/**
 * Shared inputs of the sensitivity tests: the trained bundled models and real Fashion-MNIST test
 * images (the built-in synthetic images where Fashion-MNIST is not installed), normalised like the
 * model's training inputs.
 */
final class Fixtures {
  private static ImageDataset images;

  private Fixtures() {}

  static Network bundled(String fileName) {
    return Checkpoint.load(
        BundledModels.find(fileName)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "bundled model "
                            + fileName
                            + " not found; run the tests from the repository root")),
        Device.cpu());
  }

  /** The first {@code n} test images as a batch normalised like {@code net}'s training inputs. */
  static Batch batch(Network net, int n, NDManager manager) {
    ImageDataset test = testImages();
    Normalization norm = InputNormalization.of(net).orElse(Normalization.of(test));
    int[] first = new int[n];
    Arrays.setAll(first, i -> i);
    return SampleSets.batch(test.subset(first), norm, manager);
  }

  private static synchronized ImageDataset testImages() {
    if (images == null) {
      boolean real = Files.isDirectory(DatasetLocator.SYSTEM_ROOT.resolve("fashion-mnist"));
      DataSplits s =
          real
              ? Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(0, 0, 1))
              : Datasets.synthetic(0, 200, 300, new SplitOptions(0, 0, 1));
      images = s.test();
    }
    return images;
  }

  /**
   * |actual - expected| <= rel |expected| for every element (relative agreement; an expected 0 must
   * be matched exactly up to 1e-30).
   */
  static void assertRelativelyClose(double[] expected, float[] actual, double rel, String what) {
    assertEquals(expected.length, actual.length, what + ": number of values");
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs(actual[i] - expected[i]);
      if (!(diff <= rel * Math.abs(expected[i]) + 1e-30)) {
        fail(
            what
                + ": value "
                + i
                + " expected "
                + expected[i]
                + " but was "
                + actual[i]
                + " (relative tolerance "
                + rel
                + ")");
      }
      worst = Math.max(worst, expected[i] == 0 ? 0 : diff / Math.abs(expected[i]));
    }
    System.err.printf(
        "%s: %d values, largest relative difference %.2e%n", what, expected.length, worst);
  }

  static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
