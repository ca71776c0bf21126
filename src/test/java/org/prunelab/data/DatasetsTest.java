package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.error.InvalidSettingException;

class DatasetsTest {

  @TempDir Path dir;

  @Test
  void splitOptionsRejectNegativesNamingTheValue() {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> new SplitOptions(-3, 0, 1));
    assertTrue(
        e.getMessage().contains("validationSize") && e.getMessage().contains("-3"), e.getMessage());
    e = assertThrows(InvalidSettingException.class, () -> new SplitOptions(0, -7, 1));
    assertTrue(
        e.getMessage().contains("sampleSetSize") && e.getMessage().contains("-7"), e.getMessage());
  }

  @Test
  void splitIsDisjointCompleteAndSeeded() {
    ImageDataset all = Tagged.dataset(300);
    ImageDataset test = Tagged.dataset(10);
    DataSplits a = Datasets.split(all, test, new SplitOptions(40, 25, 7));
    assertEquals(40, a.validation().size());
    assertEquals(25, a.sampleSet().size());
    assertEquals(235, a.train().size());
    assertSame(test, a.test());
    int[] union =
        IntStream.concat(
                IntStream.concat(
                    Arrays.stream(Tagged.indices(a.validation())),
                    Arrays.stream(Tagged.indices(a.sampleSet()))),
                Arrays.stream(Tagged.indices(a.train())))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, 300).toArray(), union);

    DataSplits again = Datasets.split(all, test, new SplitOptions(40, 25, 7));
    assertArrayEquals(Tagged.indices(a.sampleSet()), Tagged.indices(again.sampleSet()));
    DataSplits other = Datasets.split(all, test, new SplitOptions(40, 25, 8));
    assertFalse(Arrays.equals(Tagged.indices(a.sampleSet()), Tagged.indices(other.sampleSet())));
    assertEquals(Normalization.of(a.train()), a.normalization());
  }

  @Test
  void splitThatLeavesNoTrainingImagesIsRefused() {
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () ->
                Datasets.split(Tagged.dataset(50), Tagged.dataset(5), new SplitOptions(30, 20, 1)));
    assertTrue(e.getMessage().contains("50 training images"), e.getMessage());
  }

  @Test
  void syntheticSetIsNamedBalancedReproducibleAndLearnable() {
    DataSplits s = Datasets.synthetic(3, 2000, 500, new SplitOptions(100, 100, 3));
    ImageDataset train = s.train();
    assertEquals("synthetic (built-in)", train.name());
    assertEquals(10, train.numClasses());
    assertEquals(List.of(1, 28, 28), List.of(train.channels(), train.height(), train.width()));
    assertEquals(1800, train.size());
    assertEquals(500, s.test().size());
    int[] perClass = new int[10];
    for (int l : s.test().labels()) {
      perClass[l]++;
    }
    assertTrue(Arrays.stream(perClass).allMatch(c -> c == 50), Arrays.toString(perClass));

    float[] a = new float[784];
    float[] b = new float[784];
    Datasets.synthetic(3, 2000, 500, new SplitOptions(100, 100, 3)).test().copyImage(17, a, 0);
    s.test().copyImage(17, b, 0);
    assertArrayEquals(a, b);

    // a nearest-class-mean classifier, trained on train, must do far better than chance on test
    double[][] means = new double[10][784];
    int[] counts = new int[10];
    for (int i = 0; i < train.size(); i++) {
      train.copyImage(i, a, 0);
      counts[train.label(i)]++;
      for (int k = 0; k < 784; k++) {
        means[train.label(i)][k] += a[k];
      }
    }
    int correct = 0;
    for (int i = 0; i < s.test().size(); i++) {
      s.test().copyImage(i, a, 0);
      int best = -1;
      double bestDistance = Double.MAX_VALUE;
      for (int c = 0; c < 10; c++) {
        double d = 0;
        for (int k = 0; k < 784; k++) {
          double diff = a[k] - means[c][k] / counts[c];
          d += diff * diff;
        }
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      correct += best == s.test().label(i) ? 1 : 0;
    }
    assertTrue(correct >= 0.9 * s.test().size(), "nearest-mean accuracy " + correct + "/500");
  }

  @Test
  void loadsCifar10FromAnExplicitFolder() throws IOException {
    Path folder = dir.resolve("cifar-10-batches-bin");
    for (int b = 1; b <= 5; b++) {
      IdxFiles.write(
          folder.resolve("data_batch_" + b + ".bin"),
          Cifar10BinaryReaderTest.batch(b, b + 1, b + 2, b + 3));
    }
    IdxFiles.write(folder.resolve("test_batch.bin"), Cifar10BinaryReaderTest.batch(4, 5));
    DataSplits s = Datasets.load("cifar10", Optional.of(folder), new SplitOptions(2, 3, 1));
    assertEquals(15, s.train().size());
    assertEquals(2, s.validation().size());
    assertEquals(3, s.sampleSet().size());
    assertEquals(2, s.test().size());
    assertEquals(4, s.test().label(0));
    assertEquals(3, s.normalization().channels());
  }

  @Test
  void anEmptyTestFileIsRefusedWhenLoading() throws IOException {
    Path folder = dir.resolve("fm-empty-test");
    byte[] pixels = new byte[3 * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) i;
    }
    IdxFiles.write(folder.resolve("train-images-idx3-ubyte"), IdxFiles.images(3, 28, 28, pixels));
    IdxFiles.write(
        folder.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(new byte[] {0, 1, 2}));
    IdxFiles.write(
        folder.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(0, 28, 28, new byte[0]));
    IdxFiles.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(new byte[0]));
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> Datasets.load("fashion-mnist", Optional.of(folder), new SplitOptions(1, 1, 1)));
    assertTrue(
        e.getMessage().contains("holds no test images")
            && e.getMessage().contains(folder.toString())
            && e.getMessage().contains("apt-get install --reinstall dataset-fashion-mnist"),
        e.getMessage());
  }

  @Test
  void malformedFileInLoadNamesThePathAndTheRepair() throws IOException {
    Path folder = dir.resolve("fm");
    Files.createDirectories(folder);
    for (String f :
        new String[] {
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte"
        }) {
      Files.write(
          folder.resolve(f + ".gz"),
          IdxFiles.gzip(new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 28}));
    }
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> Datasets.load("fashion-mnist", Optional.of(folder), new SplitOptions(0, 0, 1)));
    assertTrue(
        e.getMessage().contains(folder.resolve("train-images-idx3-ubyte.gz").toString()),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("apt-get install --reinstall dataset-fashion-mnist"),
        e.getMessage());
  }

  @Test
  void namesListTheLoadableDatasets() {
    assertEquals(List.of("fashion-mnist", "mnist", "cifar10"), Datasets.names());
  }
}
