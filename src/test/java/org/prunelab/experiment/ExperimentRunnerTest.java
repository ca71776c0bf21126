package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobCancelledException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Network;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.ResultsStore;
import org.prunelab.results.SimilarityMetric;
import org.prunelab.service.Retrainer;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.Loaders;

/** Job expansion, a real tiny sweep with resume, cancellation and failures. */
class ExperimentRunnerTest {
  @TempDir Path dir;

  @Test
  void expansionPutsTheUnprunedReferenceFirstThenMethodsRatiosRepetitions() {
    ExperimentSpec spec =
        ExperimentSpecs.parse(
            """
        name: e
        network: lenet5
        dataset: fashion-mnist
        methods: [ft, alds]
        keep: {list: [0.5, 0.25]}
        repetitions: 2
        test: {clean: true}
        """);
    List<JobKey> keys = SweepJobs.expand(spec);
    assertEquals(1 + 2 * 2 * 2, keys.size());
    String hash = ExperimentSpecs.hash(spec);
    assertEquals(new JobKey(hash, "lenet5", "unpruned", 1.0, 0, "one-shot"), keys.get(0));
    assertEquals(
        List.of(
            "ft 0.5 0",
            "ft 0.5 1",
            "ft 0.25 0",
            "ft 0.25 1",
            "alds 0.5 0",
            "alds 0.5 1",
            "alds 0.25 0",
            "alds 0.25 1"),
        keys.subList(1, keys.size()).stream()
            .map(k -> k.method() + " " + k.keepRatio() + " " + k.repetition())
            .toList());
    assertEquals("ft keep 0.25 rep 1", SweepJobs.label(keys.get(4)));
    assertEquals(
        spec,
        ExperimentSpecs.parse(ExperimentSpecs.canonical(spec)),
        "the stored spec text reads back");
  }

  @Test
  void lowRankMethodsAreRefusedOutsideOneShot() {
    ExperimentSpecException e =
        assertThrows(
            ExperimentSpecException.class,
            () ->
                ExperimentSpecs.parse(
                    """
        name: e
        network: lenet5
        dataset: fashion-mnist
        methods: [pfp, alds]
        keep: {list: [0.5]}
        mode: iterative
        test: {clean: true}
        """));
    assertTrue(
        e.getMessage().contains("alds") && e.getMessage().contains("one-shot"), e.getMessage());
  }

  /**
   * A sweep asked for informative features records them for every job; the reference job is the
   * original itself (no retraining), so its SIS is the original's: overlap exactly 1.
   */
  @Test
  void aFeaturesProbeRecordsEveryJobsSisAgainstTheOriginals() throws Exception {
    assumeTrue(SweepFixtures.fashionMnistInstalled(), "Fashion-MNIST not installed");
    ExperimentSpec spec =
        ExperimentSpecs.parse(
            """
            name: features-lenet5
            network: %s
            dataset: fashion-mnist
            methods: [wt]
            keep: {list: [0.05]}
            test: {clean: true, images: 100}
            features: {images: 3, threshold: 0.9, patch: 4}
            seed: 1
            """
                .formatted(SweepFixtures.LENET));
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      new ExperimentRunner(spec, store, 0).run(JobContext.silent());
      Map<JobKey, FeatureMetric> features = store.features(ExperimentSpecs.hash(spec));
      List<JobKey> keys = SweepJobs.expand(spec);
      assertEquals(keys, List.copyOf(features.keySet()));
      FeatureMetric reference = features.get(keys.get(0));
      assertEquals(3, reference.images());
      assertEquals(3, reference.found());
      assertEquals(1.0, reference.overlap(), 1e-12);
      assertEquals(4, reference.patch());
      // 7 x 7 blocks of 4 x 4 pixels: an SIS holds at least one of 49
      assertTrue(reference.sisFraction() >= 1.0 / 49, reference.toString());
      assertTrue(reference.candidateOnReference() >= 0.9, reference.toString());
      assertTrue(reference.referenceOnCandidate() >= 0.9, reference.toString());
      FeatureMetric pruned = features.get(keys.get(1));
      assertEquals(3, pruned.images());
      assertTrue(pruned.found() <= 3, pruned.toString());
    }
  }

  @Test
  void tinySweepRecordsEveryJobOnceAndResumes() throws Exception {
    assumeTrue(SweepFixtures.fashionMnistInstalled(), "Fashion-MNIST not installed");
    ExperimentSpec spec = SweepFixtures.tiny(256);
    String hash = ExperimentSpecs.hash(spec);
    try (ResultsStore store = ResultsStore.open(dir.resolve("results.db"))) {
      RunSummary first = new ExperimentRunner(spec, store, 2).run(JobContext.silent());
      assertEquals(
          List.of(SweepJobs.expand(spec).get(0), SweepJobs.expand(spec).get(1)), first.finished());
      assertEquals(3, first.remaining());

      RunSummary second = new ExperimentRunner(spec, store, 0).run(JobContext.silent());
      assertEquals(2, second.skipped());
      assertEquals(3, second.finished().size());
      assertEquals(List.of(), second.failures());
      assertEquals(0, second.remaining());

      RunSummary third = new ExperimentRunner(spec, store, 0).run(JobContext.silent());
      assertEquals(5, third.skipped());
      assertEquals(List.of(), third.finished());

      List<JobResult> results = store.results(hash);
      assertEquals(5, results.size());
      Map<JobKey, List<SimilarityMetric>> similarity = store.similarity(hash);
      for (JobResult r : results) {
        JobKey k = r.key();
        assertEquals(
            List.of("clean", "fog/3"),
            r.metrics().stream().map(DistributionMetric::distribution).toList());
        assertEquals("0.36.0", r.versions().get("djl"));
        assertEquals("2.7.1", r.versions().get("libtorch"));
        List<SimilarityMetric> s = similarity.get(k);
        assertEquals(
            FunctionalSimilarity.DEFAULT_EPS, s.stream().map(SimilarityMetric::eps).toList());
        switch (k.method()) {
          case "unpruned" -> {
            assertEquals(1.0, r.paramRatio());
            assertEquals(
                Map.of(
                    "conv1",
                    20,
                    "conv2",
                    50,
                    "fc1",
                    500,
                    "conv1.weight",
                    500,
                    "conv2.weight",
                    25_000,
                    "fc1.weight",
                    400_000,
                    "fc2.weight",
                    5_000),
                r.keptPerUnit(),
                "every unit of LeNet-5, in full");
            // the reference is the original retrained with the sweep's recipe: close to, not
            // identical with, the original network
            assertTrue(r.retrainTime().toNanos() > 0, "the reference is retrained too");
            assertTrue(s.get(0).agreement() > 0.9 && s.get(0).agreement() < 1, s.toString());
            assertEquals(
                retrainedUnprunedTop1(spec),
                r.metrics().get(0).top1(),
                1e-12,
                "clean top-1 of the bundled LeNet-5 after the sweep's retraining");
          }
          case "pfp" -> {
            assertEquals(k.keepRatio(), r.paramRatio(), 0.005, k.toString());
            assertEquals(List.of("conv1", "conv2", "fc1"), List.copyOf(r.keptPerUnit().keySet()));
            assertTrue(r.retrainTime().toNanos() > 0);
          }
          case "wt" -> {
            assertEquals(k.keepRatio(), r.paramRatio(), 1e-4, k.toString());
            long prunedWeights =
                r.keptPerUnit().values().stream().mapToLong(Integer::longValue).sum();
            assertEquals(
                r.originalParams() - r.realisedParams(),
                lenetWeights() - prunedWeights,
                "realised parameters = original minus masked weights");
          }
          default -> throw new AssertionError("unexpected job " + k);
        }
        if (!k.method().equals("unpruned")) {
          assertTrue(s.get(0).agreement() > 0.5 && s.get(0).agreement() <= 1, s.toString());
          assertTrue(s.get(0).logitDistance() > 0, s.toString());
        }
      }
    }
  }

  /** The bundled LeNet-5's top-1 on the first 200 test images, measured without the runner. */
  /** The bundled LeNet-5 retrained as the sweep retrains (seed = spec seed + repetition 0). */
  private static double retrainedUnprunedTop1(ExperimentSpec spec) {
    SweepData data = SweepData.load(spec);
    try (Network net = Checkpoint.load(Path.of(SweepFixtures.LENET), Device.cpu())) {
      Normalization normalization = InputNormalization.of(net).orElseThrow();
      Retrainer.retrain(
          net,
          Optional.empty(),
          spec.retrain().recipe(),
          data.train(),
          normalization,
          spec.seedValue(),
          JobContext.silent());
      ImageDataset test = data.test();
      assertEquals(200, test.size());
      return Evaluator.evaluate(net, Loaders.evaluation(test, normalization), JobContext.silent())
          .top1();
    }
  }

  /** Conv and linear weights of the bundled LeNet-5 (the elements weight methods mask). */
  private static long lenetWeights() {
    try (Network net = Checkpoint.load(Path.of(SweepFixtures.LENET), Device.cpu())) {
      return net.parameters().entrySet().stream()
          .filter(
              e ->
                  e.getKey().endsWith(".weight")
                      && net.node(e.getKey().substring(0, e.getKey().lastIndexOf('.')))
                          .layer()
                          .getClass()
                          .getSimpleName()
                          .matches("Conv2d|Linear"))
          .mapToLong(e -> e.getValue().size())
          .sum();
    }
  }

  @Test
  void cancellingInsideAJobRecordsNothingOfIt() {
    assumeTrue(SweepFixtures.fashionMnistInstalled(), "Fashion-MNIST not installed");
    ExperimentSpec spec = SweepFixtures.tiny(256);
    AtomicBoolean cancel = new AtomicBoolean();
    JobContext ctx =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            if (message != null && message.startsWith("pfp keep 0.50 rep 0: epoch")) {
              cancel.set(true);
            }
          }

          @Override
          public boolean isCancelled() {
            return cancel.get();
          }
        };
    try (ResultsStore store = ResultsStore.open(dir.resolve("cancel.db"))) {
      assertThrows(
          JobCancelledException.class, () -> new ExperimentRunner(spec, store, 0).run(ctx));
      assertEquals(
          List.of(SweepJobs.expand(spec).get(0)),
          List.copyOf(store.finishedKeys(ExperimentSpecs.hash(spec))),
          "the reference job finished; the cancelled pfp job left nothing");
    }
  }

  @Test
  void aFailedJobIsReportedAndTheSweepGoesOn() {
    assumeTrue(SweepFixtures.fashionMnistInstalled(), "Fashion-MNIST not installed");
    ExperimentSpec spec =
        ExperimentSpecs.parse(
            """
        name: failing
        network: %s
        dataset: fashion-mnist
        methods: [svd, ft]
        keep: {list: [0.001]}
        test: {clean: true, images: 100}
        """
                .formatted(SweepFixtures.LENET));
    try (ResultsStore store = ResultsStore.open(dir.resolve("fail.db"))) {
      RunSummary summary = new ExperimentRunner(spec, store, 0).run(JobContext.silent());
      List<JobKey> keys = SweepJobs.expand(spec);
      assertEquals(List.of(keys.get(1)), summary.failures().stream().map(JobFailure::key).toList());
      assertTrue(
          summary.failures().get(0).message().contains("0.001"),
          summary.failures().get(0).message());
      assertEquals(
          List.of(keys.get(0), keys.get(2)), summary.finished(), "the jobs after the failure ran");
      assertEquals(2, store.results(summary.specHash()).size(), "failures are not stored");
      assertEquals(
          1,
          new ExperimentRunner(spec, store, 0).run(JobContext.silent()).failures().size(),
          "a failed job is tried again on the next run");
    }
  }
}
