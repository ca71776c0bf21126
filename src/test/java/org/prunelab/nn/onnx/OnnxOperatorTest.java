package org.prunelab.nn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prunelab.nn.onnx.TestGraph.f;
import static org.prunelab.nn.onnx.TestGraph.i;
import static org.prunelab.nn.onnx.TestGraph.ints;
import static org.prunelab.nn.onnx.TestGraph.s;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * Operator variants the PyTorch fixtures do not exercise (auto_pad, asymmetric pool padding, Gemm
 * without transB and with alpha and beta, Split by num_outputs, constant-first Sub and Div,
 * Squeeze, Unsqueeze, Slice, Dropout, Identity and Cast, ...), each in a small graph built in Java,
 * imported and compared with ONNX Runtime on 4 random samples (uniform [-1, 1), seed 3) with the
 * tolerance and top-1 check of {@link OnnxImportTest}. Each case also states how many PruneLab
 * nodes it must become.
 */
class OnnxOperatorTest {
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static float[] values(int n, int seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int k = 0; k < n; k++) {
      v[k] = r.nextFloat() * 2 - 1;
    }
    return v;
  }

  private static Arguments op(
      String name, int nodes, long[] sample, Function<TestGraph, TestGraph> body, int opset) {
    long[] in = new long[sample.length + 1];
    in[0] = -1;
    System.arraycopy(sample, 0, in, 1, sample.length);
    return Arguments.of(
        name, nodes, sample, body.apply(new TestGraph(opset).input("x", in)).output("y").bytes());
  }

  static Stream<Arguments> cases() {
    long[] img = {2, 5, 5};
    return Stream.of(
        op(
            "Gemm transB=0 alpha beta, bias (1, out)",
            1,
            new long[] {3},
            g ->
                g.init("B", new long[] {3, 2}, values(6, 1))
                    .init("C", new long[] {1, 2}, values(2, 2))
                    .node("Gemm", "y", List.of("x", "B", "C"), f("alpha", 0.5f), f("beta", 2f)),
            13),
        op(
            "Conv auto_pad SAME_UPPER, even kernel (explicit Pad)",
            2,
            img,
            g ->
                g.init("w", new long[] {3, 2, 2, 2}, values(24, 3))
                    .node("Conv", "y", List.of("x", "w"), s("auto_pad", "SAME_UPPER")),
            13),
        op(
            "Conv SAME_LOWER stride 2 with bias",
            2,
            img,
            g ->
                g.init("w", new long[] {3, 2, 2, 2}, values(24, 4))
                    .init("b", new long[] {3}, values(3, 5))
                    .node(
                        "Conv",
                        "y",
                        List.of("x", "w", "b"),
                        s("auto_pad", "SAME_LOWER"),
                        ints("strides", 2, 2)),
            13),
        op(
            "ConvTranspose groups 2, stride 2, pads 1, output_padding 1, dilation 2, bias",
            1,
            new long[] {4, 3, 3},
            g ->
                g.init("w", new long[] {4, 3, 3, 3}, values(108, 13))
                    .init("b", new long[] {6}, values(6, 14))
                    .node(
                        "ConvTranspose",
                        "y",
                        List.of("x", "w", "b"),
                        i("group", 2),
                        ints("strides", 2, 2),
                        ints("pads", 1, 1, 1, 1),
                        ints("output_padding", 1, 1),
                        ints("dilations", 2, 2)),
            13),
        op(
            "ConvTranspose stride 1 without bias",
            1,
            img,
            g ->
                g.init("w", new long[] {2, 3, 2, 3}, values(36, 15))
                    .node("ConvTranspose", "y", List.of("x", "w")),
            17),
        op(
            "zero Pad folded into Conv",
            1,
            img,
            g ->
                g.initLongs("pads", new long[] {8}, 0, 0, 1, 2, 0, 0, 1, 2)
                    .init("w", new long[] {1, 2, 3, 3}, values(18, 6))
                    .node("Pad", "p", List.of("x", "pads"))
                    .node("Conv", "y", List.of("p", "w")),
            13),
        op(
            "Pad with 0.5 before Conv stays a Pad",
            2,
            img,
            g ->
                g.initLongs("pads", new long[] {8}, 0, 0, 1, 0, 0, 0, 0, 1)
                    .init("v", new long[0], 0.5f)
                    .init("w", new long[] {1, 2, 1, 1}, values(2, 7))
                    .node("Pad", "p", List.of("x", "pads", "v"))
                    .node("Conv", "y", List.of("p", "w")),
            11),
        op(
            "MaxPool asymmetric pads (Pad -inf)",
            2,
            img,
            g ->
                g.node(
                    "MaxPool",
                    "y",
                    List.of("x"),
                    ints("kernel_shape", 2, 2),
                    ints("pads", 0, 0, 1, 1)),
            13),
        op(
            "AveragePool asymmetric pads counting the padding",
            2,
            img,
            g ->
                g.node(
                    "AveragePool",
                    "y",
                    List.of("x"),
                    ints("kernel_shape", 3, 3),
                    ints("pads", 1, 0, 0, 1),
                    i("count_include_pad", 1)),
            13),
        op(
            "AveragePool ceil mode with a partial last window",
            1,
            img,
            g ->
                g.node(
                    "AveragePool",
                    "y",
                    List.of("x"),
                    ints("kernel_shape", 2, 2),
                    ints("strides", 2, 2),
                    i("ceil_mode", 1)),
            13),
        op(
            "AveragePool ceil mode counting the padding, last window inside the padding",
            1,
            img,
            g ->
                g.node(
                    "AveragePool",
                    "y",
                    List.of("x"),
                    ints("kernel_shape", 3, 3),
                    ints("strides", 2, 2),
                    ints("pads", 1, 1, 1, 1),
                    i("ceil_mode", 1),
                    i("count_include_pad", 1)),
            13),
        op(
            "MaxPool ceil mode, symmetric pads",
            1,
            img,
            g ->
                g.node(
                    "MaxPool",
                    "y",
                    List.of("x"),
                    ints("kernel_shape", 3, 3),
                    ints("strides", 2, 2),
                    ints("pads", 1, 1, 1, 1),
                    i("ceil_mode", 1)),
            13),
        op(
            "ReduceMean axes attribute keepdims=0",
            2,
            img,
            g -> g.node("ReduceMean", "y", List.of("x"), ints("axes", -1, -2), i("keepdims", 0)),
            13),
        op(
            "Softmax opset 11 on vectors",
            1,
            new long[] {5},
            g -> g.node("Softmax", "y", List.of("x")),
            11),
        op(
            "Softmax opset 13 over channels of an image (axis 1)",
            1,
            img,
            g -> g.node("Softmax", "y", List.of("x"), i("axis", 1)),
            13),
        op(
            "constant first: 2 / x then 1 - x, per channel",
            2,
            img,
            g ->
                g.init("c", new long[] {2, 1, 1}, 2f, -3f)
                    .init("one", new long[] {1, 1, 1, 1}, 1f)
                    .node("Div", "d", List.of("c", "x"))
                    .node("Sub", "y", List.of("one", "d")),
            13),
        op(
            "Mul and Add by constants of full sample shape",
            2,
            new long[] {4},
            g ->
                g.init("m", new long[] {4}, values(4, 8))
                    .init("a", new long[] {1, 4}, values(4, 9))
                    .node("Mul", "p", List.of("x", "m"))
                    .node("Add", "y", List.of("a", "p")),
            13),
        op(
            "GlobalAveragePool, Squeeze, Gemm, Unsqueeze x2 (reshapes merge)",
            4,
            img,
            g ->
                g.init("w", new long[] {3, 2}, values(6, 10))
                    .initLongs("sq", new long[] {2}, 2, 3)
                    .initLongs("u", new long[] {1}, -1)
                    .node("GlobalAveragePool", "gap", List.of("x"))
                    .node("Squeeze", "s", List.of("gap", "sq"))
                    .node("Gemm", "fc", List.of("s", "w"), i("transB", 1))
                    .node("Unsqueeze", "u1", List.of("fc", "u"))
                    .node("Unsqueeze", "y", List.of("u1", "u")),
            13),
        op(
            "Unsqueeze with axes attribute (opset 11) and Flatten",
            1,
            new long[] {6},
            g ->
                g.node("Unsqueeze", "u", List.of("x"), ints("axes", 2, 3))
                    .node("Flatten", "y", List.of("u")),
            11),
        op(
            "Slice of the width, negative end, and of the batch (whole)",
            1,
            img,
            g ->
                g.initLongs("st", new long[] {2}, 0, 1)
                    .initLongs("en", new long[] {2}, Long.MAX_VALUE, -1)
                    .initLongs("ax", new long[] {2}, 0, 3)
                    .node("Slice", "y", List.of("x", "st", "en", "ax")),
            13),
        op(
            "Split by num_outputs (opset 18) into 3 + 3 + 1, Concat in reverse",
            4,
            new long[] {7, 2, 2},
            g ->
                g.node(
                        "Split",
                        "sp",
                        List.of("x"),
                        List.of("a", "b", "c"),
                        i("axis", 1),
                        i("num_outputs", 3))
                    .node("Concat", "y", List.of("c", "b", "a"), i("axis", 1)),
            18),
        op(
            "Split with split attribute (opset 11)",
            4,
            new long[] {5},
            g ->
                g.node(
                        "Split",
                        "sp",
                        List.of("x"),
                        List.of("a", "b"),
                        i("axis", 1),
                        ints("split", 2, 3))
                    .node("Relu", "r", List.of("b"))
                    .node("Concat", "y", List.of("r", "a"), i("axis", -1)),
            11),
        op(
            "Dropout with ratio input, Identity, Cast to float",
            1,
            new long[] {3},
            g ->
                g.init("ratio", new long[0], 0.3f)
                    .node("Dropout", "d", List.of("x", "ratio"))
                    .node("Identity", "id", List.of("d"))
                    .node("Cast", "y", List.of("id"), i("to", 1)),
            13),
        op(
            "Identity of the input as the output",
            1,
            new long[] {3},
            g -> g.node("Identity", "y", List.of("x")),
            13),
        op(
            "Transpose layout no-op (N, C, 1, 1) -> (N, 1, 1, C)",
            2,
            img,
            g ->
                g.node("GlobalAveragePool", "g", List.of("x"))
                    .node("Transpose", "y", List.of("g"), ints("perm", 0, 2, 3, 1)),
            13),
        op(
            "BatchNormalization of vectors, momentum, epsilon",
            1,
            new long[] {3},
            g ->
                g.init("sc", new long[] {3}, 1.5f, -0.5f, 2f)
                    .init("bi", new long[] {3}, 0.1f, 0.2f, 0.3f)
                    .init("mu", new long[] {3}, 0.2f, -0.1f, 0f)
                    .init("var", new long[] {3}, 0.5f, 2f, 0.1f)
                    .node(
                        "BatchNormalization",
                        "y",
                        List.of("x", "sc", "bi", "mu", "var"),
                        f("epsilon", 1e-3f),
                        f("momentum", 0.8f)),
            13),
        op(
            "Clip with only a min input, HardSigmoid, LeakyRelu",
            3,
            new long[] {6},
            g ->
                g.init("lo", new long[0], -0.25f)
                    .node("Clip", "c", List.of("x", "lo"))
                    .node("HardSigmoid", "h", List.of("c"), f("alpha", 0.7f), f("beta", 0.3f))
                    .node("LeakyRelu", "y", List.of("h")),
            13),
        op(
            "MatMul + Add with another reader stays MatMul then Add",
            3,
            new long[] {3},
            g ->
                g.init("w", new long[] {3, 2}, values(6, 11))
                    .init("b", new long[] {2}, values(2, 12))
                    .node("MatMul", "mm", List.of("x", "w"))
                    .node("Add", "a", List.of("mm", "b"))
                    .node("Mul", "y", List.of("a", "mm")),
            13),
        op(
            "Reshape with 0 (copy) and -1 after folding Shape, Gather, Concat",
            1,
            img,
            g ->
                g.initLongs("idx", new long[] {1}, 1)
                    .initLongs("rest", new long[] {1}, -1)
                    .node("Shape", "shape", List.of("x"))
                    .node("Gather", "c", List.of("shape", "idx"), i("axis", 0))
                    .initLongs("zero", new long[] {1}, 0)
                    .node("Concat", "target", List.of("zero", "c", "rest"), i("axis", 0))
                    .node("Reshape", "y", List.of("x", "target")),
            13));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void operatorMatchesOnnxRuntime(String name, int nodes, long[] sample, byte[] model) {
    int batch = 4;
    int per = (int) Arrays.stream(sample).reduce(1, (a, b) -> a * b);
    float[] x = values(batch * per, 3);
    float[][] expected;
    try (OrtReference ort = new OrtReference(model)) {
      expected = ort.run(x, batch, sample);
    }
    try (Network net = OnnxImporter.load(model, name, OnnxImportOptions.on(Device.cpu()));
        NDManager m = manager.newSubManager()) {
      assertEquals(nodes, net.nodes().size(), name + ": PruneLab nodes " + net.nodes());
      float[] out =
          net.forward(m.create(x, new Shape(batch).addAll(new Shape(sample))), Mode.EVAL)
              .toFloatArray();
      OnnxImportTest.assertAgrees(expected, out, name);
    }
  }
}
