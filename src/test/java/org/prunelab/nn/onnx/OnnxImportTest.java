package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunelab.data.DatasetLocator;
import org.prunelab.data.IdxReader;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.ConstantArithmetic;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Pad;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * Every fixture of src/test/resources/onnx (written by PyTorch, see its README) imports, and
 * PruneLab's outputs equal ONNX Runtime's on the same inputs: 32 random images (uniform [0, 1),
 * seed 7) and the first 32 Fashion-MNIST test images (skipped where the dataset is absent). Per
 * sample, max |PruneLab - ORT| / max |ORT| must be at most 1e-4 (float32), and the arg-max class
 * must agree for every sample. Eval mode is checked with and without PruneLab's BatchNorm folding.
 */
class OnnxImportTest {
  static final Path FIXTURES = Path.of("src/test/resources/onnx");
  private static final double TOLERANCE = 1e-4;
  private static final int SAMPLES = 32;
  private static final long[] SAMPLE = {1, 28, 28};

  private static NDManager manager;
  private static float[] fashion;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
    Path images = DatasetLocator.SYSTEM_ROOT.resolve("fashion-mnist/t10k-images-idx3-ubyte.gz");
    if (Files.isRegularFile(images)) {
      IdxReader.Images test = IdxReader.readImages(images);
      fashion = new float[SAMPLES * 784];
      for (int i = 0; i < fashion.length; i++) {
        fashion[i] = (test.pixels()[i] & 0xff) / 255f;
      }
    }
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  static Stream<String> fixtures() {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".onnx"))
              .sorted()
              .toList();
      assertEquals(13, names.size(), "fixtures in " + FIXTURES);
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OnnxImportOptions optionsFor(String fixture) {
    OnnxImportOptions cpu = OnnxImportOptions.on(Device.cpu());
    return fixture.contains("symbolic") ? cpu.withInputShape(SAMPLE) : cpu;
  }

  private static float[] random() {
    Random random = new Random(7);
    float[] x = new float[SAMPLES * 784];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureMatchesOnnxRuntimeOnRandomImages(String fixture) throws IOException {
    compare(fixture, random(), "random");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureMatchesOnnxRuntimeOnFashionMnist(String fixture) throws IOException {
    assumeTrue(fashion != null, "Fashion-MNIST is not installed");
    compare(fixture, fashion, "Fashion-MNIST");
  }

  private void compare(String fixture, float[] x, String what) throws IOException {
    byte[] bytes = Files.readAllBytes(FIXTURES.resolve(fixture));
    float[][] expected;
    try (OrtReference ort = new OrtReference(bytes)) {
      expected = ort.run(x, SAMPLES, SAMPLE);
    }
    try (Network net = OnnxImporter.load(FIXTURES.resolve(fixture), optionsFor(fixture));
        NDManager m = manager.newSubManager()) {
      NDArray batch = m.create(x, new Shape(SAMPLES, 1, 28, 28));
      ForwardOptions folded = ForwardOptions.of(Mode.EVAL);
      for (ForwardOptions options : List.of(folded, folded.withoutFolding())) {
        float[] out = net.forward(batch, options).output().toFloatArray();
        assertAgrees(
            expected,
            out,
            fixture + " on " + what + (options.foldBatchNorm() ? "" : ", BN not folded"));
      }
    }
  }

  static void assertAgrees(float[][] expected, float[] actual, String what) {
    int width = expected[0].length;
    assertEquals(expected.length * width, actual.length, what + ": output size");
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      double maxRef = 0;
      double maxDiff = 0;
      int refArg = 0;
      int ourArg = 0;
      for (int j = 0; j < width; j++) {
        float ref = expected[i][j];
        float our = actual[i * width + j];
        maxRef = Math.max(maxRef, Math.abs(ref));
        maxDiff = Math.max(maxDiff, Math.abs(our - ref));
        refArg = ref > expected[i][refArg] ? j : refArg;
        ourArg = our > actual[i * width + ourArg] ? j : ourArg;
      }
      double rel = maxDiff / Math.max(maxRef, 1e-30);
      worst = Math.max(worst, rel);
      assertTrue(
          rel <= TOLERANCE,
          what + ": sample " + i + " differs by " + rel + " relative (max |ORT| " + maxRef + ")");
      assertEquals(refArg, ourArg, what + ": sample " + i + " top-1 class");
    }
    System.out.printf(
        "%s: max relative difference %.2e over %d samples%n", what, worst, expected.length);
  }

  private static long count(Network net, Class<?> layer) {
    return net.nodes().stream().filter(n -> layer.isInstance(n.layer())).count();
  }

  @Test
  void batchNormKeptLoadsAsBatchNormWithPyTorchsParameterNames() {
    try (Network kept =
            OnnxImporter.load(
                FIXTURES.resolve("resnet_blocks_opset17_bnkept.onnx"),
                OnnxImportOptions.on(Device.cpu()));
        Network folded =
            OnnxImporter.load(
                FIXTURES.resolve("resnet_blocks_opset17_bnfolded.onnx"),
                OnnxImportOptions.on(Device.cpu()))) {
      // stem + 4 blocks x 2 + 2 projection shortcuts
      assertEquals(11, count(kept, BatchNorm.class));
      assertEquals(0, count(folded, BatchNorm.class));
      assertEquals(
          count(kept, org.prunelab.nn.layer.Conv2d.class),
          count(folded, org.prunelab.nn.layer.Conv2d.class));
      Map<String, NDArray> p = kept.parameters();
      for (String name :
          List.of(
              "conv1.weight",
              "bn1.running_var",
              "layer1.0.conv1.weight",
              "layer1.0.bn2.bias",
              "layer2.0.shortcut.0.weight",
              "layer2.0.shortcut.1.running_mean",
              "fc.weight",
              "fc.bias")) {
        assertTrue(p.containsKey(name), name + " in " + p.keySet());
      }
      // the exporter renames folded weights (onnx::Conv_111); the nodes are named after the PyTorch
      // modules
      Map<String, NDArray> f = folded.parameters();
      for (String name :
          List.of(
              "conv1.weight",
              "conv1.bias",
              "layer1.0.conv1.weight",
              "layer1.1.conv2.bias",
              "layer2.0.shortcut.0.weight",
              "layer3.0.conv2.weight",
              "fc.weight")) {
        assertTrue(f.containsKey(name), name + " in " + f.keySet());
      }
      // folding trades each BatchNorm's scale and shift (2 C) for a conv bias (C): C summed over
      // the BatchNorms is
      // 8 (stem) + 4 x 8 (layer1) + 3 x 16 (layer2) + 3 x 32 (layer3) = 184
      assertEquals(184, kept.parameterCount() - folded.parameterCount());
      assertEquals("resnet_blocks_opset17_bnkept", kept.metadata().get("architecture"));
      assertEquals("17", kept.metadata().get(OnnxImporter.META_OPSET));
      assertEquals("pytorch 2.13.0", kept.metadata().get(OnnxImporter.META_PRODUCER));
      assertTrue(
          kept.metadata()
              .get(OnnxImporter.META_FILE)
              .endsWith("resnet_blocks_opset17_bnkept.onnx"));
    }
  }

  @Test
  void matMulPlusAddBecomesOneLinearAndNormalisationBecomesConstantArithmetic() {
    try (Network net =
        OnnxImporter.load(
            FIXTURES.resolve("mlp_opset11.onnx"), OnnxImportOptions.on(Device.cpu()))) {
      List<Node> linears = net.nodes().stream().filter(n -> n.layer() instanceof Linear).toList();
      assertEquals(3, linears.size());
      assertTrue(
          linears.stream().allMatch(n -> ((Linear) n.layer()).bias()), "every Linear has its bias");
      List<String> ops = net.nodes().stream().map(n -> n.layer().op()).toList();
      assertEquals(List.of("SubConstant", "DivConstant"), ops.subList(0, 2));
      assertEquals(
          1,
          count(net, ConstantArithmetic.class) - 1,
          "only the normalisation is ConstantArithmetic");
      assertArrayEquals(
          new float[] {0.286f},
          net.parameters().get(net.nodes().get(0).name() + ".constant").toFloatArray());
    }
  }

  @Test
  void asymmetricZeroPadBecomesAPadNodeInFrontOfTheConvolution() {
    try (Network net =
        OnnxImporter.load(
            FIXTURES.resolve("vgg_opset13_bnfolded.onnx"), OnnxImportOptions.on(Device.cpu()))) {
      List<Node> pads = net.nodes().stream().filter(n -> n.layer() instanceof Pad).toList();
      assertEquals(1, pads.size(), "one Pad node");
      assertEquals(Pad.zeros(0, 1, 0, 1), pads.get(0).layer());
    }
  }

  @Test
  void importedNetworksSurviveACheckpointRoundTrip() {
    // the fixtures holding every layer type the import adds (Pad, Slice, HardSigmoid, HardSwish,
    // ConstantArithmetic)
    for (String fixture :
        List.of(
            "vgg_opset13_bnfolded.onnx",
            "senet_opset18_dynamo_bnfolded.onnx",
            "mlp_opset11.onnx")) {
      Path file = dir.resolve(fixture + Checkpoint.EXTENSION);
      try (Network net = OnnxImporter.load(FIXTURES.resolve(fixture), optionsFor(fixture));
          NDManager m = manager.newSubManager()) {
        Checkpoint.save(net, file);
        try (Network loaded = Checkpoint.load(file, Device.cpu())) {
          NDArray x = m.create(random(), new Shape(SAMPLES, 1, 28, 28));
          assertArrayEquals(
              net.forward(x, Mode.EVAL).toFloatArray(),
              loaded.forward(x, Mode.EVAL).toFloatArray(),
              fixture);
          assertEquals(net.metadata(), loaded.metadata(), fixture);
        }
      }
    }
  }

  @Test
  void modelResolverOpensOnnxFiles() {
    Path file = FIXTURES.resolve("lenet5_opset13_batch1.onnx");
    try (Network net = ModelResolver.open(file.toString(), ZooOptions.grey28(), Device.cpu(), 0)) {
      assertEquals("onnx", net.metadata().get(OnnxImporter.META_FORMAT));
      assertEquals(new Shape(1, 28, 28), net.inputShape());
      assertEquals(61_706, net.parameterCount(), "LeNet-5: 156 + 2,416 + 48,120 + 10,164 + 850");
    }
  }

  @Test
  void everyFixtureIsSmall() throws IOException {
    List<String> big = new ArrayList<>();
    for (String f : fixtures().toList()) {
      if (Files.size(FIXTURES.resolve(f)) > 2_000_000) {
        big.add(f);
      }
    }
    assertFalse(!big.isEmpty(), "fixtures over 2 MB: " + big);
  }
}
