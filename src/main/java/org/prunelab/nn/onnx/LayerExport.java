package org.prunelab.nn.onnx;

import static org.prunelab.nn.onnx.GraphWriter.integer;
import static org.prunelab.nn.onnx.GraphWriter.ints;
import static org.prunelab.nn.onnx.GraphWriter.real;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.AvgPool;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.ConstantArithmetic;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.ConvTranspose2d;
import org.prunelab.nn.layer.Dropout;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.HardSigmoid;
import org.prunelab.nn.layer.HardSwish;
import org.prunelab.nn.layer.Identity;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Pad;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Silu;
import org.prunelab.nn.layer.Slice;
import org.prunelab.nn.layer.Softmax;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;

/**
 * Writes one PruneLab node as standard ONNX operators computing the same function in inference
 * mode. The main ONNX node carries the PruneLab node's name; helper nodes and constants are named
 * {@code <node>.<part>}.
 *
 * <ul>
 *   <li>Conv2d: Conv (strides, pads, dilations, group); ConvTranspose2d: ConvTranspose (the same
 *       weight layout (in, out / group, kH, kW), strides, pads, dilations, group, output_padding);
 *       Linear: Gemm with transB = 1; BatchNorm: BatchNormalization over the running statistics
 *       (ONNX momentum = 1 - PyTorch momentum).
 *   <li>ReLU, LeakyReLU, Sigmoid, Tanh, Softplus, Softmax (same axis), Concat (channel axis 1),
 *       Flatten (axis 1): their namesakes; Clip: Clip with scalar min and max inputs; SiLU: x *
 *       Sigmoid(x); Dropout and Identity: Identity; Reshape: Reshape to (0, target...), the 0
 *       keeping the batch size; HardSigmoid: HardSigmoid (alpha, beta); HardSwish: HardSwish from
 *       opset 14 on, before that x * HardSigmoid(x; alpha = 1/6, beta = 1/2).
 *   <li>Pad: Pad in constant mode with pads (0, 0, top, left, 0, 0, bottom, right) and the value as
 *       inputs; Slice: Slice with one-element starts, ends and axes (the batched axis);
 *       ConstantArithmetic: Add, Sub, Mul or Div of the input and the buffer {@code
 *       <node>.constant} in the layer's operand order, where ONNX's right-aligned broadcasting of
 *       the batched input pairs the same axes as the layer's.
 *   <li>MaxPool and AvgPool: ceil mode becomes explicit end padding e = max(0, (out - 1) s + k -
 *       (in + 2 p)), so the windows are PyTorch's whatever the runtime's ceil rule. Average pooling
 *       that excludes padding uses count_include_pad = 0. One that includes it, where windows
 *       overhang the padded input, is divided by libtorch by the window's overlap with the padded
 *       input, which no ONNX attribute expresses: the export averages over the input positions
 *       (count_include_pad = 0) and multiplies by the constant ratio (positions inside the input) /
 *       (positions inside the padded input) per output. (Pad followed by AveragePool would say the
 *       same, but ONNX Runtime before 1.21 fuses that pair wrongly, issue 22177.)
 *   <li>Global AdaptiveAvgPool: GlobalAveragePool; an output grid that divides the input:
 *       AveragePool; otherwise y = A_H x A_W^T with PyTorch's bin-averaging matrices as two
 *       MatMuls.
 *   <li>Add and Mul: binary ops chained left to right; an input of lower per-sample rank is first
 *       reshaped to (N, 1, ..., dims) so ONNX's right-aligned broadcasting pairs the same axes as
 *       PruneLab's per-sample rule.
 * </ul>
 */
final class LayerExport {
  /** First opset with a HardSwish operator. */
  static final int HARD_SWISH_OPSET = 14;

  private final GraphWriter graph;
  private final int opset;

  /** Writes into {@code graph} with the operators of {@code opset}. */
  LayerExport(GraphWriter graph, int opset) {
    this.graph = graph;
    this.opset = opset;
  }

  /**
   * One node to write: the node, the tensor names and per-sample shapes of its inputs, its
   * per-sample output shape and the name its output tensor must have.
   */
  record Site(
      Node node, List<String> inputs, List<Shape> inputShapes, Shape outputShape, String output) {
    String name() {
      return node.name();
    }

    String input() {
      return inputs.get(0);
    }

    Shape inputShape() {
      return inputShapes.get(0);
    }

    /** Name of a parameter or helper of this node, {@code <node>.<part>}. */
    String part(String part) {
      return node.name() + "." + part;
    }
  }

  /**
   * Writes the node.
   *
   * @throws OnnxExportException for a layer without an ONNX mapping
   */
  void write(Site s) {
    Layer layer = s.node().layer();
    if (layer instanceof Conv2d c) {
      conv(s, c);
    } else if (layer instanceof Linear l) {
      List<String> in = new ArrayList<>(List.of(s.input(), s.part("weight")));
      if (l.bias()) {
        in.add(s.part("bias"));
      }
      graph.node("Gemm", s.name(), in, s.output(), integer("transB", 1));
    } else if (layer instanceof BatchNorm b) {
      graph.node(
          "BatchNormalization",
          s.name(),
          List.of(
              s.input(),
              s.part("weight"),
              s.part("bias"),
              s.part("running_mean"),
              s.part("running_var")),
          s.output(),
          real("epsilon", b.eps()),
          real("momentum", 1 - b.momentum()));
    } else if (layer instanceof Relu) {
      simple("Relu", s);
    } else if (layer instanceof Clip c) {
      String min = graph.floats(s.part("min"), new long[0], new float[] {(float) c.min()});
      String max = graph.floats(s.part("max"), new long[0], new float[] {(float) c.max()});
      graph.node("Clip", s.name(), List.of(s.input(), min, max), s.output());
    } else if (layer instanceof LeakyRelu l) {
      graph.node("LeakyRelu", s.name(), List.of(s.input()), s.output(), real("alpha", l.alpha()));
    } else if (layer instanceof Sigmoid) {
      simple("Sigmoid", s);
    } else if (layer instanceof Tanh) {
      simple("Tanh", s);
    } else if (layer instanceof Silu) {
      String sigmoid =
          graph.node("Sigmoid", s.part("sigmoid"), List.of(s.input()), s.part("sigmoid"));
      graph.node("Mul", s.name(), List.of(s.input(), sigmoid), s.output());
    } else if (layer instanceof Softplus) {
      simple("Softplus", s);
    } else if (layer instanceof MaxPool m) {
      maxPool(s, m);
    } else if (layer instanceof AvgPool a) {
      avgPool(s, a);
    } else if (layer instanceof AdaptiveAvgPool a) {
      adaptiveAvgPool(s, a);
    } else if (layer instanceof Flatten) {
      graph.node("Flatten", s.name(), List.of(s.input()), s.output(), integer("axis", 1));
    } else if (layer instanceof Reshape r) {
      long[] shape = new long[r.target().length + 1];
      System.arraycopy(r.target(), 0, shape, 1, r.target().length);
      graph.node(
          "Reshape",
          s.name(),
          List.of(s.input(), graph.int64s(s.part("shape"), shape)),
          s.output());
    } else if (layer instanceof Add) {
      elementwise("Add", s);
    } else if (layer instanceof Mul) {
      elementwise("Mul", s);
    } else if (layer instanceof Concat) {
      graph.node("Concat", s.name(), s.inputs(), s.output(), integer("axis", 1));
    } else if (layer instanceof Dropout || layer instanceof Identity) {
      simple("Identity", s);
    } else if (layer instanceof Softmax m) {
      graph.node("Softmax", s.name(), List.of(s.input()), s.output(), integer("axis", m.axis()));
    } else if (layer instanceof HardSigmoid h) {
      graph.node(
          "HardSigmoid",
          s.name(),
          List.of(s.input()),
          s.output(),
          real("alpha", h.alpha()),
          real("beta", h.beta()));
    } else if (layer instanceof HardSwish) {
      hardSwish(s);
    } else if (layer instanceof ConvTranspose2d c) {
      convTranspose(s, c);
    } else if (layer instanceof Pad p) {
      String pads =
          graph.int64s(s.part("pads"), 0, 0, p.top(), p.left(), 0, 0, p.bottom(), p.right());
      String value = graph.floats(s.part("value"), new long[0], new float[] {(float) p.value()});
      graph.node("Pad", s.name(), List.of(s.input(), pads, value), s.output());
    } else if (layer instanceof Slice c) {
      graph.node(
          "Slice",
          s.name(),
          List.of(
              s.input(),
              graph.int64s(s.part("starts"), c.start()),
              graph.int64s(s.part("ends"), c.end()),
              graph.int64s(s.part("axes"), c.axis())),
          s.output());
    } else if (layer instanceof ConstantArithmetic a) {
      constantArithmetic(s, a);
    } else {
      throw new OnnxExportException(
          "node '"
              + s.name()
              + "' is a "
              + layer.op()
              + " layer, which this PruneLab "
              + "cannot write as ONNX; replace it by supported layers or update PruneLab");
    }
  }

  private void simple(String opType, Site s) {
    graph.node(opType, s.name(), List.of(s.input()), s.output());
  }

  private void conv(Site s, Conv2d c) {
    List<String> in = new ArrayList<>(List.of(s.input(), s.part("weight")));
    if (c.bias()) {
      in.add(s.part("bias"));
    }
    graph.node(
        "Conv",
        s.name(),
        in,
        s.output(),
        ints("kernel_shape", c.kernelH(), c.kernelW()),
        ints("strides", c.strideH(), c.strideW()),
        ints("pads", c.padH(), c.padW(), c.padH(), c.padW()),
        ints("dilations", c.dilationH(), c.dilationW()),
        integer("group", c.groups()));
  }

  private void convTranspose(Site s, ConvTranspose2d c) {
    List<String> in = new ArrayList<>(List.of(s.input(), s.part("weight")));
    if (c.bias()) {
      in.add(s.part("bias"));
    }
    graph.node(
        "ConvTranspose",
        s.name(),
        in,
        s.output(),
        ints("kernel_shape", c.kernelH(), c.kernelW()),
        ints("strides", c.strideH(), c.strideW()),
        ints("pads", c.padH(), c.padW(), c.padH(), c.padW()),
        ints("output_padding", c.outPadH(), c.outPadW()),
        ints("dilations", c.dilationH(), c.dilationW()),
        integer("group", c.groups()));
  }

  private void hardSwish(Site s) {
    if (opset >= HARD_SWISH_OPSET) {
      simple("HardSwish", s);
    } else {
      String gate =
          graph.node(
              "HardSigmoid",
              s.part("gate"),
              List.of(s.input()),
              s.part("gate"),
              real("alpha", 1.0 / 6),
              real("beta", 0.5));
      graph.node("Mul", s.name(), List.of(s.input(), gate), s.output());
    }
  }

  private void constantArithmetic(Site s, ConstantArithmetic a) {
    String opType =
        switch (a.operation()) {
          case ADD -> "Add";
          case SUB -> "Sub";
          case MUL -> "Mul";
          case DIV -> "Div";
        };
    String constant = s.part("constant");
    List<String> operands =
        a.constantFirst() ? List.of(constant, s.input()) : List.of(s.input(), constant);
    graph.node(opType, s.name(), operands, s.output());
  }

  private void maxPool(Site s, MaxPool m) {
    long endH = m.padH() + overhang(s, 1, m.kernelH(), m.strideH(), m.padH());
    long endW = m.padW() + overhang(s, 2, m.kernelW(), m.strideW(), m.padW());
    graph.node(
        "MaxPool",
        s.name(),
        List.of(s.input()),
        s.output(),
        ints("kernel_shape", m.kernelH(), m.kernelW()),
        ints("strides", m.strideH(), m.strideW()),
        ints("pads", m.padH(), m.padW(), endH, endW));
  }

  private void avgPool(Site s, AvgPool a) {
    long extraH = overhang(s, 1, a.kernelH(), a.strideH(), a.padH());
    long extraW = overhang(s, 2, a.kernelW(), a.strideW(), a.padW());
    boolean rescale =
        a.countIncludePad() && (extraH > 0 || extraW > 0) && (a.padH() > 0 || a.padW() > 0);
    String mean = rescale ? s.part("mean") : s.output();
    graph.node(
        "AveragePool",
        rescale ? mean : s.name(),
        List.of(s.input()),
        mean,
        ints("kernel_shape", a.kernelH(), a.kernelW()),
        ints("strides", a.strideH(), a.strideW()),
        ints("pads", a.padH(), a.padW(), a.padH() + extraH, a.padW() + extraW),
        integer("count_include_pad", a.countIncludePad() && extraH == 0 && extraW == 0 ? 1 : 0));
    if (rescale) {
      long outH = s.outputShape().get(1);
      long outW = s.outputShape().get(2);
      double[] rows =
          divisorRatios(s.inputShape().get(1), outH, a.kernelH(), a.strideH(), a.padH());
      double[] cols =
          divisorRatios(s.inputShape().get(2), outW, a.kernelW(), a.strideW(), a.padW());
      float[] scale = new float[Math.toIntExact(outH * outW)];
      for (int i = 0; i < outH; i++) {
        for (int j = 0; j < outW; j++) {
          scale[Math.toIntExact(i * outW + j)] = (float) (rows[i] * cols[j]);
        }
      }
      graph.node(
          "Mul",
          s.name(),
          List.of(mean, graph.floats(s.part("scale"), new long[] {outH, outW}, scale)),
          s.output());
    }
  }

  /**
   * Along one axis, the ratio of the input positions a window covers to the positions libtorch
   * divides by when it counts padding: the window clipped to the padded input [-p, in + p).
   * Multiplying the mean over input positions by it gives libtorch's average.
   */
  private static double[] divisorRatios(long in, long out, int kernel, int stride, int pad) {
    double[] ratios = new double[Math.toIntExact(out)];
    for (int i = 0; i < out; i++) {
      long start = (long) i * stride - pad;
      long end = start + kernel;
      long inside = Math.min(end, in) - Math.max(start, 0);
      long counted = Math.min(end, in + pad) - start;
      ratios[i] = (double) inside / counted;
    }
    return ratios;
  }

  /**
   * End padding that ceil mode adds along a spatial axis (1 = H, 2 = W of the per-sample shape): 0
   * in floor mode.
   */
  private static long overhang(Site s, int axis, int kernel, int stride, int pad) {
    long in = s.inputShape().get(axis);
    long out = s.outputShape().get(axis);
    return Math.max(0, (out - 1) * stride + kernel - (in + 2L * pad));
  }

  private void adaptiveAvgPool(Site s, AdaptiveAvgPool a) {
    long h = s.inputShape().get(1);
    long w = s.inputShape().get(2);
    if (a.outH() == 1 && a.outW() == 1) {
      simple("GlobalAveragePool", s);
    } else if (h % a.outH() == 0 && w % a.outW() == 0) {
      long kh = h / a.outH();
      long kw = w / a.outW();
      graph.node(
          "AveragePool",
          s.name(),
          List.of(s.input()),
          s.output(),
          ints("kernel_shape", kh, kw),
          ints("strides", kh, kw));
    } else {
      String rows =
          graph.floats(
              s.part("row_weights"),
              new long[] {a.outH(), h},
              binAverages(a.outH(), (int) h, false));
      String cols =
          graph.floats(
              s.part("column_weights"),
              new long[] {w, a.outW()},
              binAverages(a.outW(), (int) w, true));
      String pooledRows =
          graph.node("MatMul", s.part("rows"), List.of(rows, s.input()), s.part("rows"));
      graph.node("MatMul", s.name(), List.of(pooledRows, cols), s.output());
    }
  }

  /**
   * PyTorch's adaptive-pooling bins as an (out, in) averaging matrix (or its transpose): row i
   * holds 1 / size at positions floor(i in / out) to ceil((i + 1) in / out) - 1.
   */
  private static float[] binAverages(int out, int in, boolean transposed) {
    float[] m = new float[out * in];
    for (int i = 0; i < out; i++) {
      int start = (int) Math.floorDiv((long) i * in, out);
      int end = (int) -Math.floorDiv(-(long) (i + 1) * in, out);
      for (int j = start; j < end; j++) {
        m[transposed ? j * out + i : i * in + j] = 1f / (end - start);
      }
    }
    return m;
  }

  private void elementwise(String opType, Site s) {
    int rank = s.inputShapes().stream().mapToInt(Shape::dimension).max().orElseThrow();
    List<String> aligned = new ArrayList<>();
    for (int i = 0; i < s.inputs().size(); i++) {
      Shape shape = s.inputShapes().get(i);
      if (shape.dimension() == rank) {
        aligned.add(s.inputs().get(i));
      } else {
        long[] target = new long[rank + 1];
        Arrays.fill(target, 1);
        target[0] = 0;
        for (int d = 0; d < shape.dimension(); d++) {
          target[rank + 1 - shape.dimension() + d] = shape.get(d);
        }
        String part = "align" + i;
        aligned.add(
            graph.node(
                "Reshape",
                s.part(part),
                List.of(s.inputs().get(i), graph.int64s(s.part(part + ".shape"), target)),
                s.part(part)));
      }
    }
    String sum = aligned.get(0);
    for (int i = 1; i < aligned.size(); i++) {
      boolean last = i == aligned.size() - 1;
      String name = last ? s.name() : s.part("partial" + i);
      sum = graph.node(opType, name, List.of(sum, aligned.get(i)), last ? s.output() : name);
    }
  }
}
