package org.prunelab.prune.method;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.prunelab.data.Batch;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.prune.sensitivity.SampleSets;
import org.prunelab.train.InputNormalization;
import org.prunelab.zoo.BundledModels;

/**
 * The trained Fashion-MNIST models from assets/ and the data to prune them with (skipped without
 * the dataset).
 */
final class TrainedFixtures {
  private static DataSplits splits;

  private TrainedFixtures() {}

  static Network model(String file) {
    Path path =
        BundledModels.find(file)
            .orElseThrow(() -> new AssertionError("assets/models/" + file + " missing"));
    return Checkpoint.load(path, Device.cpu());
  }

  static synchronized DataSplits splits() {
    assumeTrue(
        Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
        "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
    if (splits == null) {
      splits = Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(1000, 1000, 0));
    }
    return splits;
  }

  /** {@code n} sample-set images, normalised as the model was trained. */
  static Batch samples(Network network, int n, NDManager manager) {
    ImageDataset set = SampleSets.choose(splits().sampleSet(), n, 1);
    return SampleSets.batch(set, InputNormalization.of(network).orElseThrow(), manager);
  }

  /** The first {@code n} test images. */
  static ImageDataset test(int n) {
    return splits().test().subset(IntStream.range(0, n).toArray());
  }
}
