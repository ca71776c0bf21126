package org.prunelab.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.SplitOptions;
import picocli.CommandLine.Option;

/**
 * Options that choose a dataset and how its official training set is split into train, validation
 * and S.
 */
final class DataOptions {
  @Option(
      names = "--dataset",
      defaultValue = "fashion-mnist",
      description = "fashion-mnist, mnist, cifar10 or " + "synthetic (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(
      names = "--data",
      description =
          "Folder holding the dataset's files (default: searched in "
              + "$PRUNELAB_DATA, ~/.prunelab/datasets, /usr/share/datasets).")
  Path data;

  @Option(
      names = "--validation",
      defaultValue = "5000",
      description = "Validation images held out of training " + "(default: ${DEFAULT-VALUE}).")
  int validation;

  @Option(
      names = "--sample-set",
      defaultValue = "1000",
      description = "Images held out as the pruning sample set S " + "(default: ${DEFAULT-VALUE}).")
  int sampleSet;

  @Option(
      names = "--split-seed",
      defaultValue = "0",
      description = "Seed of the train/validation/S split.")
  long splitSeed;

  DataSplits load() {
    return load(dataset, data, new SplitOptions(validation, sampleSet, splitSeed));
  }

  /**
   * Loads a dataset by name ({@value Datasets#SYNTHETIC} or one of {@link Datasets#names()}) from a
   * folder or the default.
   */
  static DataSplits load(String dataset, Path data, SplitOptions split) {
    return Datasets.open(dataset, Optional.ofNullable(data), split);
  }
}
