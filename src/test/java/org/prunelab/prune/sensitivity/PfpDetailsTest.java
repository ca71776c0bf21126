package org.prunelab.prune.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunelab.data.Batch;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.NonFiniteException;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Relu;
import org.prunelab.zoo.BundledModels;

/**
 * PFP/SiPP beyond the zoo: grouped, depthwise, strided, dilated and non-square convolutions with
 * inputs that have negative values, both reduction paths (host loops and device broadcasting)
 * against the per-image definition, the independence from chunk size and memory cap, bad sample
 * sets, and native memory.
 */
class PfpDetailsTest {

  /**
   * conv(4->6, 3x3, stride 2, pad 1, groups 2), ReLU, depthwise 3x3 dilation 2 pad 2, conv 2x3
   * stride (1,2), fc.
   */
  private static Network oddNetwork() {
    NetworkBuilder b = Network.builder(new Shape(4, 9, 9));
    String x = b.add("grouped", new Conv2d(4, 6, 3, 3, 2, 2, 1, 1, 1, 1, 2, true), Network.INPUT);
    x = b.add("relu", new Relu(), x);
    x = b.add("depthwise", new Conv2d(6, 6, 3, 3, 1, 1, 2, 2, 2, 2, 6, false), x);
    x = b.add("wide", new Conv2d(6, 4, 2, 3, 1, 2, 0, 1, 1, 1, 1, true), x);
    x = b.add("flatten", new Flatten(), x);
    b.add("fc", new Linear(Math.toIntExact(b.shapeOf(x).get(0)), 3, true), x);
    return b.build(Device.cpu(), 7);
  }

  @Test
  void groupedDepthwiseStridedDilatedLayersMatchTheDefinitionOnBothPaths() {
    try (Network net = oddNetwork();
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      m.getEngine().setRandomSeed(3);
      NDArray samples = m.randomNormal(new Shape(5, 4, 9, 9));
      for (boolean mean : new boolean[] {false, true}) {
        Map<String, double[]> expected = PerPointReference.weightSensitivities(net, samples, mean);
        PatchReduction red = mean ? PatchReduction.MEAN : PatchReduction.MAX;
        for (boolean onHost : new boolean[] {true, false}) {
          EdgeSensitivity.Result r =
              new EdgeSensitivity(net, PfpOptions.DEFAULT.withChunkSize(2), red, onHost)
                  .compute(samples, org.prunelab.job.JobContext.silent());
          for (String node : expected.keySet()) {
            Fixtures.assertRelativelyClose(
                expected.get(node),
                r.weightScores().get(node),
                1e-5,
                node + (mean ? " mean" : " max") + (onHost ? " host" : " device"));
          }
        }
      }
    }
  }

  @Test
  void devicePathMatchesTheDefinitionOnLenet5() {
    try (Network net = Fixtures.bundled(BundledModels.LENET5);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, 3, m)) {
      Map<String, double[]> expected =
          PerPointReference.weightSensitivities(net, s.images(), false);
      EdgeSensitivity.Result r =
          new EdgeSensitivity(
                  net, PfpOptions.DEFAULT.withMemoryCapBytes(1 << 20), PatchReduction.MAX, false)
              .compute(s.images(), org.prunelab.job.JobContext.silent());
      for (String node : expected.keySet()) {
        Fixtures.assertRelativelyClose(
            expected.get(node), r.weightScores().get(node), 1e-5, node + " device");
      }
    }
  }

  /**
   * Tiles (memory cap) only regroup the same products, so they change nothing, bit for bit; chunks
   * of S change the batch size of the forward pass, whose float32 rounding differs slightly with it
   * (up to about 1.5e-5 relative on small activations between batch sizes 1 and 6, which is why the
   * acceptance test compares on one forward), so chunked results agree to 5e-5 relative.
   */
  @Test
  void chunkSizeAndMemoryCapDoNotChangeTheResult() {
    try (Network net = Fixtures.bundled(BundledModels.DEFAULT);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, 4, m)) {
      SensitivityReport whole = PfpSensitivity.compute(net, s.images(), PfpOptions.DEFAULT);
      SensitivityReport tiny =
          PfpSensitivity.compute(net, s.images(), PfpOptions.DEFAULT.withMemoryCapBytes(4096));
      SensitivityReport chunked =
          PfpSensitivity.compute(net, s.images(), PfpOptions.DEFAULT.withChunkSize(2));
      for (LayerScores l : whole.layers()) {
        double[] expected = Fixtures.toDouble(l.weightScores());
        assertArrayEquals(
            l.weightScores(), tiny.layer(l.node()).weightScores(), l.node() + " 4 KiB tiles");
        Fixtures.assertRelativelyClose(
            expected, chunked.layer(l.node()).weightScores(), 5e-5, l.node() + " chunks of 2");
      }
    }
  }

  @Test
  void sippMaxIsPfpPerWeightAndMeanIsAtMostMax() {
    try (Network net = Fixtures.bundled(BundledModels.LENET5);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, 4, m)) {
      SensitivityReport pfp = PfpSensitivity.compute(net, s.images(), PfpOptions.DEFAULT);
      SensitivityReport max =
          SippSensitivity.compute(net, s.images(), PfpOptions.DEFAULT, PatchReduction.MAX);
      SensitivityReport mean =
          SippSensitivity.compute(net, s.images(), PfpOptions.DEFAULT, PatchReduction.MEAN);
      assertEquals("sipp-max", max.method());
      assertEquals("sipp-mean", mean.method());
      for (LayerScores l : pfp.layers()) {
        assertArrayEquals(l.weightScores(), max.layer(l.node()).weightScores(), l.node());
        assertArrayEquals(
            l.inputChannelScores(), max.layer(l.node()).inputChannelScores(), l.node());
        float[] a = max.layer(l.node()).weightScores();
        float[] b = mean.layer(l.node()).weightScores();
        boolean strictlySmaller = false;
        for (int e = 0; e < a.length; e++) {
          assertTrue(
              b[e] <= a[e] * (1 + 1e-6),
              l.node() + " weight " + e + ": mean " + b[e] + " > max " + a[e]);
          strictlySmaller |= b[e] < 0.5f * a[e];
        }
        if (!l.node().startsWith("fc")) {
          assertTrue(
              strictlySmaller,
              l.node() + ": the mean over positions of a conv is well below the max");
        }
      }
    }
  }

  @Test
  void badSampleSetsAreRejectedWithTheWayOut() {
    try (Network net = Fixtures.bundled(BundledModels.LENET5);
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray empty = m.zeros(new Shape(0, 1, 28, 28));
      SensitivityException e =
          assertThrows(
              SensitivityException.class,
              () -> PfpSensitivity.compute(net, empty, PfpOptions.DEFAULT));
      assertTrue(e.getMessage().contains("empty"), e.getMessage());
      NDArray wrong = m.zeros(new Shape(2, 3, 28, 28));
      e =
          assertThrows(
              SensitivityException.class,
              () -> PfpSensitivity.compute(net, wrong, PfpOptions.DEFAULT));
      assertTrue(e.getMessage().contains("(N, 1, 28, 28)"), e.getMessage());
      NDArray nan = m.zeros(new Shape(2, 1, 28, 28));
      nan.set(new ai.djl.ndarray.index.NDIndex("1, 0, 3, 4"), Float.NaN);
      NonFiniteException n =
          assertThrows(
              NonFiniteException.class, () -> PfpSensitivity.compute(net, nan, PfpOptions.DEFAULT));
      assertTrue(n.getMessage().contains("1 NaN or infinite"), n.getMessage());
      assertThrows(
          NonFiniteException.class,
          () -> SippSensitivity.compute(net, nan, PfpOptions.DEFAULT, PatchReduction.MEAN));
      assertThrows(InvalidSettingException.class, () -> new PfpOptions(0, 1 << 20));
      assertThrows(InvalidSettingException.class, () -> new PfpOptions(8, 10));
    }
  }

  @Test
  void progressIsReportedAndCancellationStopsTheComputation() {
    try (Network net = Fixtures.bundled(BundledModels.LENET5);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, 4, m)) {
      java.util.List<Long> done = new java.util.ArrayList<>();
      PfpSensitivity.compute(
          net,
          s.images(),
          PfpOptions.DEFAULT.withChunkSize(2),
          new org.prunelab.job.JobContext() {
            @Override
            public void progress(long d, long total, String message) {
              assertEquals(2, total);
              done.add(d);
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          });
      assertEquals(java.util.List.of(0L, 1L, 2L), done);
      assertThrows(
          org.prunelab.job.JobCancelledException.class,
          () ->
              PfpSensitivity.compute(
                  net,
                  s.images(),
                  PfpOptions.DEFAULT,
                  new org.prunelab.job.JobContext() {
                    @Override
                    public void progress(long d, long total, String message) {}

                    @Override
                    public boolean isCancelled() {
                      return true;
                    }
                  }));
    }
  }

  @Test
  void repeatedScoresOnResnet20DoNotGrowTheArraysDjlTracks() {
    try (Network net = Fixtures.bundled(BundledModels.DEFAULT);
        NDManager m = NDManager.newBaseManager(Device.cpu());
        Batch s = Fixtures.batch(net, 2, m)) {
      PfpSensitivity.compute(net, s.images(), PfpOptions.DEFAULT.withChunkSize(1));
      int before = liveArrays();
      for (int i = 0; i < 2; i++) {
        PfpSensitivity.compute(net, s.images(), PfpOptions.DEFAULT.withChunkSize(1));
        new Snip(1).compute(net, s, org.prunelab.job.JobContext.silent());
        ThiNet.compute(
            net, s.images(), new ThiNet.Options(4, 1, 1), org.prunelab.job.JobContext.silent());
      }
      assertEquals(before, liveArrays(), "arrays DJL tracks after the first and the last round");
    }
  }

  /** Every array DJL tracks, in all managers below the engine's root manager. */
  private static int liveArrays() {
    try (NDManager probe = NDManager.newBaseManager(Device.cpu())) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }
}
