package org.prunelab.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.SplitOptions;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.TestDistribution;

/**
 * The images a sweep uses, prepared once for all its jobs: the training images to retrain on (the
 * first {@code retrain.images} of the training split, or all), the held-out pool S is drawn from,
 * and the test distributions by name (the first {@code test.images} test images, clean, corrupted
 * by data.corrupt with the spec's seed, and with uniform noise), and the training split's
 * normalisation (for networks that store none). The official training set is split with {@link
 * #SPLIT}.
 *
 * <p>A noise distribution "noise/eps" holds x + 2 eps (U - 1/2) per pixel in raw [0, 1] space,
 * clipped to [0, 1] and stored as 8-bit pixels like every image set (the functional-similarity
 * probe adds unclipped float noise to the normalised input at its own levels, {@link
 * FunctionalSimilarity#DEFAULT_EPS}).
 */
public record SweepData(
    ImageDataset train,
    ImageDataset samplePool,
    ImageDataset test,
    Map<String, ImageDataset> distributions,
    Normalization trainNormalization) {

  /**
   * How sweeps split the official training set: as the workbench does ({@link ModelLoader#SPLIT}),
   * so a sweep and the workbench's Prune &amp; Retrain train on the same images.
   */
  public static final SplitOptions SPLIT = ModelLoader.SPLIT;

  /**
   * Loads the spec's dataset (searched like the CLI's, see data.DatasetLocator) and prepares its
   * images.
   */
  public static SweepData load(ExperimentSpec spec) {
    DataSplits splits = Datasets.open(spec.dataset(), Optional.<Path>empty(), SPLIT);
    return of(spec, splits);
  }

  /** Prepares the images of a spec from loaded splits. */
  public static SweepData of(ExperimentSpec spec, DataSplits splits) {
    Integer retrainImages = spec.retrain() == null ? null : spec.retrain().images();
    return of(spec.test(), retrainImages, spec.seedValue(), splits);
  }

  /**
   * Prepares the test distributions {@code test} (corruptions drawn with {@code seed}) and the
   * first {@code retrainImages} training images (all when null) from loaded splits.
   */
  public static SweepData of(
      TestDistributions test, Integer retrainImages, long seed, DataSplits splits) {
    ImageDataset train = first(splits.train(), retrainImages, "retrain.images", "training");
    ImageDataset testImages = first(splits.test(), test.images(), "test.images", "test");
    Map<String, ImageDataset> distributions = new LinkedHashMap<>();
    for (TestDistribution d : test.distributions()) {
      distributions.put(d.id(), d.images(testImages, seed));
    }
    return new SweepData(
        train, splits.sampleSet(), testImages, distributions, splits.normalization());
  }

  /**
   * The first {@code count} images of {@code set}, all when null.
   *
   * @throws ExperimentSpecException when the set has fewer, naming the {@code field} and the size
   */
  private static ImageDataset first(ImageDataset set, Integer count, String field, String split) {
    if (count != null && count > set.size()) {
      throw new ExperimentSpecException(
          field
              + " "
              + count
              + " is more than the "
              + set.size()
              + " "
              + split
              + " images of "
              + set.name()
              + "; give at most "
              + set.size()
              + ", or leave it out for all");
    }
    if (count == null || count == set.size()) {
      return set;
    }
    return set.subset(IntStream.range(0, count).toArray());
  }
}
