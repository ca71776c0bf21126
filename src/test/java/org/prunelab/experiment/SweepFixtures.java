package org.prunelab.experiment;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny sweeps on the bundled LeNet-5 and a few hundred Fashion-MNIST images. */
final class SweepFixtures {
  static final String LENET = "assets/models/lenet5-fashion-mnist.plm";

  private SweepFixtures() {}

  static boolean fashionMnistInstalled() {
    return Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist"));
  }

  /**
   * pfp and wt at keep 0.5 and 0.2, one epoch on {@code trainImages}, clean + fog/3 on 200 test
   * images.
   */
  static ExperimentSpec tiny(int trainImages) {
    return ExperimentSpecs.parse(
        """
        name: tiny-lenet5
        network: %s
        dataset: fashion-mnist
        methods: [pfp, wt]
        keep: {list: [0.5, 0.2]}
        retrain: {epochs: 1, lr: 0.01, batch: 64, images: %d}
        test: {clean: true, corruptions: [fog], severities: [3], images: 200}
        seed: 1
        """
            .formatted(LENET, trainImages));
  }
}
