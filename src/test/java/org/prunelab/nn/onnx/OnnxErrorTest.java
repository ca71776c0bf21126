package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.nn.onnx.TestGraph.i;
import static org.prunelab.nn.onnx.TestGraph.ints;

import ai.djl.Device;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.nn.ModelFileException;
import org.prunelab.nn.Network;

/**
 * Files PruneLab cannot import end in an {@link OnnxImportException} (a {@link ModelFileException})
 * whose message says what is wrong, where, and what to do.
 */
class OnnxErrorTest {
  private static final OnnxImportOptions CPU = OnnxImportOptions.on(Device.cpu());

  @TempDir Path dir;

  private static String fails(byte[] bytes) {
    OnnxImportException e =
        assertThrows(OnnxImportException.class, () -> OnnxImporter.load(bytes, "m.onnx", CPU));
    return e.getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "message should mention '" + p + "': " + message);
    }
  }

  /** input (N, 2) -> Relu -> op under test -> output. */
  private static TestGraph reluThen(String op, String name) {
    return new TestGraph(17)
        .input("x", -1, 2)
        .node("Relu", "relu", List.of("x"))
        .node(op, name, List.of("relu"))
        .output(name);
  }

  /**
   * A Pad of 100,000 on every side of a 4 x 4 image would output 200,004 x 200,004 values per
   * sample: refused naming the node and the limit, before any memory is taken.
   */
  @Test
  void aHugePaddingIsRefusedByTheTensorLimit() {
    byte[] model =
        new TestGraph(13)
            .input("x", -1, 1, 4, 4)
            .initLongs("pads", new long[] {8}, 0, 0, 100_000, 100_000, 0, 0, 100_000, 100_000)
            .node("Pad", "/pad/Pad", List.of("x", "pads"))
            .output("/pad/Pad")
            .bytes();
    String message = fails(model);
    assertMentions(
        message, "m.onnx: node 'pad.Pad'", "(1, 200004, 200004)", "more than 2147483639 elements");
    assertTrue(!message.contains("please report"), message);
  }

  @Test
  void unsupportedOperatorNamesTheOperatorTheNodeAndTheSupportedOnes() {
    String m = fails(reluThen("Gelu", "/encoder/act/Gelu").bytes());
    assertMentions(
        m,
        "m.onnx",
        "'/encoder/act/Gelu'",
        "operator Gelu is not supported",
        "Conv",
        "Gemm",
        "BatchNormalization",
        "GlobalAveragePool",
        "HardSwish",
        "Split");
    assertTrue(m.indexOf("AveragePool") < m.indexOf("Relu"), "the supported list is sorted: " + m);
  }

  @Test
  void operatorOfAnotherDomainIsUnsupported() {
    ModelProto model = reluThen("Relu", "custom").model();
    ModelProto.Builder b = model.toBuilder();
    b.getGraphBuilder().getNodeBuilder(1).setDomain("com.microsoft");
    assertMentions(
        fails(b.build().toByteArray()), "'custom'", "domain 'com.microsoft'", "not supported");
  }

  @Test
  void textFileIsNotAnOnnxModel() {
    String m = fails("name,accuracy\nresnet20,0.93\n".getBytes(StandardCharsets.UTF_8));
    assertMentions(m, "m.onnx", "not");
    assertTrue(m.contains("ONNX"), m);
  }

  @Test
  void pngHeaderIsNotAnOnnxModel() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    assertMentions(fails(png), "m.onnx", "not");
  }

  @Test
  void emptyFileSaysSo() {
    assertMentions(fails(new byte[0]), "m.onnx is empty");
  }

  @Test
  void missingFileSaysSo() {
    OnnxImportException e =
        assertThrows(
            OnnxImportException.class, () -> OnnxImporter.load(dir.resolve("absent.onnx"), CPU));
    assertMentions(e.getMessage(), "absent.onnx", "does not exist");
  }

  @Test
  void truncatedFixtureSaysItIsTruncatedOrDamaged() throws IOException {
    byte[] full = Files.readAllBytes(OnnxImportTest.FIXTURES.resolve("lenet5_opset13_batch1.onnx"));
    for (int length : new int[] {full.length / 2, full.length - 1, 100}) {
      String m = fails(Arrays.copyOf(full, length));
      assertTrue(m.contains("truncated") || m.contains("damaged"), length + " bytes: " + m);
    }
  }

  @Test
  void symbolicInputWithoutAGivenShapeNamesTheInputAndTheDimension() {
    Path file = OnnxImportTest.FIXTURES.resolve("squeezenet_opset17_symbolic_hw_bnfolded.onnx");
    OnnxImportException e =
        assertThrows(OnnxImportException.class, () -> OnnxImporter.load(file, CPU));
    assertMentions(
        e.getMessage(), "input 'input'", "'height'", "axis 2", "withInputShape", "--input-shape");
    OnnxImportException wrong =
        assertThrows(
            OnnxImportException.class,
            () -> OnnxImporter.load(file, CPU.withInputShape(3, 28, 28)));
    assertMentions(wrong.getMessage(), "input 'input'", "(3, 28, 28)", "axis 1");
    OnnxImportException rank =
        assertThrows(
            OnnxImportException.class, () -> OnnxImporter.load(file, CPU.withInputShape(28, 28)));
    assertMentions(rank.getMessage(), "rank 2, not 3", "leave out the batch axis");
  }

  @Test
  void givenShapeResolvesSymbolicDimensions() {
    Path file = OnnxImportTest.FIXTURES.resolve("squeezenet_opset17_symbolic_hw_bnfolded.onnx");
    try (Network net = OnnxImporter.load(file, CPU.withInputShape(1, 40, 36))) {
      assertEquals(new ai.djl.ndarray.types.Shape(1, 40, 36), net.inputShape());
      assertEquals(new ai.djl.ndarray.types.Shape(10), net.outputShape());
    }
  }

  @Test
  void missingInitializerNamesTheNodeAndTheValue() {
    ModelProto.Builder b =
        new TestGraph(13)
                .input("x", -1, 3)
                .init("fc.weight", new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .init("fc.bias", new long[] {2}, 1, 2)
                .node("Gemm", "/fc/Gemm", List.of("x", "fc.weight", "fc.bias"), i("transB", 1))
                .output("/fc/Gemm")
                .model()
                .toBuilder();
    b.getGraphBuilder().removeInitializer(0);
    assertMentions(
        fails(b.build().toByteArray()), "'/fc/Gemm' (Gemm)", "'fc.weight'", "missing initializer");
  }

  @Test
  void initializerWithTooFewBytesIsDamaged() {
    ModelProto.Builder b =
        new TestGraph(13)
                .input("x", -1, 3)
                .init("w", new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .node("MatMul", "mm", List.of("x", "w"))
                .output("mm")
                .model()
                .toBuilder();
    b.getGraphBuilder().getInitializerBuilder(0).addDims(2);
    assertMentions(
        fails(b.build().toByteArray()),
        "'mm' (MatMul)",
        "tensor 'w'",
        "holds 24 bytes",
        "needs 12 x 4");
  }

  @Test
  void wronglyTypedAttributeIsNamed() {
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 1, 4, 4)
            .init("w", new long[] {1, 1, 1, 1}, 2f)
            .node("Conv", "conv", List.of("x", "w"), TestGraph.f("strides", 2f))
            .output("conv")
            .bytes();
    assertMentions(fails(m), "'conv' (Conv)", "attribute 'strides' should be INTS but is FLOAT");
  }

  @Test
  void opsetOutsideTheSupportedRangeSaysWhichToUse() {
    assertMentions(
        fails(
            reluThen("Relu", "r").model().toBuilder()
                .setOpsetImport(
                    0,
                    ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder()
                        .setDomain("")
                        .setVersion(9))
                .build()
                .toByteArray()),
        "opset 9",
        "11 to 21",
        "opset_version=17");
  }

  @Test
  void twoInputsOrTwoOutputsAreRefused() {
    byte[] twoIn =
        new TestGraph(17)
            .input("a", -1, 2)
            .input("b", -1, 2)
            .node("Add", "add", List.of("a", "b"))
            .output("add")
            .bytes();
    assertMentions(fails(twoIn), "2 inputs (a, b)", "exactly one");
    byte[] twoOut =
        new TestGraph(17)
            .input("a", -1, 2)
            .node("Relu", "r", List.of("a"))
            .node("Sigmoid", "s", List.of("a"))
            .output("r")
            .output("s")
            .bytes();
    assertMentions(fails(twoOut), "2 outputs (r, s)", "exactly one");
  }

  @Test
  void transposeThatMovesDataIsRefused() {
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 2, 3, 1)
            .node("Transpose", "t", List.of("x"), ints("perm", 0, 2, 1, 3))
            .output("t")
            .bytes();
    assertMentions(fails(m), "'t' (Transpose)", "reorders the data", "layout no-op");
  }

  @Test
  void reshapeThatMergesTheBatchIsRefused() {
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 2, 3)
            .initLongs("shape", new long[] {2}, -1, 3)
            .node("Reshape", "r", List.of("x", "shape"))
            .output("r")
            .bytes();
    assertMentions(
        fails(m), "'r' (Reshape)", "[-1, 3]", "changes the batch axis", "torch.flatten(x, 1)");
  }

  @Test
  void subtractingTwoActivationsIsRefused() {
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 2)
            .node("Relu", "r", List.of("x"))
            .node("Sub", "sub", List.of("x", "r"))
            .output("sub")
            .bytes();
    assertMentions(fails(m), "'sub' (Sub)", "two activations", "constant operand");
  }

  @Test
  void usedDropoutMaskIsRefused() {
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 2)
            .node("Dropout", "drop", List.of("x"), List.of("y", "mask"))
            .node("Mul", "mul", List.of("y", "mask"))
            .output("mul")
            .bytes();
    assertMentions(fails(m), "'drop' (Dropout)", "output 1 (mask) is used", "eval mode");
  }

  @Test
  void convolutionOverThreeSpatialAxesIsRefused() {
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 1, 2, 2, 2)
            .init("w", new long[] {1, 1, 1, 1, 1}, 1f)
            .node("Conv", "conv3d", List.of("x", "w"))
            .output("conv3d")
            .bytes();
    assertMentions(fails(m), "'conv3d' (Conv)", "3 spatial axes", "2-D");
  }

  @Test
  void ceilModePoolWhoseLastWindowLiesInThePaddingIsRefused() {
    // 5 + 1 + 1 - 2 = 5 over stride 2: ONNX ceil(5 / 2) + 1 = 4 windows, PyTorch drops the 4th (it
    // starts at 6, in
    // the right padding) and has 3
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 1, 5, 5)
            .node(
                "AveragePool",
                "pool",
                List.of("x"),
                ints("kernel_shape", 2, 2),
                ints("strides", 2, 2),
                ints("pads", 1, 1, 1, 1),
                i("ceil_mode", 1))
            .output("pool")
            .bytes();
    assertMentions(
        fails(m), "'pool' (AveragePool)", "gives 4 outputs along axis 2 in ONNX but 3 in PyTorch");
  }

  @Test
  void ceilModeAveragePoolCountingPaddingWithAWindowPastThePaddingIsRefused() {
    // 5 wide, kernel 2, stride 2, ceil: windows start at 0, 2, 4; the last covers column 5, outside
    // the input;
    // ONNX Runtime divides it by 2 x 2 = 4, PyTorch by the 2 x 1 cells inside (measured: outputs
    // differ by 2x)
    byte[] m =
        new TestGraph(13)
            .input("x", -1, 1, 5, 5)
            .node(
                "AveragePool",
                "pool",
                List.of("x"),
                ints("kernel_shape", 2, 2),
                ints("strides", 2, 2),
                i("ceil_mode", 1),
                i("count_include_pad", 1))
            .output("pool")
            .bytes();
    assertMentions(
        fails(m),
        "'pool' (AveragePool)",
        "reaches past the padding along axis 2",
        "count_include_pad=0");
  }

  @Test
  void nonFloatInputIsRefused() {
    ModelProto.Builder b = reluThen("Relu", "r2").model().toBuilder();
    b.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().setElemType(7);
    assertMentions(fails(b.build().toByteArray()), "input 'x'", "INT64", "float32");
  }

  @Test
  void externalDataIsRefusedWithTheWayOut() {
    ModelProto.Builder b =
        new TestGraph(13)
                .input("x", -1, 3)
                .init("w", new long[] {3, 2}, 1, 2, 3, 4, 5, 6)
                .node("MatMul", "mm", List.of("x", "w"))
                .output("mm")
                .model()
                .toBuilder();
    b.getGraphBuilder()
        .getInitializerBuilder(0)
        .clearRawData()
        .setDataLocation(ai.onnx.proto.OnnxMl.TensorProto.DataLocation.EXTERNAL);
    assertMentions(
        fails(b.build().toByteArray()), "tensor 'w'", "external data", "external_data=False");
  }

  @Test
  void theImportExceptionIsAModelFileException() {
    ModelFileException e =
        assertThrows(
            ModelFileException.class, () -> OnnxImporter.load(new byte[] {1, 2, 3}, "x.onnx", CPU));
    assertTrue(e instanceof OnnxImportException);
  }
}
