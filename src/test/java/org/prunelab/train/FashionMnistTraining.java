package org.prunelab.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;

/**
 * Fashion-MNIST subsets for training tests, loaded once (skipped when the Debian package is
 * absent).
 */
final class FashionMnistTraining {
  private static DataSplits splits;

  private FashionMnistTraining() {}

  static synchronized DataSplits splits() {
    assumeTrue(
        Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
        "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
    if (splits == null) {
      splits = Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(1000, 0, 0));
    }
    return splits;
  }

  static ImageDataset first(ImageDataset data, int n) {
    return data.subset(IntStream.range(0, n).toArray());
  }
}
