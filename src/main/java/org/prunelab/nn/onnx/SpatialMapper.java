package org.prunelab.nn.onnx;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.AvgPool;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.ConvTranspose2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Pad;

/**
 * Maps the ONNX operators over (C, H, W) activations: Conv, ConvTranspose (symmetric pads),
 * MaxPool, AveragePool, GlobalAveragePool, ReduceMean over H and W, and Pad. ONNX pads each side
 * separately, PruneLab's convolutions and pools symmetrically: the symmetric part goes into the
 * layer and any remainder into an explicit {@link Pad} node in front of it (zeros for convolutions
 * and average pools that count the padding, -infinity for max pools). A zero Pad node feeding a
 * convolution is folded into the convolution's padding.
 */
final class SpatialMapper {
  static final Set<String> OPS =
      Set.of(
          "Conv",
          "ConvTranspose",
          "MaxPool",
          "AveragePool",
          "GlobalAveragePool",
          "ReduceMean",
          "Pad");

  private final MappingContext ctx;

  SpatialMapper(MappingContext ctx) {
    this.ctx = ctx;
  }

  OnnxValue map(NodeInputs in) {
    return switch (in.op()) {
      case "Conv" -> conv(in);
      case "ConvTranspose" -> convTranspose(in);
      case "MaxPool" -> maxPool(in);
      case "AveragePool" -> avgPool(in);
      case "GlobalAveragePool" ->
          ctx.emit(ctx.nameFor(in, -1), AdaptiveAvgPool.global(), Map.of(), image(in).node());
      case "ReduceMean" -> reduceMean(in);
      case "Pad" -> pad(in);
      default -> throw new IllegalStateException("not a spatial operator: " + in.op());
    };
  }

  private static OnnxValue.Activation image(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    if (x.shape().dimension() != 3) {
      throw new IllegalArgumentException(
          in.op()
              + " over "
              + (x.shape().dimension() - 1)
              + " spatial axes (input "
              + x.shape()
              + " per sample); PruneLab maps 2-D images (C, H, W) only");
    }
    return x;
  }

  /** A strides or dilations attribute: two positive values. */
  private static long[] pair(OnnxAttributes a, String name, long fallback) {
    long[] v = a.ints(name, new long[] {fallback, fallback});
    if (v.length != 2 || v[0] <= 0 || v[1] <= 0) {
      throw new IllegalArgumentException(
          "attribute '"
              + name
              + "' must be 2 positive values for a 2-D input, is "
              + Arrays.toString(v));
    }
    return v;
  }

  /**
   * Pads (top, left, bottom, right) from {@code pads} or {@code auto_pad} (SAME_UPPER, SAME_LOWER,
   * VALID).
   */
  private static long[] pads(
      NodeInputs in, Shape x, long[] kernel, long[] strides, long[] dilations) {
    String auto = in.attrs.string("auto_pad", "NOTSET");
    long[] pads = new long[4];
    switch (auto) {
      case "NOTSET" -> {
        pads = in.attrs.ints("pads", pads);
        if (pads.length != 4) {
          throw new IllegalArgumentException(
              "attribute 'pads' must have 4 values for a 2-D input, has " + pads.length);
        }
      }
      case "VALID" -> {}
      case "SAME_UPPER", "SAME_LOWER" -> {
        for (int i = 0; i < 2; i++) {
          long size = x.get(i + 1);
          long out = (size + strides[i] - 1) / strides[i];
          long total =
              Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size);
          long small = total / 2;
          pads[i] = auto.equals("SAME_UPPER") ? small : total - small;
          pads[i + 2] = total - pads[i];
        }
      }
      default ->
          throw new IllegalArgumentException("auto_pad '" + auto + "' is not an ONNX padding mode");
    }
    for (long p : pads) {
      MappingContext.toInt(p, "padding");
    }
    return pads;
  }

  /**
   * Adds an explicit Pad node for the asymmetric remainder of {@code pads} and returns the node to
   * read.
   */
  private String asymmetricPart(String name, String source, long[] pads, double value) {
    long h = Math.min(pads[0], pads[2]);
    long w = Math.min(pads[1], pads[3]);
    if (pads[0] == h && pads[2] == h && pads[1] == w && pads[3] == w) {
      return source;
    }
    Pad pad =
        new Pad(
            (int) (pads[0] - h),
            (int) (pads[2] - h),
            (int) (pads[1] - w),
            (int) (pads[3] - w),
            value);
    return ctx.emit(ctx.plan.freeName(name + ".pad", "pad"), pad, Map.of(), source).node();
  }

  private OnnxValue conv(NodeInputs in) {
    OnnxValue.Activation x = image(in);
    ConstTensor w = in.known(1, "weight");
    ConstTensor b = in.optionalKnown(2, "bias");
    long[] wd = w.dims();
    if (wd.length != 4) {
      throw new IllegalArgumentException(
          "Conv with a weight of rank "
              + wd.length
              + "; PruneLab maps 2-D "
              + "convolutions (weight of rank 4) only");
    }
    long[] kernel = in.attrs.ints("kernel_shape", new long[] {wd[2], wd[3]});
    if (!Arrays.equals(kernel, new long[] {wd[2], wd[3]})) {
      throw new IllegalArgumentException(
          "kernel_shape "
              + Arrays.toString(kernel)
              + " disagrees with the weight "
              + Arrays.toString(wd));
    }
    long groups = in.attrs.integer("group", 1);
    long channels = x.shape().get(0);
    if (groups <= 0 || wd[1] * groups != channels) {
      throw new IllegalArgumentException(
          "weight "
              + Arrays.toString(wd)
              + " with group "
              + groups
              + " reads "
              + wd[1] * groups
              + " channels, the input has "
              + channels
              + " (input "
              + x.shape()
              + ")");
    }
    if (b != null && b.size() != wd[0]) {
      throw new IllegalArgumentException(
          "bias has " + b.size() + " values for " + wd[0] + " output channels");
    }
    long[] strides = pair(in.attrs, "strides", 1);
    long[] dilations = pair(in.attrs, "dilations", 1);
    long[] pads = pads(in, x.shape(), kernel, strides, dilations);
    String source = x.node();
    PlannedGraph.Planned producer = ctx.plan.node(source);
    if (producer != null && producer.layer instanceof Pad p && p.value() == 0) {
      source = producer.inputs.get(0);
      pads =
          new long[] {
            pads[0] + p.top(), pads[1] + p.left(), pads[2] + p.bottom(), pads[3] + p.right()
          };
    }
    String name = ctx.nameFor(in, 1);
    source = asymmetricPart(name, source, pads, 0);
    Conv2d conv =
        new Conv2d(
            (int) channels,
            MappingContext.toInt(wd[0], "output channels"),
            MappingContext.toInt(wd[2], "kernel height"),
            MappingContext.toInt(wd[3], "kernel width"),
            MappingContext.toInt(strides[0], "stride"),
            MappingContext.toInt(strides[1], "stride"),
            (int) Math.min(pads[0], pads[2]),
            (int) Math.min(pads[1], pads[3]),
            MappingContext.toInt(dilations[0], "dilation"),
            MappingContext.toInt(dilations[1], "dilation"),
            (int) groups,
            b != null);
    Map<String, float[]> params = new HashMap<>();
    params.put("weight", w.floats());
    if (b != null) {
      params.put("bias", b.floats());
    }
    return ctx.emit(name, conv, params, source);
  }

  private OnnxValue convTranspose(NodeInputs in) {
    OnnxValue.Activation x = image(in);
    ConstTensor w = in.known(1, "weight");
    ConstTensor b = in.optionalKnown(2, "bias");
    long[] wd = w.dims();
    long groups = in.attrs.integer("group", 1);
    long channels = x.shape().get(0);
    if (wd.length != 4 || wd[0] != channels || groups <= 0 || channels % groups != 0) {
      throw new IllegalArgumentException(
          "weight "
              + Arrays.toString(wd)
              + " with group "
              + groups
              + " does not "
              + "fit "
              + channels
              + " input channels; PruneLab maps 2-D transposed convolutions (weight (C, M / group, "
              + "kH, kW)) only");
    }
    long out = wd[1] * groups;
    if (b != null && b.size() != out) {
      throw new IllegalArgumentException(
          "bias has " + b.size() + " values for " + out + " output channels");
    }
    String auto = in.attrs.string("auto_pad", "NOTSET");
    long[] pads = in.attrs.ints("pads", new long[4]);
    if (in.attrs.has("output_shape")
        || !(auto.equals("NOTSET") || auto.equals("VALID"))
        || pads.length != 4
        || pads[0] != pads[2]
        || pads[1] != pads[3]) {
      throw new IllegalArgumentException(
          "ConvTranspose with output_shape, auto_pad "
              + auto
              + " or asymmetric pads "
              + Arrays.toString(pads)
              + "; PruneLab maps explicit symmetric pads only (PyTorch's ConvTranspose2d)");
    }
    if (auto.equals("VALID")) {
      pads = new long[4];
    }
    long[] strides = pair(in.attrs, "strides", 1);
    long[] dilations = pair(in.attrs, "dilations", 1);
    long[] outPad = in.attrs.ints("output_padding", new long[2]);
    if (outPad.length != 2) {
      throw new IllegalArgumentException(
          "attribute 'output_padding' must have 2 values, has " + outPad.length);
    }
    ConvTranspose2d layer =
        new ConvTranspose2d(
            (int) channels,
            MappingContext.toInt(out, "output channels"),
            MappingContext.toInt(wd[2], "kernel height"),
            MappingContext.toInt(wd[3], "kernel width"),
            MappingContext.toInt(strides[0], "stride"),
            MappingContext.toInt(strides[1], "stride"),
            MappingContext.toInt(pads[0], "padding"),
            MappingContext.toInt(pads[1], "padding"),
            MappingContext.toInt(outPad[0], "output padding"),
            MappingContext.toInt(outPad[1], "output padding"),
            MappingContext.toInt(dilations[0], "dilation"),
            MappingContext.toInt(dilations[1], "dilation"),
            (int) groups,
            b != null);
    Map<String, float[]> params = new HashMap<>();
    params.put("weight", w.floats());
    if (b != null) {
      params.put("bias", b.floats());
    }
    return ctx.emit(ctx.nameFor(in, 1), layer, params, x.node());
  }

  private OnnxValue maxPool(NodeInputs in) {
    OnnxValue.Activation x = image(in);
    ctx.requireUnusedOutputs(in, 1, "indices");
    long[] kernel = kernel(in);
    long[] strides = pair(in.attrs, "strides", 1);
    long[] dilations = pair(in.attrs, "dilations", 1);
    if (dilations[0] != 1 || dilations[1] != 1) {
      throw new IllegalArgumentException(
          "MaxPool with dilations "
              + Arrays.toString(dilations)
              + " is not "
              + "supported (PruneLab pools without dilation)");
    }
    long[] pads = pads(in, x.shape(), kernel, strides, dilations);
    String name = ctx.nameFor(in, -1);
    String source = asymmetricPart(name, x.node(), pads, Double.NEGATIVE_INFINITY);
    MaxPool pool =
        new MaxPool(
            MappingContext.toInt(kernel[0], "kernel"),
            MappingContext.toInt(kernel[1], "kernel"),
            MappingContext.toInt(strides[0], "stride"),
            MappingContext.toInt(strides[1], "stride"),
            (int) Math.min(pads[0], pads[2]),
            (int) Math.min(pads[1], pads[3]),
            in.attrs.integer("ceil_mode", 0) != 0);
    OnnxValue.Activation out = ctx.emit(name, pool, Map.of(), source);
    checkOnnxSize(in, x.shape(), kernel, strides, pads, out.shape());
    return out;
  }

  private OnnxValue avgPool(NodeInputs in) {
    OnnxValue.Activation x = image(in);
    long[] kernel = kernel(in);
    long[] strides = pair(in.attrs, "strides", 1);
    long[] dilations = pair(in.attrs, "dilations", 1);
    if (dilations[0] != 1 || dilations[1] != 1) {
      throw new IllegalArgumentException(
          "AveragePool with dilations "
              + Arrays.toString(dilations)
              + " is not "
              + "supported (PruneLab pools without dilation)");
    }
    long[] pads = pads(in, x.shape(), kernel, strides, dilations);
    boolean countPad = in.attrs.integer("count_include_pad", 0) != 0;
    boolean symmetric = pads[0] == pads[2] && pads[1] == pads[3];
    if (!symmetric && !countPad) {
      throw new IllegalArgumentException(
          "AveragePool with asymmetric pads "
              + Arrays.toString(pads)
              + " and "
              + "count_include_pad=0 has no PruneLab equivalent; pad symmetrically");
    }
    String name = ctx.nameFor(in, -1);
    String source = asymmetricPart(name, x.node(), pads, 0);
    AvgPool pool =
        new AvgPool(
            MappingContext.toInt(kernel[0], "kernel"),
            MappingContext.toInt(kernel[1], "kernel"),
            MappingContext.toInt(strides[0], "stride"),
            MappingContext.toInt(strides[1], "stride"),
            (int) Math.min(pads[0], pads[2]),
            (int) Math.min(pads[1], pads[3]),
            in.attrs.integer("ceil_mode", 0) != 0,
            countPad);
    OnnxValue.Activation out = ctx.emit(name, pool, Map.of(), source);
    checkOnnxSize(in, x.shape(), kernel, strides, pads, out.shape());
    for (int i = 0; countPad && pool.ceilMode() && i < 2; i++) {
      if ((out.shape().get(i + 1) - 1) * strides[i] + kernel[i]
          > x.shape().get(i + 1) + pads[i] + pads[i + 2]) {
        throw new IllegalArgumentException(
            "AveragePool with ceil_mode and count_include_pad=1 whose last window "
                + "reaches past the padding along axis "
                + (i + 2)
                + ": ONNX Runtime divides that window by the whole "
                + "kernel, PyTorch (and PruneLab) by the part inside the padded input; use count_include_pad=0 or "
                + "ceil_mode=0");
      }
    }
    return out;
  }

  /**
   * Refuses a pool whose output size under ONNX's formula, floor or ceil of (in + pads - kernel) /
   * stride + 1, differs from PyTorch's (and so PruneLab's), which in ceil mode drops a last window
   * that starts in the right padding.
   */
  private static void checkOnnxSize(
      NodeInputs in, Shape x, long[] kernel, long[] strides, long[] pads, Shape out) {
    boolean ceil = in.attrs.integer("ceil_mode", 0) != 0;
    for (int i = 0; i < 2; i++) {
      long span = x.get(i + 1) + pads[i] + pads[i + 2] - kernel[i];
      long onnx =
          (ceil
                  ? Math.floorDiv(span + strides[i] - 1, strides[i])
                  : Math.floorDiv(span, strides[i]))
              + 1;
      if (onnx != out.get(i + 1)) {
        throw new IllegalArgumentException(
            in.op()
                + " of "
                + x
                + " with kernel "
                + Arrays.toString(kernel)
                + ", strides "
                + Arrays.toString(strides)
                + ", pads "
                + Arrays.toString(pads)
                + " and ceil_mode gives "
                + onnx
                + " outputs along axis "
                + (i + 2)
                + " in ONNX but "
                + out.get(i + 1)
                + " in PyTorch and "
                + "PruneLab (its last window would lie in the padding); use less padding or ceil_mode=0");
      }
    }
  }

  private static long[] kernel(NodeInputs in) {
    long[] kernel = in.attrs.ints("kernel_shape", null);
    if (kernel == null || kernel.length != 2) {
      throw new IllegalArgumentException(
          "attribute 'kernel_shape' must have 2 values for a 2-D input, got "
              + (kernel == null ? "none" : Arrays.toString(kernel)));
    }
    return kernel;
  }

  private OnnxValue reduceMean(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    long[] axes = ConstantFolder.axes(in, in.attrs, "axes");
    int rank = x.shape().dimension() + 1;
    boolean spatial =
        rank == 4
            && axes != null
            && axes.length == 2
            && Set.of(ConstTensor.axis(axes[0], rank), ConstTensor.axis(axes[1], rank))
                .equals(Set.of(2, 3));
    if (!spatial) {
      throw new IllegalArgumentException(
          "ReduceMean over axes "
              + (axes == null ? "all" : Arrays.toString(axes))
              + " of "
              + x.shape()
              + " per sample; PruneLab maps the mean over H and W of (N, C, H, W) only (global "
              + "average pooling)");
    }
    String name = ctx.nameFor(in, -1);
    OnnxValue.Activation pooled = ctx.emit(name, AdaptiveAvgPool.global(), Map.of(), x.node());
    if (in.attrs.integer("keepdims", 1) != 0) {
      return pooled;
    }
    return ctx.emit(
        ctx.plan.freeName(name + ".flatten", "flatten"), new Flatten(), Map.of(), pooled.node());
  }

  private OnnxValue pad(NodeInputs in) {
    OnnxValue.Activation x = in.activation(0);
    String mode = in.attrs.string("mode", "constant");
    if (!mode.equals("constant")) {
      throw new IllegalArgumentException(
          "Pad mode '" + mode + "' is not supported; PruneLab pads with a constant");
    }
    int rank = x.shape().dimension() + 1;
    long[] given =
        in.attrs.has("pads") ? in.attrs.ints("pads", new long[0]) : in.known(1, "pads").longs();
    double value =
        in.attrs.has("value")
            ? in.attrs.real("value", 0)
            : in.present(2) ? in.known(2, "constant value").scalar() : 0;
    ConstTensor axesTensor = in.optionalKnown(3, "axes");
    long[] axes =
        axesTensor == null
            ? java.util.stream.LongStream.range(0, rank).toArray()
            : axesTensor.longs();
    if (given.length != 2 * axes.length) {
      throw new IllegalArgumentException(
          "Pad has " + given.length + " pads for " + axes.length + " axes");
    }
    long[] pads = new long[2 * rank];
    for (int i = 0; i < axes.length; i++) {
      int a = ConstTensor.axis(axes[i], rank);
      pads[a] = given[i];
      pads[a + rank] = given[i + axes.length];
    }
    if (Arrays.stream(pads).allMatch(p -> p == 0)) {
      return x;
    }
    if (rank != 4
        || pads[0] != 0
        || pads[1] != 0
        || pads[rank] != 0
        || pads[rank + 1] != 0
        || Arrays.stream(pads).anyMatch(p -> p < 0)) {
      throw new IllegalArgumentException(
          "Pad "
              + Arrays.toString(pads)
              + " of "
              + x.shape()
              + " per sample; "
              + "PruneLab pads H and W of (N, C, H, W) by non-negative amounts only");
    }
    Pad pad =
        new Pad(
            MappingContext.toInt(pads[2], "pad"),
            MappingContext.toInt(pads[2 + rank], "pad"),
            MappingContext.toInt(pads[3], "pad"),
            MappingContext.toInt(pads[3 + rank], "pad"),
            value);
    return ctx.emit(ctx.nameFor(in, -1), pad, Map.of(), x.node());
  }
}
