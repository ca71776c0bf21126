package org.prunelab.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Entry point of the data package: loads a dataset by name and divides it into train, validation,
 * the held-out sample set S, and test (see {@link SplitOptions}), with the normalisation of the
 * training part.
 */
public final class Datasets {
  /** Name of the built-in synthetic image set, the labelled stand-in for machines without data. */
  public static final String SYNTHETIC = "synthetic";

  /** Images of the synthetic set's official training and test parts before splitting. */
  private static final int SYNTHETIC_TRAIN = 12_000;

  private static final int SYNTHETIC_TEST = 2_000;

  private Datasets() {}

  /**
   * Opens dataset {@code name}: the built-in synthetic set for {@value #SYNTHETIC} (generated from
   * the split's seed), else {@link #load}.
   *
   * @throws DatasetException if a real dataset is missing or malformed
   */
  public static DataSplits open(String name, Optional<Path> explicitPath, SplitOptions opts) {
    return SYNTHETIC.equals(name)
        ? synthetic(opts.seed(), SYNTHETIC_TRAIN, SYNTHETIC_TEST, opts)
        : load(name, explicitPath, opts);
  }

  /** Names accepted by {@link #load}: {@code fashion-mnist}, {@code mnist}, {@code cifar10}. */
  public static List<String> names() {
    return Arrays.stream(DatasetKind.values()).map(k -> k.id).toList();
  }

  /**
   * Loads dataset {@code name} from the folder {@link DatasetLocator#standard()} finds (or {@code
   * explicitPath} alone, when given) and splits it with {@link #split}.
   *
   * @throws DatasetException if the dataset is missing, malformed or has an empty test set; the
   *     message names the file and the fix
   */
  public static DataSplits load(String name, Optional<Path> explicitPath, SplitOptions opts) {
    DatasetKind kind = DatasetKind.byName(name);
    Path folder = DatasetLocator.standard().locate(name, explicitPath);
    DatasetKind.Official official;
    try {
      official = kind.readOfficial(folder);
    } catch (DatasetException e) {
      throw new DatasetException(
          e.getMessage() + " (for " + kind.id + ": " + kind.repairHint + ")", e);
    }
    if (official.test().size() == 0) {
      throw new DatasetException(
          official.test().name() + " in " + folder + " holds no test images; " + kind.repairHint);
    }
    return split(official.train(), official.test(), opts);
  }

  /**
   * The built-in synthetic set "synthetic (built-in)" (1x28x28, 10 classes, one shape per class
   * plus noise), generated from {@code seed} and split with {@code opts}; used when no real dataset
   * is installed.
   *
   * @param trainSize images in the official training set before splitting
   * @param testSize images in the test set
   */
  public static DataSplits synthetic(long seed, int trainSize, int testSize, SplitOptions opts) {
    ImageDataset train = SyntheticImages.generate(Randomness.mix(seed, 0), trainSize);
    ImageDataset test = SyntheticImages.generate(Randomness.mix(seed, 1), testSize);
    return split(train, test, opts);
  }

  /**
   * Shuffles {@code officialTrain} with {@code opts.seed()} and cuts the permutation into
   * validation (first {@code validationSize}), sample set S (next {@code sampleSetSize}) and train
   * (the rest); the test set is kept as it is. The normalisation is computed on the resulting train
   * part.
   *
   * @throws DatasetException if the held-out sets would leave no training images
   */
  public static DataSplits split(ImageDataset officialTrain, ImageDataset test, SplitOptions opts) {
    int n = officialTrain.size();
    long heldOut = (long) opts.validationSize() + opts.sampleSetSize();
    if (heldOut >= n) {
      throw new DatasetException(
          officialTrain.name()
              + " has "
              + n
              + " training images, too few to hold out "
              + opts.validationSize()
              + " for validation and "
              + opts.sampleSetSize()
              + " for the sample set and still train; lower validationSize or sampleSetSize");
    }
    int[] order = Randomness.permutation(n, new Random(opts.seed()));
    int v = opts.validationSize();
    int s = v + opts.sampleSetSize();
    ImageDataset validation = officialTrain.subset(Arrays.copyOfRange(order, 0, v));
    ImageDataset sampleSet = officialTrain.subset(Arrays.copyOfRange(order, v, s));
    ImageDataset train = officialTrain.subset(Arrays.copyOfRange(order, s, n));
    return new DataSplits(train, validation, sampleSet, test, Normalization.of(train));
  }
}
