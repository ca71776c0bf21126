package org.prunelab.nn.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.ConstantArithmetic;
import org.prunelab.nn.layer.HardSigmoid;
import org.prunelab.nn.layer.HardSwish;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;

/**
 * Maps the fully connected, normalisation, activation and element-wise ONNX operators: Gemm and
 * MatMul (+ Add, fused into the Linear's bias) to Linear with weight W (out, in);
 * BatchNormalization to BatchNorm with PyTorch's momentum 1 - m_onnx; Add, Sub, Mul, Div of two
 * activations to Add and Mul, with one constant operand to ConstantArithmetic; and the element-wise
 * activations one to one.
 */
final class DenseMapper {
  static final Set<String> OPS =
      Set.of(
          "Gemm",
          "MatMul",
          "BatchNormalization",
          "Add",
          "Sub",
          "Mul",
          "Div",
          "Relu",
          "Sigmoid",
          "Tanh",
          "Softplus",
          "HardSwish",
          "HardSigmoid",
          "LeakyRelu",
          "Clip");

  private final MappingContext ctx;

  DenseMapper(MappingContext ctx) {
    this.ctx = ctx;
  }

  OnnxValue map(NodeInputs in) {
    OnnxAttributes a = in.attrs;
    return switch (in.op()) {
      case "Gemm" -> gemm(in);
      case "MatMul" -> matMul(in);
      case "BatchNormalization" -> batchNorm(in);
      case "Add", "Sub", "Mul", "Div" -> arithmetic(in);
      case "Relu" -> unary(in, new Relu());
      case "Sigmoid" -> unary(in, new Sigmoid());
      case "Tanh" -> unary(in, new Tanh());
      case "Softplus" -> unary(in, new Softplus());
      case "HardSwish" -> unary(in, new HardSwish());
      case "HardSigmoid" -> unary(in, new HardSigmoid(a.real("alpha", 0.2f), a.real("beta", 0.5f)));
      case "LeakyRelu" -> unary(in, new LeakyRelu(a.real("alpha", 0.01f)));
      case "Clip" -> clip(in);
      default -> throw new IllegalStateException("not a dense operator: " + in.op());
    };
  }

  private OnnxValue unary(NodeInputs in, Layer layer) {
    return ctx.emit(ctx.nameFor(in, -1), layer, Map.of(), in.activation(0).node());
  }

  private OnnxValue clip(NodeInputs in) {
    double min;
    double max;
    if (in.attrs.has("min") || in.attrs.has("max")) {
      min = in.attrs.real("min", Float.NEGATIVE_INFINITY);
      max = in.attrs.real("max", Float.POSITIVE_INFINITY);
    } else {
      min = in.present(1) ? in.known(1, "min").scalar() : Double.NEGATIVE_INFINITY;
      max = in.present(2) ? in.known(2, "max").scalar() : Double.POSITIVE_INFINITY;
    }
    return unary(in, new Clip(min, max));
  }

  private static OnnxValue.Activation vectorInput(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    if (x.shape().dimension() != 1) {
      throw new IllegalArgumentException(
          in.op()
              + " on "
              + x.shape()
              + " per sample; PruneLab's Linear takes "
              + "vectors (N, features): flatten before it");
    }
    return x;
  }

  private static float[] transposed(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }

  private OnnxValue gemm(NodeInputs in) {
    OnnxValue.Activation x = vectorInput(in);
    if (in.attrs.integer("transA", 0) != 0) {
      throw new IllegalArgumentException(
          "Gemm with transA=1 transposes the batch; PruneLab maps transA=0 only");
    }
    ConstTensor b = in.known(1, "weight B");
    if (b.rank() != 2) {
      throw new IllegalArgumentException("weight B has rank " + b.rank() + ", Gemm needs a matrix");
    }
    long[] d = b.dims();
    boolean transB = in.attrs.integer("transB", 0) != 0;
    int out = MappingContext.toInt(transB ? d[0] : d[1], "output features");
    int features = MappingContext.toInt(transB ? d[1] : d[0], "input features");
    float[] weight = transB ? b.floats() : transposed(b.floats(), features, out);
    scale(weight, in.attrs.real("alpha", 1f));
    float[] bias = null;
    ConstTensor c = in.optionalKnown(2, "bias C");
    if (c != null) {
      bias = biasVector(c, out);
      scale(bias, in.attrs.real("beta", 1f));
    }
    return linear(in, x, features, out, weight, bias);
  }

  private OnnxValue matMul(NodeInputs in) {
    OnnxValue.Activation x = vectorInput(in);
    ConstTensor b = in.known(1, "weight");
    if (b.rank() != 2) {
      throw new IllegalArgumentException(
          "weight has rank "
              + b.rank()
              + "; PruneLab maps MatMul of a vector batch "
              + "with a matrix only");
    }
    long[] d = b.dims();
    int features = MappingContext.toInt(d[0], "input features");
    int out = MappingContext.toInt(d[1], "output features");
    return linear(in, x, features, out, transposed(b.floats(), features, out), null);
  }

  private OnnxValue linear(
      NodeInputs in, OnnxValue.Activation x, int features, int out, float[] weight, float[] bias) {
    if (x.shape().get(0) != features) {
      throw new IllegalArgumentException(
          "weight takes " + features + " input features, the input has " + x.shape().get(0));
    }
    Map<String, float[]> params = new HashMap<>();
    params.put("weight", weight);
    if (bias != null) {
      params.put("bias", bias);
    }
    return ctx.emit(ctx.nameFor(in, 1), new Linear(features, out, bias != null), params, x.node());
  }

  private static void scale(float[] v, float factor) {
    if (factor != 1f) {
      for (int i = 0; i < v.length; i++) {
        v[i] *= factor;
      }
    }
  }

  /** A bias given as a scalar, (out) or (1, out), as a vector of length out. */
  private static float[] biasVector(ConstTensor c, int out) {
    long[] d = c.dims();
    if (c.size() == 1) {
      float[] v = new float[out];
      Arrays.fill(v, (float) c.scalar());
      return v;
    }
    boolean vector = (d.length == 1 && d[0] == out) || (d.length == 2 && d[0] == 1 && d[1] == out);
    if (!vector) {
      throw new IllegalArgumentException(
          "bias of shape " + Arrays.toString(d) + " does not fit " + out + " outputs");
    }
    return c.floats();
  }

  private OnnxValue batchNorm(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    ctx.requireUnusedOutputs(in, 1, "running statistics");
    int channels = MappingContext.toInt(x.shape().get(0), "channels");
    String[] what = {"scale", "bias B", "running mean", "running variance"};
    String[] suffix = {"weight", "bias", "running_mean", "running_var"};
    Map<String, float[]> params = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      ConstTensor t = in.known(i + 1, what[i]);
      if (t.size() != channels) {
        throw new IllegalArgumentException(
            what[i] + " has " + t.size() + " values for " + channels + " channels");
      }
      params.put(suffix[i], t.floats());
    }
    double momentum = in.attrs.real("momentum", 0.9f);
    BatchNorm bn = new BatchNorm(channels, in.attrs.real("epsilon", 1e-5f), 1 - momentum);
    return ctx.emit(ctx.nameFor(in, 1), bn, params, x.node());
  }

  private OnnxValue arithmetic(NodeInputs in) {
    String op = in.op();
    if (!in.isKnown(0) && !in.isKnown(1)) {
      OnnxValue.Activation x = in.activation(0);
      OnnxValue.Activation y = in.activation(1);
      if (x.shape().dimension() != y.shape().dimension()) {
        throw new IllegalArgumentException(
            op
                + " of activations with per-sample shapes "
                + x.shape()
                + " and "
                + y.shape()
                + "; PruneLab combines activations of equal rank only");
      }
      Layer layer =
          switch (op) {
            case "Add" -> new Add();
            case "Mul" -> new Mul();
            default ->
                throw new IllegalArgumentException(
                    op
                        + " of two activations has no PruneLab layer; PruneLab "
                        + "maps "
                        + op
                        + " with a constant operand only");
          };
      return ctx.emit(ctx.nameFor(in, -1), layer, Map.of(), x.node(), y.node());
    }
    boolean constantFirst = in.isKnown(0);
    OnnxValue.Activation x = in.activation(constantFirst ? 1 : 0);
    ConstTensor c = in.known(constantFirst ? 0 : 1, "constant operand");
    if (op.equals("Add") && fusesIntoLinearBias(in, x, c)) {
      return x;
    }
    long[] dims = perSample(c.dims(), x.shape().dimension(), op);
    ConstantArithmetic.Operation operation =
        ConstantArithmetic.Operation.valueOf(op.toUpperCase(Locale.ROOT));
    return ctx.emit(
        ctx.nameFor(in, -1),
        new ConstantArithmetic(operation, constantFirst, dims),
        Map.of("constant", c.floats()),
        x.node());
  }

  /**
   * Folds Add(MatMul(x, W), b) into the bias of the Linear the MatMul became, when the Linear has
   * no bias yet and nothing else reads the MatMul's output.
   */
  private boolean fusesIntoLinearBias(NodeInputs in, OnnxValue.Activation x, ConstTensor c) {
    PlannedGraph.Planned producer = ctx.plan.node(x.node());
    String value = in.node.getInput(in.isKnown(0) ? 1 : 0);
    if (producer == null
        || !(producer.layer instanceof Linear linear)
        || linear.bias()
        || ctx.readers(value) != 1) {
      return false;
    }
    long[] d = c.dims();
    int out = linear.outFeatures();
    boolean vector = (d.length == 1 && d[0] == out) || (d.length == 2 && d[0] == 1 && d[1] == out);
    if (!vector) {
      return false;
    }
    producer.layer = new Linear(linear.inFeatures(), out, true);
    Map<String, float[]> params = new HashMap<>(producer.params);
    params.put("bias", c.floats());
    producer.params = params;
    return true;
  }

  /**
   * The constant's shape aligned to one sample: ONNX broadcasts it against (N, sample...), so
   * leading axes beyond the sample's rank must be 1; a scalar becomes (1).
   */
  private static long[] perSample(long[] dims, int sampleRank, String op) {
    int skip = Math.max(0, dims.length - sampleRank);
    for (int i = 0; i < skip; i++) {
      if (dims[i] != 1) {
        throw new IllegalArgumentException(
            op
                + " with a constant of shape "
                + Arrays.toString(dims)
                + " would "
                + "broadcast over the batch axis; PruneLab's constants apply to every sample alike");
      }
    }
    long[] out = Arrays.copyOfRange(dims, skip, dims.length);
    return out.length == 0 ? new long[] {1} : out;
  }
}
