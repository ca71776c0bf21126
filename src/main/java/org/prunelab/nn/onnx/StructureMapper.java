package org.prunelab.nn.onnx;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.Dropout;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.Slice;
import org.prunelab.nn.layer.Softmax;

/**
 * Maps the ONNX operators that move or regroup activations without arithmetic: Concat and Split
 * along the channels, Slice, Flatten, Reshape, Squeeze, Unsqueeze, Transpose where it is a layout
 * no-op (only axes of size 1 move), Softmax, Dropout, Identity and Cast to float. The batch axis
 * must stay first and keep its size; operations that leave the sample's shape as it is become no
 * node at all.
 */
final class StructureMapper {
  static final Set<String> OPS =
      Set.of(
          "Concat",
          "Split",
          "Slice",
          "Flatten",
          "Reshape",
          "Squeeze",
          "Unsqueeze",
          "Transpose",
          "Softmax",
          "Dropout",
          "Identity",
          "Cast");

  private final MappingContext ctx;

  StructureMapper(MappingContext ctx) {
    this.ctx = ctx;
  }

  /** The values of the node's outputs, in order (Split has several). */
  List<OnnxValue> map(NodeInputs in) {
    return switch (in.op()) {
      case "Split" -> split(in);
      default -> List.of(single(in));
    };
  }

  private OnnxValue single(NodeInputs in) {
    return switch (in.op()) {
      case "Concat" -> concat(in);
      case "Slice" -> slice(in);
      case "Flatten" -> flatten(in);
      case "Reshape" -> reshape(in);
      case "Squeeze" ->
          regroup(
              in,
              ConstantFolder.squeezedDims(
                  withBatch(in.activation(0).shape()), ConstantFolder.axes(in, in.attrs, "axes")));
      case "Unsqueeze" ->
          regroup(
              in,
              ConstantFolder.unsqueezedDims(
                  withBatch(in.activation(0).shape()), ConstantFolder.axes(in, in.attrs, "axes")));
      case "Transpose" -> transpose(in);
      case "Softmax" -> softmax(in);
      case "Dropout" -> dropout(in);
      case "Identity" -> in.activation(0);
      case "Cast" -> cast(in);
      default -> throw new IllegalStateException("not a structure operator: " + in.op());
    };
  }

  /**
   * Stands for the batch size in batched shapes here: any value other than 1, so Squeeze never
   * removes it.
   */
  private static final long BATCH_PLACEHOLDER = -2;

  private static long[] withBatch(Shape sample) {
    long[] b = MappingContext.batched(sample);
    b[0] = BATCH_PLACEHOLDER;
    return b;
  }

  /**
   * A reshape to the batched shape {@code out}, which must keep the batch axis first; no node if
   * nothing changes.
   */
  private OnnxValue regroup(NodeInputs in, long[] out) {
    OnnxValue.Activation x = in.activation(0);
    if (out.length < 2 || out[0] != BATCH_PLACEHOLDER) {
      throw new IllegalArgumentException(
          in.op()
              + " would move or remove the batch axis of "
              + x.shape()
              + " per sample; PruneLab keeps the batch axis first");
    }
    return reshapeTo(in, x, Arrays.copyOfRange(out, 1, out.length));
  }

  /**
   * A Reshape of {@code x} to the sample shape, or a Flatten where the result is the flattened
   * sample. A reshape of a reshape reads the first one's input instead (it only regroups), and no
   * node is made where nothing changes.
   */
  private OnnxValue reshapeTo(NodeInputs in, OnnxValue.Activation x, long[] sample) {
    PlannedGraph.Planned producer = ctx.plan.node(x.node());
    if (producer != null
        && (producer.layer instanceof Reshape || producer.layer instanceof Flatten)) {
      String before = producer.inputs.get(0);
      x = new OnnxValue.Activation(before, ctx.plan.shapeOf(before));
    }
    if (Arrays.equals(sample, x.shape().getShape())) {
      return x;
    }
    boolean flattens = sample.length == 1 && x.shape().dimension() > 1;
    return ctx.emit(
        ctx.nameFor(in, -1), flattens ? new Flatten() : new Reshape(sample), Map.of(), x.node());
  }

  private int channelAxis(NodeInputs in, long axis, int rank) {
    int a = ConstTensor.axis(axis, rank);
    if (a == 0) {
      throw new IllegalArgumentException(
          in.op() + " along the batch axis; PruneLab keeps whole batches together");
    }
    return a;
  }

  private OnnxValue concat(NodeInputs in) {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < in.count(); i++) {
      nodes.add(in.activation(i).node());
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("Concat without inputs");
    }
    int rank = in.activation(0).shape().dimension() + 1;
    if (!in.attrs.has("axis") || channelAxis(in, in.attrs.integer("axis", 1), rank) != 1) {
      throw new IllegalArgumentException(
          "Concat along axis "
              + in.attrs.integer("axis", 0)
              + "; PruneLab "
              + "concatenates activations along the channels (axis 1) only");
    }
    if (nodes.size() == 1) {
      return in.activation(0);
    }
    return ctx.emit(ctx.nameFor(in, -1), new Concat(), Map.of(), nodes.toArray(String[]::new));
  }

  private List<OnnxValue> split(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    int axis = channelAxis(in, in.attrs.integer("axis", 0), x.shape().dimension() + 1);
    long size = x.shape().get(axis - 1);
    int outputs = in.node.getOutputCount();
    long[] sizes =
        in.attrs.has("split")
            ? in.attrs.ints("split", null)
            : in.present(1) ? in.known(1, "split").longs() : equalParts(in, size, outputs);
    if (sizes.length != outputs
        || Arrays.stream(sizes).sum() != size
        || Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
      throw new IllegalArgumentException(
          "split sizes "
              + Arrays.toString(sizes)
              + " do not cut "
              + size
              + " entries into "
              + outputs
              + " non-empty outputs");
    }
    String base = MappingContext.label(in);
    List<OnnxValue> values = new ArrayList<>();
    long start = 0;
    for (int i = 0; i < outputs; i++) {
      String name = ctx.plan.freeName(base + "." + i, "split");
      values.add(ctx.emit(name, new Slice(axis, start, start + sizes[i]), Map.of(), x.node()));
      start += sizes[i];
    }
    return values;
  }

  /**
   * Equal parts: ceil(size / n) each and the rest in the last (opset 18's num_outputs), or exact
   * division.
   */
  private static long[] equalParts(NodeInputs in, long size, int outputs) {
    long n = in.attrs.integer("num_outputs", outputs);
    if (n != outputs || n <= 0) {
      throw new IllegalArgumentException(
          "num_outputs " + n + " differs from the " + outputs + " outputs");
    }
    long part = (size + n - 1) / n;
    long[] sizes = new long[outputs];
    Arrays.fill(sizes, part);
    sizes[outputs - 1] = size - part * (n - 1);
    return sizes;
  }

  private OnnxValue slice(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    int rank = x.shape().dimension() + 1;
    long[][] spec = ConstantFolder.sliceSpec(in, in.attrs, ctx.opset, rank);
    OnnxValue.Activation out = x;
    for (int j = 0; j < spec[0].length; j++) {
      int axis = ConstTensor.axis(spec[2][j], rank);
      long step = spec[3][j];
      if (axis == 0) {
        if (spec[0][j] != 0 || step != 1 || spec[1][j] < Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              "Slice of the batch axis; PruneLab keeps whole batches together");
        }
        continue;
      }
      if (step != 1) {
        throw new IllegalArgumentException(
            "Slice with step " + step + "; PruneLab slices contiguous ranges only");
      }
      long n = out.shape().get(axis - 1);
      long[] range = SliceRange.of(spec[0][j], spec[1][j], 1, n);
      if (range[1] == 0) {
        throw new IllegalArgumentException("Slice leaves nothing of axis " + axis);
      }
      if (range[1] < n) {
        String name = ctx.nameFor(in, -1);
        out = ctx.emit(name, new Slice(axis, range[0], range[0] + range[1]), Map.of(), out.node());
      }
    }
    return out;
  }

  private OnnxValue flatten(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    long[] sample = x.shape().getShape();
    int rank = sample.length + 1;
    long axis = in.attrs.integer("axis", 1);
    int a = (int) (axis < 0 ? axis + rank : axis);
    if (a < 0 || a > rank) {
      throw new IllegalArgumentException(
          "Flatten axis " + axis + " is out of range for rank " + rank);
    }
    if (a == 0) {
      throw new IllegalArgumentException(
          "Flatten with axis 0 merges the batch into the features; PruneLab keeps "
              + "the batch axis (torch.flatten(x, 1))");
    }
    long[] out = Arrays.copyOf(sample, a);
    out[a - 1] = Arrays.stream(sample, a - 1, sample.length).reduce(1, (p, q) -> p * q);
    return reshapeTo(in, x, out);
  }

  /**
   * Reshape of an activation: the target's first entry must keep the batch (the folded batch size,
   * 0 = copy, the batch size the file declares, or -1 with every other entry given), the rest is
   * the sample's new shape.
   */
  private OnnxValue reshape(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    long[] target = in.known(1, "shape").longs();
    boolean allowZero = in.attrs.integer("allowzero", 0) != 0;
    long[] sample = x.shape().getShape();
    if (target.length < 2) {
      throw new IllegalArgumentException(
          "Reshape to " + show(target) + " leaves no sample axes besides the batch");
    }
    long first = target[0];
    long[] rest = Arrays.copyOfRange(target, 1, target.length);
    if (Arrays.stream(rest).anyMatch(d -> d == ConstTensor.BATCH)) {
      throw new IllegalArgumentException(
          "Reshape to " + show(target) + " moves the batch size away from axis 0");
    }
    boolean keepsBatch =
        first == ConstTensor.BATCH
            || (first == 0 && !allowZero)
            || (ctx.declaredBatch > 0 && first == ctx.declaredBatch)
            || (first == -1
                && Arrays.stream(rest).allMatch(d -> d > 0)
                && Arrays.stream(rest).reduce(1, (p, q) -> p * q) == x.shape().size());
    if (!keepsBatch) {
      throw new IllegalArgumentException(
          "Reshape to "
              + show(target)
              + " changes the batch axis of (N, "
              + x.shape()
              + "); PruneLab keeps the batch axis first (export x.view(x.size(0), ...) or "
              + "torch.flatten(x, 1))");
    }
    return reshapeTo(in, x, ConstantFolder.reshapeTarget(sample, rest, allowZero));
  }

  private static String show(long[] target) {
    return Arrays.toString(target).replace(String.valueOf(ConstTensor.BATCH), "N");
  }

  private OnnxValue transpose(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    long[] dims = withBatch(x.shape());
    long[] perm = in.attrs.ints("perm", null);
    if (perm == null) {
      perm = new long[dims.length];
      for (int i = 0; i < perm.length; i++) {
        perm[i] = dims.length - 1L - i;
      }
    }
    if (perm.length != dims.length) {
      throw new IllegalArgumentException(
          "perm " + Arrays.toString(perm) + " does not fit rank " + dims.length);
    }
    long[] out = new long[dims.length];
    int last = -1;
    boolean[] seen = new boolean[dims.length];
    for (int i = 0; i < perm.length; i++) {
      int p = ConstTensor.axis(perm[i], dims.length);
      if (seen[p]) {
        throw new IllegalArgumentException(
            "perm " + Arrays.toString(perm) + " is not a permutation");
      }
      seen[p] = true;
      out[i] = dims[p];
      if (dims[p] != 1) {
        if (p < last) {
          throw new IllegalArgumentException(
              "Transpose "
                  + Arrays.toString(perm)
                  + " of (N, "
                  + x.shape()
                  + ") reorders the data; PruneLab maps a Transpose only where it moves axes of size 1 (a layout "
                  + "no-op)");
        }
        last = p;
      }
    }
    return regroup(in, out);
  }

  private OnnxValue softmax(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    int rank = x.shape().dimension() + 1;
    int axis = channelAxis(in, in.attrs.integer("axis", ctx.opset >= 13 ? -1 : 1), rank);
    if (ctx.opset < 13
        && Arrays.stream(x.shape().getShape(), axis, rank - 1).anyMatch(d -> d != 1)) {
      throw new IllegalArgumentException(
          "Softmax before opset 13 normalises over all axes from "
              + axis
              + " of (N, "
              + x.shape()
              + "), which PruneLab does not map; export with opset 13 or later");
    }
    return ctx.emit(ctx.nameFor(in, -1), new Softmax(axis), Map.of(), x.node());
  }

  /**
   * Dropout keeps its rate so that retraining the imported network drops activations as the
   * original did.
   */
  private OnnxValue dropout(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    ctx.requireUnusedOutputs(in, 1, "mask");
    double ratio =
        in.attrs.has("ratio")
            ? in.attrs.real("ratio", 0.5f)
            : in.present(1) ? in.known(1, "ratio").scalar() : 0.5;
    return ctx.emit(ctx.nameFor(in, -1), new Dropout(ratio), Map.of(), x.node());
  }

  private OnnxValue cast(NodeInputs in) {
    if (!ConstantFolder.castsToFloat(in.attrs.integer("to", 0))) {
      throw new IllegalArgumentException(
          "Cast of an activation to a non-float type; PruneLab computes in float32");
    }
    return in.activation(0);
  }
}
