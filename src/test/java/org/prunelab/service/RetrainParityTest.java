package org.prunelab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.DataSplits;
import org.prunelab.data.Datasets;
import org.prunelab.experiment.ExperimentRunner;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.HandPruning;
import org.prunelab.job.JobContext;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.JobResult;
import org.prunelab.results.ResultsStore;

/**
 * A sweep and the workbench's Prune &amp; Retrain retrain through the one {@link RetrainRecipe}:
 * the same settings give the same recipe, and the same pruned network retrained by both paths on
 * the same images measures the same top-1, to the last image.
 */
class RetrainParityTest {
  private static final String LENET = "assets/models/lenet5-fashion-mnist.plm";
  private static final int TRAIN_IMAGES = 1500;
  private static final int TEST_IMAGES = 400;

  @TempDir Path dir;

  @Test
  void aSweepSpecWithoutLearningRateOrBatchGivesTheDefaultRecipe() {
    ExperimentSpec spec = spec(2);
    assertEquals(RetrainRecipe.of(2), spec.retrain().recipe());
    assertEquals(RetrainRecipe.of(2).trainingRecipe(7), spec.retrain().recipe().trainingRecipe(7));
  }

  @Test
  void aSweepJobAndTheWorkbenchJobMeasureTheSameRetrainedNetwork() throws Exception {
    ExperimentSpec spec = spec(1);
    double sweepTop1;
    try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
      new ExperimentRunner(spec, store, 0).run(JobContext.silent());
      JobResult ft =
          store.results(ExperimentSpecs.hash(spec)).stream()
              .filter(r -> r.key().method().equals("ft"))
              .findFirst()
              .orElseThrow();
      sweepTop1 =
          ft.metrics().stream()
              .filter(m -> m.distribution().equals("clean"))
              .mapToDouble(DistributionMetric::top1)
              .findFirst()
              .orElseThrow();
    }
    LoadedModel loaded = ModelLoader.load(LENET, Datasets.SYNTHETIC, JobContext.silent());
    LoadedModel model = firstImages(loaded);
    try {
      Map<String, int[]> kept;
      Compression ft = CompressionMethod.FT.compression(0);
      try (Compressed pruned =
          ft.compress(model.network(), null, Budget.parameters(0.5), JobContext.silent())) {
        kept = pruned.keptChannels();
      }
      ManualPruning.Measured workbench =
          new HandPruning(
                  model, kept, () -> "ft", RetrainRecipe.of(1), 0, null, new HandPruning.Recorder())
              .run(JobContext.silent())
              .measured();
      assertEquals(TEST_IMAGES, workbench.images());
      assertEquals(sweepTop1, workbench.top1(), 0.0, "same network, recipe, images and seed");
    } finally {
      model.network().close();
    }
  }

  /** The model with the images the spec names: the first training and test images only. */
  private static LoadedModel firstImages(LoadedModel m) {
    DataSplits d = m.data();
    DataSplits first =
        new DataSplits(
            d.train().subset(IntStream.range(0, TRAIN_IMAGES).toArray()),
            d.validation(),
            d.sampleSet(),
            d.test().subset(IntStream.range(0, TEST_IMAGES).toArray()),
            d.normalization());
    return new LoadedModel(
        m.source(), m.dataset(), m.network(), first, m.normalization(), m.summary(), m.groups());
  }

  /**
   * ft at half the parameters, {@code epochs} of retraining with the defaults on the first {@value
   * #TRAIN_IMAGES} training images, clean first {@value #TEST_IMAGES} test images.
   */
  private static ExperimentSpec spec(int epochs) {
    return ExperimentSpecs.parse(
        """
        name: parity
        network: %s
        dataset: synthetic
        methods: [ft]
        keep: {list: [0.5]}
        retrain: {epochs: %d, images: %d}
        test: {clean: true, images: %d}
        """
            .formatted(LENET, epochs, TRAIN_IMAGES, TEST_IMAGES));
  }
}
