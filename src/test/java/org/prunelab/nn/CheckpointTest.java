package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.AvgPool;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Dropout;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Identity;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Silu;
import org.prunelab.nn.layer.Softmax;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * Model files: exact round trip of a trained-once ResNet-20, and damaged or foreign files named in
 * the error.
 */
class CheckpointTest {
  @TempDir Path dir;

  private static final Shape BATCH = new Shape(4, 1, 28, 28);

  private static float[] gaussian(long seed, int n) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static Network resnet() {
    return Zoo.create("resnet20", ZooOptions.grey28().withWidth(0.5), Device.cpu(), 7);
  }

  /**
   * A ResNet-20 after one train-mode forward (BatchNorm running statistics moved), saved to
   * model.plm.
   */
  private Path savedTrainedOnce(Network net) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      net.forward(m.create(gaussian(1, (int) BATCH.size()), BATCH), Mode.TRAIN);
    }
    Path file = dir.resolve("model" + Checkpoint.EXTENSION);
    Checkpoint.save(net, file);
    return file;
  }

  @Test
  void roundTripIsBitExactAndKeepsMetadata() {
    try (Network net = resnet()) {
      net.metadata().put("note", "trained once, ä ü");
      Path file = savedTrainedOnce(net);
      float[] runningMean = net.parametersOf("layer2.0.bn1").get("running_mean").toFloatArray();
      assertFalse(
          Arrays.equals(new float[runningMean.length], runningMean), "running mean moved off zero");
      try (Network loaded = Checkpoint.load(file, Device.cpu());
          NDManager m = NDManager.newBaseManager(Device.cpu())) {
        assertEquals(net.metadata(), loaded.metadata());
        assertEquals("resnet20", loaded.metadata().get("architecture"));
        assertEquals("0.5", loaded.metadata().get("width"));
        assertEquals(net.inputShape(), loaded.inputShape());
        assertEquals(net.nodes(), loaded.nodes(), "same nodes, layers and inputs");
        assertEquals(net.parameters().keySet(), loaded.parameters().keySet());
        for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
          assertArrayEquals(
              e.getValue().toFloatArray(),
              loaded.parameters().get(e.getKey()).toFloatArray(),
              e.getKey() + " restored bit for bit");
          assertEquals(net.specOf(e.getKey()), loaded.specOf(e.getKey()));
        }
        NDArray x = m.create(gaussian(2, (int) BATCH.size()), BATCH);
        float[] before = net.forward(x, Mode.EVAL).toFloatArray();
        float[] after = loaded.forward(x, Mode.EVAL).toFloatArray();
        assertTrue(
            Arrays.equals(before, after), "eval outputs must be bit-identical after a round trip");
        assertEquals(net.summary().parameters(), loaded.summary().parameters());
      }
    }
  }

  @Test
  void everyLayerTypeSurvivesARoundTrip() {
    NetworkBuilder b = Network.builder(new Shape(2, 6, 6));
    b.add("conv", new Conv2d(2, 4, 3, 1, 1, 1, 1, 0, 1, 1, 2, true), Network.INPUT); // (4, 6, 6)
    b.add("bn", new BatchNorm(4, 1e-3, 0.2), "conv");
    b.add("relu6", Clip.relu6(), "bn");
    b.add("leaky", new LeakyRelu(0.02), "relu6");
    b.add("sig", new Sigmoid(), "leaky");
    b.add("tanh", new Tanh(), "sig");
    b.add("silu", new Silu(), "tanh");
    b.add("softplus", new Softplus(), "silu");
    b.add("relu", new Relu(), "softplus");
    b.add("gap", AdaptiveAvgPool.global(), "relu");
    b.add("scaled", new Mul(), "relu", "gap");
    b.add("sum", new Add(), "scaled", "relu");
    b.add("max", new MaxPool(2, 2, 2, 2, 1, 1, true), "sum"); // (4, 4, 4)
    b.add("avg", new AvgPool(3, 3, 1, 1, 1, 1, false, false), "max"); // (4, 4, 4)
    b.add("cat", new Concat(), "max", "avg"); // (8, 4, 4)
    b.add("adaptive", new AdaptiveAvgPool(2, 2), "cat"); // (8, 2, 2)
    b.add("id", new Identity(), "adaptive");
    b.add("flat", new Flatten(), "id"); // 32
    b.add("drop", new Dropout(0.3), "flat");
    b.add("fc", new Linear(32, 6, false), "drop");
    b.add("reshape", new Reshape(new long[] {2, 3}), "fc");
    b.add("softmax", new Softmax(2), "reshape");
    b.metadata("normalisation", "mean=0.5,std=0.25");
    Path file = dir.resolve("all.plm");
    try (Network net = b.build(Device.cpu(), 3)) {
      Checkpoint.save(net, file);
      try (Network loaded = Checkpoint.load(file, Device.cpu());
          NDManager m = NDManager.newBaseManager(Device.cpu())) {
        assertEquals(net.nodes(), loaded.nodes());
        assertEquals(Map.of("normalisation", "mean=0.5,std=0.25"), loaded.metadata());
        NDArray x = m.create(gaussian(4, 2 * 72), new Shape(2, 2, 6, 6));
        assertArrayEquals(
            net.forward(x, Mode.EVAL).toFloatArray(), loaded.forward(x, Mode.EVAL).toFloatArray());
      }
    }
  }

  @Test
  void saveReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    try (Network net = resnet()) {
      Path file = dir.resolve("sub/dir/m.plm");
      Checkpoint.save(net, file);
      long first = Files.size(file);
      net.metadata().put("accuracy", "0.91");
      Checkpoint.save(net, file);
      assertTrue(Files.size(file) > first);
      try (var files = Files.list(file.getParent())) {
        assertEquals(1, files.count(), "only the model file is left");
      }
      try (Network loaded = Checkpoint.load(file, Device.cpu())) {
        assertEquals("0.91", loaded.metadata().get("accuracy"));
      }
    }
  }

  private static void assertRejectedNaming(Path file, String what) {
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> Checkpoint.load(file, Device.cpu()));
    assertTrue(
        e.getMessage().contains(file.toString()),
        "message should contain the path: " + e.getMessage());
    assertTrue(
        e.getMessage().contains(what), "message should say '" + what + "': " + e.getMessage());
  }

  @Test
  void damagedForeignAndMissingFilesAreRejectedWithTheirPath() throws IOException {
    byte[] good;
    try (Network net = resnet()) {
      good = Files.readAllBytes(savedTrainedOnce(net));
    }
    Path half = dir.resolve("half.plm");
    Files.write(half, Arrays.copyOf(good, good.length / 2));
    assertRejectedNaming(half, "truncated");

    Path noChecksum = dir.resolve("nochecksum.plm");
    Files.write(noChecksum, Arrays.copyOf(good, good.length - 3));
    assertRejectedNaming(noChecksum, "truncated");

    Path header = dir.resolve("header.plm");
    Files.write(header, Arrays.copyOf(good, 10));
    assertRejectedNaming(header, "truncated");

    Path flipped = dir.resolve("flipped.plm");
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x5A;
    Files.write(flipped, bad);
    assertRejectedNaming(flipped, "corrupt");

    Path text = dir.resolve("notes.plm");
    Files.write(
        text,
        "these are my notes, not a model; they are long enough to fill a header\n"
            .repeat(20)
            .getBytes(StandardCharsets.UTF_8));
    assertRejectedNaming(text, "not a PruneLab model");

    Path tiny = dir.resolve("tiny.plm");
    Files.write(tiny, "hi".getBytes(StandardCharsets.UTF_8));
    assertRejectedNaming(tiny, "not a PruneLab model");

    Path empty = dir.resolve("empty.plm");
    Files.write(empty, new byte[0]);
    assertRejectedNaming(empty, "truncated");

    assertRejectedNaming(dir.resolve("missing.plm"), "does not exist");
  }

  @Test
  void aNaNSavedInAWeightIsReportedByCheckFiniteAfterLoading() {
    String name = "layer2.0.conv1.weight";
    Path file = dir.resolve("nan.plm");
    try (Network net = resnet()) {
      assertDoesNotThrow(net::checkFinite);
      net.parameters().get(name).set(new NDIndex(1, 2, 0, 1), Float.NaN);
      Checkpoint.save(net, file);
    }
    try (Network loaded = Checkpoint.load(file, Device.cpu())) {
      NonFiniteException e = assertThrows(NonFiniteException.class, loaded::checkFinite);
      assertTrue(
          e.getMessage().contains(name), "message should name the parameter: " + e.getMessage());
      assertTrue(e.getMessage().contains(" 1 "), "one bad value: " + e.getMessage());
    }
  }
}
