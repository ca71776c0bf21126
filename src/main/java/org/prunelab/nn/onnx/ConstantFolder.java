package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Evaluates, at import time, the nodes whose inputs are all known: Constant nodes and the shape
 * computations exporters emit in front of Reshape, Pad and Slice (Shape, Gather, Unsqueeze, Concat,
 * Cast, arithmetic, ...). The results replace the nodes; no PruneLab layer is created for them.
 */
final class ConstantFolder {
  /** Operators this class evaluates when all their inputs are known. */
  static final Set<String> OPS =
      Set.of(
          "Constant",
          "Identity",
          "Cast",
          "Shape",
          "Gather",
          "Unsqueeze",
          "Squeeze",
          "Concat",
          "Reshape",
          "Slice",
          "Transpose",
          "ConstantOfShape",
          "Add",
          "Sub",
          "Mul",
          "Div");

  private ConstantFolder() {}

  static ConstTensor fold(NodeInputs in, int opset) {
    OnnxAttributes a = in.attrs;
    return switch (in.op()) {
      case "Constant" -> constant(a);
      case "Identity" -> in.known(0, "input");
      case "Cast" -> in.known(0, "input").cast(castsToFloat(a.integer("to", 0)));
      case "Shape" -> shape(in.known(0, "input").dims(), a);
      case "Gather" -> in.known(0, "data").gather(a.integer("axis", 0), in.known(1, "indices"));
      case "Unsqueeze" -> unsqueeze(in.known(0, "data"), axes(in, a, "axes"));
      case "Squeeze" -> squeeze(in.known(0, "data"), axes(in, a, "axes"));
      case "Concat" -> concat(in, a);
      case "Reshape" ->
          in.known(0, "data")
              .reshape(
                  reshapeTarget(
                      in.known(0, "data").dims(),
                      in.known(1, "shape").longs(),
                      a.integer("allowzero", 0) != 0));
      case "Slice" -> slice(in, a, opset);
      case "Transpose" -> transpose(in.known(0, "data"), a);
      case "ConstantOfShape" -> constantOfShape(in.known(0, "shape"), a);
      case "Add" ->
          ConstTensor.arithmetic(ConstTensor.Arithmetic.ADD, in.known(0, "A"), in.known(1, "B"));
      case "Sub" ->
          ConstTensor.arithmetic(ConstTensor.Arithmetic.SUB, in.known(0, "A"), in.known(1, "B"));
      case "Mul" ->
          ConstTensor.arithmetic(ConstTensor.Arithmetic.MUL, in.known(0, "A"), in.known(1, "B"));
      case "Div" ->
          ConstTensor.arithmetic(ConstTensor.Arithmetic.DIV, in.known(0, "A"), in.known(1, "B"));
      default -> throw new IllegalStateException("not a folding operator: " + in.op());
    };
  }

  /**
   * ONNX Shape of a tensor with the given dimensions (opset 15's start and end attributes
   * included).
   */
  static ConstTensor shape(long[] dims, OnnxAttributes a) {
    long[] range =
        SliceRange.of(a.integer("start", 0), a.integer("end", Long.MAX_VALUE), 1, dims.length);
    return ConstTensor.vector(
        Arrays.copyOfRange(dims, (int) range[0], (int) (range[0] + range[1])));
  }

  private static ConstTensor constant(OnnxAttributes a) {
    TensorProto t = a.tensor("value");
    if (t != null) {
      return OnnxTensors.decode(t);
    }
    if (a.has("value_float")) {
      return ConstTensor.ofFloats(new long[0], new float[] {a.real("value_float", 0)});
    }
    if (a.has("value_floats")) {
      float[] v = a.reals("value_floats");
      return ConstTensor.ofFloats(new long[] {v.length}, v);
    }
    if (a.has("value_int")) {
      return ConstTensor.ofLongs(new long[0], new long[] {a.integer("value_int", 0)});
    }
    if (a.has("value_ints")) {
      long[] v = a.ints("value_ints", new long[0]);
      return ConstTensor.ofLongs(new long[] {v.length}, v);
    }
    throw new IllegalArgumentException(
        "Constant without a numeric value (sparse and string constants are not " + "supported)");
  }

  /**
   * Whether ONNX Cast's {@code to} type is a float type (true) or an integer or boolean type
   * (false).
   */
  static boolean castsToFloat(long to) {
    DataType type = DataType.forNumber((int) to);
    if (type == null) {
      throw new IllegalArgumentException("Cast to unknown type " + to);
    }
    return switch (type) {
      case FLOAT, DOUBLE, FLOAT16, BFLOAT16 -> true;
      case INT64, INT32, INT16, INT8, UINT8, UINT16, UINT32, UINT64, BOOL -> false;
      default -> throw new IllegalArgumentException("Cast to " + type + " is not supported");
    };
  }

  /**
   * Axes from the attribute (before opset 13) or the second input (from 13), or null when neither
   * is given.
   */
  static long[] axes(NodeInputs in, OnnxAttributes a, String name) {
    if (a.has(name)) {
      return a.ints(name, new long[0]);
    }
    ConstTensor t = in.optionalKnown(1, name);
    return t == null ? null : t.longs();
  }

  static long[] unsqueezedDims(long[] dims, long[] axes) {
    if (axes == null) {
      throw new IllegalArgumentException("Unsqueeze needs axes");
    }
    int rank = dims.length + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long axis : axes) {
      int x = ConstTensor.axis(axis, rank);
      if (inserted[x]) {
        throw new IllegalArgumentException("Unsqueeze names axis " + x + " twice");
      }
      inserted[x] = true;
    }
    long[] out = new long[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      out[i] = inserted[i] ? 1 : dims[j++];
    }
    return out;
  }

  static long[] squeezedDims(long[] dims, long[] axes) {
    boolean[] removed = new boolean[dims.length];
    if (axes == null) {
      for (int i = 0; i < dims.length; i++) {
        removed[i] = dims[i] == 1;
      }
    } else {
      for (long axis : axes) {
        int x = ConstTensor.axis(axis, dims.length);
        if (dims[x] != 1) {
          throw new IllegalArgumentException(
              "Squeeze of axis " + x + " whose size is " + dims[x] + ", not 1");
        }
        removed[x] = true;
      }
    }
    return java.util.stream.IntStream.range(0, dims.length)
        .filter(i -> !removed[i])
        .mapToLong(i -> dims[i])
        .toArray();
  }

  private static ConstTensor unsqueeze(ConstTensor t, long[] axes) {
    return t.reshape(unsqueezedDims(t.dims(), axes));
  }

  private static ConstTensor squeeze(ConstTensor t, long[] axes) {
    return t.reshape(squeezedDims(t.dims(), axes));
  }

  private static ConstTensor concat(NodeInputs in, OnnxAttributes a) {
    if (!a.has("axis")) {
      throw new IllegalArgumentException("Concat needs an axis attribute");
    }
    List<ConstTensor> parts = new ArrayList<>();
    for (int i = 0; i < in.count(); i++) {
      parts.add(in.known(i, "input"));
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("Concat without inputs");
    }
    return ConstTensor.concat(parts, a.integer("axis", 0));
  }

  /**
   * ONNX Reshape's target for a known input: 0 copies the input dimension (unless allowzero), -1 is
   * inferred.
   */
  static long[] reshapeTarget(long[] in, long[] target, boolean allowZero) {
    long[] out = target.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0 && !allowZero) {
        if (i >= in.length) {
          throw new IllegalArgumentException(
              "Reshape target "
                  + Arrays.toString(target)
                  + " copies dimension "
                  + i
                  + " of an input of rank "
                  + in.length);
        }
        out[i] = in[i];
      }
      if (out[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException(
              "Reshape target " + Arrays.toString(target) + " has two -1");
        }
        infer = i;
      } else if (out[i] < 0) {
        throw new IllegalArgumentException(
            "Reshape target " + Arrays.toString(target) + " has a negative size");
      } else {
        known *= out[i];
      }
    }
    long total = ConstTensor.elementCount(in);
    if (infer >= 0) {
      if (known == 0 || total % known != 0) {
        throw new IllegalArgumentException(
            "Reshape of "
                + Arrays.toString(in)
                + " to "
                + Arrays.toString(target)
                + " does not divide evenly");
      }
      out[infer] = total / known;
    }
    return out;
  }

  private static ConstTensor slice(NodeInputs in, OnnxAttributes a, int opset) {
    ConstTensor data = in.known(0, "data");
    long[][] spec = sliceSpec(in, a, opset, data.rank());
    return data.slice(spec[0], spec[1], spec[2], spec[3]);
  }

  /** Starts, ends, axes and steps of a Slice node (attributes before opset 10, inputs from 10). */
  static long[][] sliceSpec(NodeInputs in, OnnxAttributes a, int opset, int rank) {
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (opset < 10) {
      starts = a.ints("starts", null);
      ends = a.ints("ends", null);
      axes = a.ints("axes", null);
    } else {
      starts = in.known(1, "starts").longs();
      ends = in.known(2, "ends").longs();
      ConstTensor ax = in.optionalKnown(3, "axes");
      ConstTensor st = in.optionalKnown(4, "steps");
      axes = ax == null ? null : ax.longs();
      steps = st == null ? null : st.longs();
    }
    if (starts == null || ends == null || starts.length != ends.length) {
      throw new IllegalArgumentException("Slice needs starts and ends of the same length");
    }
    if (axes == null) {
      axes = java.util.stream.LongStream.range(0, starts.length).toArray();
    }
    if (steps == null) {
      steps = new long[starts.length];
      Arrays.fill(steps, 1);
    }
    if (axes.length != starts.length || steps.length != starts.length || starts.length > rank) {
      throw new IllegalArgumentException(
          "Slice starts, ends, axes and steps differ in length or exceed rank " + rank);
    }
    return new long[][] {starts, ends, axes, steps};
  }

  private static ConstTensor transpose(ConstTensor t, OnnxAttributes a) {
    long[] perm = a.ints("perm", null);
    if (perm != null && perm.length != t.rank()) {
      throw new IllegalArgumentException(
          "perm " + Arrays.toString(perm) + " does not fit rank " + t.rank());
    }
    int[] p = new int[t.rank()];
    for (int i = 0; i < p.length; i++) {
      p[i] =
          perm == null
              ? p.length - 1 - i
              : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, perm[i]));
    }
    return t.transpose(p);
  }

  private static ConstTensor constantOfShape(ConstTensor shape, OnnxAttributes a) {
    long[] dims = shape.longs();
    int n = ConstTensor.grownCount(dims);
    TensorProto value = a.tensor("value");
    ConstTensor v =
        value == null
            ? ConstTensor.ofFloats(new long[] {1}, new float[] {0})
            : OnnxTensors.decode(value);
    if (v.size() != 1) {
      throw new IllegalArgumentException(
          "ConstantOfShape value must hold one element, holds " + v.size());
    }
    if (v.isFloat()) {
      float[] out = new float[n];
      Arrays.fill(out, (float) v.scalar());
      return ConstTensor.ofFloats(dims, out);
    }
    long[] out = new long[n];
    Arrays.fill(out, v.longs()[0]);
    return ConstTensor.ofLongs(dims, out);
  }
}
