package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks against the real Fashion-MNIST (Debian package dataset-fashion-mnist); skipped where it is
 * absent.
 */
class FashionMnistTest {

  private static final Path FOLDER = DatasetLocator.SYSTEM_ROOT.resolve("fashion-mnist");

  private static DataSplits official;
  private static DataSplits seed42;

  @BeforeAll
  static void load() {
    assumeTrue(Files.isDirectory(FOLDER), "Fashion-MNIST is not installed at " + FOLDER);
    official = Datasets.load("fashion-mnist", Optional.of(FOLDER), new SplitOptions(0, 0, 1));
    seed42 = Datasets.load("fashion-mnist", Optional.of(FOLDER), new SplitOptions(5000, 1000, 42));
  }

  @Test
  void officialSplitsHaveTheirPublishedSizesAndLabels() {
    ImageDataset train = official.train();
    ImageDataset test = official.test();
    assertEquals(60000, train.size());
    assertEquals(10000, test.size());
    assertEquals(List.of(1, 28, 28), List.of(train.channels(), train.height(), train.width()));
    int[] perClass = new int[10];
    for (int label : train.labels()) {
      perClass[label]++;
    }
    assertArrayEquals(
        new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, perClass);
    assertEquals(9, test.label(0));
    assertEquals("Ankle boot", test.classNames().get(test.label(0)));
  }

  @Test
  void normalisationOfTheTrainingPixelsMatchesThePublishedValues() {
    Normalization n = Normalization.of(official.train());
    assertEquals(0.2860, n.mean()[0], 1e-3);
    assertEquals(0.3530, n.std()[0], 1e-3);
    assertEquals(n, official.normalization());
  }

  @Test
  void splitsPartitionTheTrainingSetAndDependOnlyOnTheSeed() {
    assertEquals(54000, seed42.train().size());
    assertEquals(5000, seed42.validation().size());
    assertEquals(1000, seed42.sampleSet().size());
    assertEquals(10000, seed42.test().size());

    Map<Long, Integer> parts = new HashMap<>();
    for (ImageDataset part : List.of(seed42.train(), seed42.validation(), seed42.sampleSet())) {
      count(part, parts);
    }
    assertEquals(
        count(official.train(), new HashMap<>()), parts, "train + validation + S = official train");

    DataSplits again =
        Datasets.load("fashion-mnist", Optional.of(FOLDER), new SplitOptions(5000, 1000, 42));
    assertArrayEquals(fingerprints(seed42.sampleSet()), fingerprints(again.sampleSet()));
    assertArrayEquals(fingerprints(seed42.validation()), fingerprints(again.validation()));
    DataSplits other =
        Datasets.split(official.train(), official.test(), new SplitOptions(5000, 1000, 43));
    assertFalse(Arrays.equals(fingerprints(seed42.sampleSet()), fingerprints(other.sampleSet())));
  }

  /** Adds the multiset of image fingerprints of {@code ds} to {@code counts}. */
  private static Map<Long, Integer> count(ImageDataset ds, Map<Long, Integer> counts) {
    for (long f : fingerprints(ds)) {
      counts.merge(f, 1, Integer::sum);
    }
    return counts;
  }

  /** A 64-bit FNV-1a hash of each image's pixels and label. */
  private static long[] fingerprints(ImageDataset ds) {
    long[] out = new long[ds.size()];
    float[] img = new float[ds.imageSize()];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyImage(i, img, 0);
      long h = 0xcbf29ce484222325L ^ ds.label(i);
      for (float v : img) {
        h = (h ^ Math.round(v * 255)) * 0x100000001b3L;
      }
      out[i] = h;
    }
    return out;
  }
}
