package org.prunelab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.Datasets;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.Surgery;
import org.prunelab.zoo.BundledModels;

/**
 * The before/after comparison of the bundled LeNet-5 with conv2 pruned to 20 of 50 channels: conv2
 * keeps 20 channels and 20/50 of its weights, fc1 loses the inputs of the removed channels, the
 * totals are those of the network surgery builds, and comparing the two files gives the same rows
 * as comparing in memory.
 */
class NetworkComparisonTest {
  private static LoadedModel model;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    String lenet = BundledModels.find(BundledModels.LENET5).orElseThrow().toString();
    model = ModelLoader.load(lenet, Datasets.SYNTHETIC, JobContext.silent());
  }

  @AfterAll
  static void close() {
    model.network().close();
  }

  private static Map<String, int[]> kept() {
    return Map.of("conv2", IntStream.range(0, 20).toArray());
  }

  private static NetworkComparison.Layer row(NetworkComparison c, String name) {
    return c.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void prunedChannelsShrinkTheirLayerAndItsConsumers() {
    NetworkComparison c = Comparisons.withKept(model, kept(), "conv2 at 20", JobContext.silent());
    assertEquals("lenet5-fashion-mnist.plm", c.before());
    assertEquals("conv2 at 20", c.after());
    NetworkComparison.Layer conv2 = row(c, "conv2");
    assertEquals(50, conv2.channelsBefore());
    assertEquals(20, conv2.channelsAfter());
    // conv2: 5x5 kernels over 20 input channels, 20 instead of 50 filters, with bias
    assertEquals(50 * 20 * 25 + 50, conv2.paramsBefore());
    assertEquals(20 * 20 * 25 + 20, conv2.paramsAfter());
    assertEquals(1 - (20.0 * 20 * 25 + 20) / (50 * 20 * 25 + 50), conv2.removedParams(), 1e-12);
    NetworkComparison.Layer fc1 = row(c, "fc1");
    assertEquals(fc1.paramsBefore() - 30L * 4 * 4 * fc1.channelsBefore(), fc1.paramsAfter());
    NetworkComparison.Layer conv1 = row(c, "conv1");
    assertEquals(conv1.paramsBefore(), conv1.paramsAfter());
    assertEquals(0, conv1.removedParams(), 0);
    try (Network pruned = Surgery.keep(model.network(), kept())) {
      assertEquals(model.network().parameterCount(), c.paramsBefore());
      assertEquals(pruned.parameterCount(), c.paramsAfter());
      assertEquals(pruned.macs(), c.macsAfter());
    }
  }

  @Test
  void twoFilesCompareAsTheNetworksDo() {
    Path original = dir.resolve("original.plm");
    Path pruned = dir.resolve("pruned.onnx");
    ModelFiles.write(model.network(), original);
    try (Network p = Surgery.keep(model.network(), kept())) {
      ModelFiles.write(p, pruned);
    }
    NetworkComparison inMemory =
        Comparisons.withKept(model, kept(), "pruned.onnx", JobContext.silent());
    NetworkComparison files = Comparisons.files(original, pruned, JobContext.silent());
    assertEquals("original.plm", files.before());
    List<String> names = inMemory.layers().stream().map(NetworkComparison.Layer::name).toList();
    for (String name : names) {
      NetworkComparison.Layer a = row(inMemory, name);
      NetworkComparison.Layer b = row(files, name);
      assertEquals(a.paramsAfter(), b.paramsAfter(), name);
      assertEquals(a.channelsAfter(), b.channelsAfter(), name);
    }
    assertEquals(inMemory.paramsAfter(), files.paramsAfter());
    assertEquals(inMemory.paramsBefore(), files.paramsBefore());
  }
}
