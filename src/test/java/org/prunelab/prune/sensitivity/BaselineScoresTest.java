package org.prunelab.prune.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.data.Batch;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.NonFiniteException;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.zoo.BundledModels;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Filter norms, |w|, SNIP, ThiNet and random scores against values worked out by hand; the
 * sample-set helpers.
 */
class BaselineScoresTest {

  private static Network exact(NetworkBuilder b, Map<String, float[]> values) {
    return b.build(
        Device.cpu(),
        (name, spec) -> {
          float[] v = values.get(name);
          if (v == null) {
            throw new AssertionError("no test values for " + name);
          }
          return v.clone();
        });
  }

  /** Conv(2 -> 2, kernel 1x2) then flatten and a Linear(2*1*2 -> 1); input (2, 1, 3). */
  private static Network tinyConvNet() {
    NetworkBuilder b = Network.builder(new Shape(2, 1, 3));
    String x = b.add("conv", new Conv2d(2, 2, 1, 2, 1, 1, 0, 0, 1, 1, 1, false), Network.INPUT);
    x = b.add("flatten", new Flatten(), x);
    b.add("fc", new Linear(4, 1, false), x);
    return exact(
        b,
        Map.of(
            "conv.weight", new float[] {1, -2, 3, -4, 0.5f, 0, 0, -0.5f},
            "fc.weight", new float[] {2, -1, 0, 3}));
  }

  @Test
  void filterNormsAndMagnitudeOfATinyLayerByHand() {
    try (Network net = tinyConvNet()) {
      SensitivityReport l1 = FilterNorms.compute(net, FilterNorms.Norm.L1);
      SensitivityReport l2 = FilterNorms.compute(net, FilterNorms.Norm.L2);
      assertArrayEquals(new float[] {10, 1}, l1.layer("conv").outputChannelScores());
      assertArrayEquals(
          new float[] {(float) Math.sqrt(30), (float) Math.sqrt(0.5)},
          l2.layer("conv").outputChannelScores(),
          1e-6f);
      assertArrayEquals(new float[] {6}, l1.layer("fc").outputChannelScores());
      assertArrayEquals(
          new float[] {(float) Math.sqrt(14)}, l2.layer("fc").outputChannelScores(), 1e-6f);
      assertFalse(l1.layer("conv").hasInputChannelScores());
      assertEquals("l2", new FilterNorms(FilterNorms.Norm.L2).name());
      SensitivityReport w = WeightMagnitude.compute(net);
      assertArrayEquals(new float[] {1, 2, 3, 4, 0.5f, 0, 0, 0.5f}, w.layer("conv").weightScores());
      assertArrayEquals(new float[] {2, 1, 0, 3}, w.layer("fc").weightScores());
    }
  }

  /**
   * A Linear(3 -> 2) classifier: with p = softmax(W x + b) the mean cross-entropy has gradient
   * dL/dW = 1/N sum_n (p_n - onehot(y_n)) x_n^T, so SNIP = |dL/dW * W|, worked out here in float64.
   */
  @Test
  void snipIsTheLossGradientTimesTheWeightOnATinyClassifier() {
    float[] weight = {0.5f, -1, 0.25f, 2, 0.1f, -0.3f};
    float[] bias = {0.2f, -0.1f};
    NetworkBuilder b = Network.builder(new Shape(3, 1, 1));
    b.add("fc", new Linear(3, 2, true), b.add("flatten", new Flatten(), Network.INPUT));
    float[][] xs = {{1, 2, -1}, {0.5f, -0.5f, 3}, {-2, 1, 0}};
    long[] ys = {1, 0, 1};
    double[] grad = new double[6];
    for (int n = 0; n < 3; n++) {
      double[] z = new double[2];
      for (int i = 0; i < 2; i++) {
        z[i] = bias[i];
        for (int j = 0; j < 3; j++) {
          z[i] += weight[i * 3 + j] * xs[n][j];
        }
      }
      double norm = Math.exp(z[0]) + Math.exp(z[1]);
      for (int i = 0; i < 2; i++) {
        double d = Math.exp(z[i]) / norm - (ys[n] == i ? 1 : 0);
        for (int j = 0; j < 3; j++) {
          grad[i * 3 + j] += d * xs[n][j] / 3;
        }
      }
    }
    double[] expected = new double[6];
    for (int e = 0; e < 6; e++) {
      expected[e] = Math.abs(grad[e] * weight[e]);
    }
    try (Network net = exact(b, Map.of("fc.weight", weight, "fc.bias", bias));
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s =
            new Batch(
                m, new float[] {1, 2, -1, 0.5f, -0.5f, 3, -2, 1, 0}, new Shape(3, 3, 1, 1), ys)) {
      for (int chunk : new int[] {3, 2, 1}) {
        SensitivityReport r = new Snip(chunk).compute(net, s, JobContext.silent());
        Fixtures.assertRelativelyClose(
            expected, r.layer("fc").weightScores(), 1e-5, "SNIP, chunks of " + chunk);
      }
      assertArrayEquals(
          weight, net.parametersOf("fc").get("weight").toFloatArray(), "weights unchanged");
    }
  }

  /**
   * Contributions (0.3, 1.0, -0.95, 0.6) of four input channels to one output on every sampled
   * position: greedy removal costs 0.09 (ch 0), then 0.4225 (ch 2 with ch 0 cancels best), then
   * 0.0025 (ch 3), so the order is 0, 2, 3 and channel 1 remains; removing by magnitude would take
   * 3 before 2.
   */
  @Test
  void thinetRemovesGreedilyAndScoresTheFirstRemovedLowest() {
    NetworkBuilder b = Network.builder(new Shape(4, 1, 1));
    String x = b.add("flatten", new Flatten(), Network.INPUT);
    b.add("fc", new Linear(4, 1, true), x);
    try (Network net =
            exact(
                b,
                Map.of(
                    "fc.weight",
                    new float[] {0.3f, 1.0f, -0.95f, 0.6f},
                    "fc.bias",
                    new float[] {5}));
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      SensitivityReport r =
          ThiNet.compute(
              net, m.ones(new Shape(3, 4, 1, 1)), new ThiNet.Options(2, 0, 2), JobContext.silent());
      assertArrayEquals(new float[] {0.25f, 1f, 0.5f, 0.75f}, r.layer("fc").inputChannelScores());
      assertArrayEquals(
          new int[] {0, 2, 3, 1}, ThiNet.removalOrder(new double[][] {{0.3, 1.0, -0.95, 0.6}}));
    }
  }

  @Test
  void thinetOnLenet5RanksEveryChannelOnceAndRepeatsWithItsSeed() {
    try (Network net = Fixtures.bundled(BundledModels.LENET5);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, 6, m)) {
      SensitivityReport a =
          ThiNet.compute(net, s.images(), new ThiNet.Options(5, 11, 4), JobContext.silent());
      SensitivityReport again =
          ThiNet.compute(net, s.images(), new ThiNet.Options(5, 11, 2), JobContext.silent());
      for (LayerScores l : a.layers()) {
        float[] scores = l.inputChannelScores();
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        for (int r = 0; r < sorted.length; r++) {
          assertEquals((float) (r + 1) / sorted.length, sorted[r], l.node() + " rank " + r);
        }
        assertArrayEquals(
            scores, again.layer(l.node()).inputChannelScores(), l.node() + " with other chunks");
      }
    }
  }

  @Test
  void randomScoresRepeatWithTheSeedAndDifferWithAnother() {
    try (Network net = Zoo.create("lenet5", ZooOptions.grey28(), Device.cpu(), 0)) {
      SensitivityReport a = RandomScores.compute(net, 5);
      SensitivityReport b = new RandomScores(5).compute(net, null, JobContext.silent());
      SensitivityReport c = RandomScores.compute(net, 6);
      for (LayerScores l : a.layers()) {
        assertArrayEquals(l.weightScores(), b.layer(l.node()).weightScores());
        assertArrayEquals(l.inputChannelScores(), b.layer(l.node()).inputChannelScores());
        assertFalse(Arrays.equals(l.weightScores(), c.layer(l.node()).weightScores()), l.node());
        for (float v : l.weightScores()) {
          assertTrue(v >= 0 && v < 1);
        }
      }
      assertEquals(
          List.of("conv1", "conv2", "fc1", "fc2"),
          a.layers().stream().map(LayerScores::node).toList());
    }
  }

  @Test
  void snipAndThinetRejectBadSampleSets() {
    try (Network net = Fixtures.bundled(BundledModels.LENET5);
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      float[] values = new float[2 * 28 * 28];
      values[7] = Float.POSITIVE_INFINITY;
      try (Batch bad = new Batch(m, values, new Shape(2, 1, 28, 28), new long[] {0, 1})) {
        assertThrows(
            NonFiniteException.class, () -> new Snip(4).compute(net, bad, JobContext.silent()));
        assertThrows(
            NonFiniteException.class,
            () ->
                ThiNet.compute(
                    net, bad.images(), new ThiNet.Options(2, 0, 2), JobContext.silent()));
      }
      try (Batch empty = new Batch(m, new float[0], new Shape(0, 1, 28, 28), new long[0])) {
        assertThrows(
            SensitivityException.class, () -> new Snip(4).compute(net, empty, JobContext.silent()));
      }
    }
  }

  /**
   * ResNet-20 on 3x32x32 has 7 x 16,384 + 7 x 8,192 + 7 x 4,096 + 10 = 200,714 neurons, 16,384 in
   * its largest layer.
   */
  @Test
  void sampleSizeFollowsTheBoundAndSamplesRepeatWithTheirSeed() {
    try (Network net = Zoo.create("resnet20", ZooOptions.colour32(), Device.cpu(), 0)) {
      assertEquals(
          (int) Math.ceil(3 * Math.log(8.0 * 16384 * 200714 / 1e-16)),
          SampleSets.requiredSize(net));
      assertEquals(183, SampleSets.requiredSize(net));
    }
    ImageDataset pool = Datasets.synthetic(0, 300, 10, new SplitOptions(0, 100, 0)).sampleSet();
    ImageDataset a = SampleSets.choose(pool, 20, 9);
    ImageDataset b = SampleSets.choose(pool, 20, 9);
    ImageDataset c = SampleSets.choose(pool, 20, 10);
    assertArrayEquals(a.labels(), b.labels());
    float[] first = new float[pool.imageSize()];
    float[] second = new float[pool.imageSize()];
    a.copyImage(0, first, 0);
    b.copyImage(0, second, 0);
    assertArrayEquals(first, second);
    boolean differs = false;
    for (int i = 0; i < 20 && !differs; i++) {
      a.copyImage(i, first, 0);
      c.copyImage(i, second, 0);
      differs = !Arrays.equals(first, second);
    }
    assertTrue(differs, "another seed draws other images");
    SensitivityException e =
        assertThrows(SensitivityException.class, () -> SampleSets.choose(pool, 101, 0));
    assertTrue(e.getMessage().contains("sampleSetSize"), e.getMessage());
  }
}
