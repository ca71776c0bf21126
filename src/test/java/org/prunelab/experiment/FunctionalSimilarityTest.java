package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.results.SimilarityMetric;

/**
 * Functional similarity against a hand computation: images of two pixels, the reference network is
 * the identity (logits = pixels), the candidate swaps the two logits.
 */
class FunctionalSimilarityTest {
  private static final Normalization NONE = new Normalization(new float[] {0}, new float[] {1});

  private static Network linear(float... weight) {
    NetworkBuilder b = Network.builder(new Shape(1, 1, 2));
    b.add("flat", new Flatten(), Network.INPUT);
    b.add("fc", new Linear(2, 2, true), "flat");
    Map<String, float[]> values = Map.of("fc.weight", weight, "fc.bias", new float[] {0, 0});
    return b.build(Device.cpu(), (name, spec) -> values.get(name));
  }

  /** Pixels (1, 0), (0.2, 0.4) and (0.4, 0.4): bytes 255/0, 51/102, 102/102. */
  private static ImageDataset images() {
    byte[] pixels = {(byte) 255, 0, 51, 102, 102, 102};
    return new ImageDataset("three", pixels, new int[] {0, 1, 0}, 1, 1, 2, List.of("a", "b"));
  }

  @Test
  void cleanImagesMatchTheHandComputation() {
    try (Network identity = linear(1, 0, 0, 1);
        Network swap = linear(0, 1, 1, 0)) {
      SimilarityMetric m =
          FunctionalSimilarity.measure(
                  identity, swap, images(), NONE, List.of(0.0), 7, JobContext.silent())
              .get(0);
      // image 1: logits (1, 0) vs (0, 1): argmax differs, ||(1, -1)|| = sqrt 2; softmax (s, 1 - s),
      // s = e / (e + 1)
      // = 0.7310586, difference (2s - 1)(1, -1), norm 0.4621172 sqrt 2 = 0.6535339.
      // image 2: (0.2, 0.4) vs (0.4, 0.2): argmax differs, 0.2 sqrt 2 = 0.2828427; softmax first
      // entry
      // 1 / (1 + e^0.2) = 0.4501660, difference 0.0996680 (1, -1) with norm 0.1409518.
      // image 3: (0.4, 0.4) both ways: argmax 0 for both, distances 0.
      assertEquals(0.0, m.eps());
      assertEquals(1.0 / 3, m.agreement(), 1e-12);
      assertEquals((Math.sqrt(2) + 0.2 * Math.sqrt(2)) / 3, m.logitDistance(), 1e-6);
      assertEquals((0.6535339 + 0.1409518) / 3, m.softmaxDistance(), 1e-6);
    }
  }

  @Test
  void aNetworkIsIdenticalToItselfAtEveryNoiseLevel() {
    try (Network identity = linear(1, 0, 0, 1);
        Network same = linear(1, 0, 0, 1)) {
      List<SimilarityMetric> rows =
          FunctionalSimilarity.measure(
              identity,
              same,
              images(),
              NONE,
              FunctionalSimilarity.DEFAULT_EPS,
              3,
              JobContext.silent());
      assertEquals(
          FunctionalSimilarity.DEFAULT_EPS, rows.stream().map(SimilarityMetric::eps).toList());
      for (SimilarityMetric m : rows) {
        assertEquals(1.0, m.agreement(), m.toString());
        assertEquals(0.0, m.logitDistance(), 1e-7, m.toString());
        assertEquals(0.0, m.softmaxDistance(), 1e-7, m.toString());
      }
    }
  }

  @Test
  void theDefaultLevelsAreThePapersLinspace() {
    assertEquals(15, FunctionalSimilarity.DEFAULT_EPS.size());
    assertEquals(0.0, FunctionalSimilarity.DEFAULT_EPS.get(0));
    assertEquals(0.05, FunctionalSimilarity.DEFAULT_EPS.get(1), 1e-12);
    assertEquals(0.7, FunctionalSimilarity.DEFAULT_EPS.get(14), 1e-12);
  }

  @Test
  void noiseIsAddedToTheNormalisedInputWithinEps() {
    // 1,000 images with x1 = x2 = 0.4, normalised with std 0.1 to (4, 4): the swap's logit distance
    // is sqrt 2 |n1 - n2| with n1, n2 uniform on [-eps, eps] in NORMALISED units, E|n1 - n2| =
    // 2 eps / 3, so the mean distance is 2 sqrt 2 eps / 3 = 0.2828 at eps 0.3 (std of the mean
    // 0.006). Noise on the raw pixels would be ten times larger after normalisation.
    int n = 1000;
    byte[] pixels = new byte[2 * n];
    Arrays.fill(pixels, (byte) 102);
    ImageDataset flat = new ImageDataset("flat", pixels, new int[n], 1, 1, 2, List.of("a", "b"));
    Normalization tight = new Normalization(new float[] {0}, new float[] {0.1f});
    try (Network identity = linear(1, 0, 0, 1);
        Network swap = linear(0, 1, 1, 0)) {
      List<SimilarityMetric> rows =
          FunctionalSimilarity.measure(
              identity, swap, flat, tight, List.of(0.0, 0.3), 11, JobContext.silent());
      assertEquals(0.0, rows.get(0).logitDistance(), 1e-6);
      assertEquals(2 * Math.sqrt(2) * 0.3 / 3, rows.get(1).logitDistance(), 0.02);
    }
  }

  @Test
  void noiseMovesEachDistanceByAtMostTwoEpsSqrtTwo() {
    // the swap's logit distance on image i is sqrt 2 |x1 - x2|; the noise moves |x1 - x2| by at
    // most 2 eps (no normalisation here), so the
    // mean distance lies within 2 eps sqrt 2 of the clean mean, and image 3 (x1 = x2) makes it
    // change at all.
    try (Network identity = linear(1, 0, 0, 1);
        Network swap = linear(0, 1, 1, 0)) {
      List<SimilarityMetric> rows =
          FunctionalSimilarity.measure(
              identity, swap, images(), NONE, List.of(0.0, 0.3), 11, JobContext.silent());
      double clean = rows.get(0).logitDistance();
      double noisy = rows.get(1).logitDistance();
      assertEquals(clean, noisy, 2 * 0.3 * Math.sqrt(2));
      assertNotEquals(clean, noisy, 1e-4);
    }
  }
}
