package org.prunelab.nn.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * A tensor whose values are known while importing: an initializer, a Constant node, or the result
 * of folding a shape computation (Shape, Gather, Concat, ...). Values are float32 or integers
 * (int64). The batch size is not known at import, so the Shape of an activation holds {@link
 * #BATCH} in its first entry; indexing and concatenation carry it along, arithmetic with it is
 * refused. Row-major, like ONNX.
 */
final class ConstTensor {
  /** Stands for the symbolic batch size in integer tensors that describe shapes. */
  static final long BATCH = Long.MIN_VALUE;

  /**
   * Largest constant that folding may create beyond the size of its inputs (ConstantOfShape,
   * broadcasting, Gather), in elements: shape computations are tiny, so a larger result means a
   * damaged file, not a model.
   */
  static final int MAX_GROWN_ELEMENTS = 1 << 24;

  private final long[] dims;
  private final float[] floats;
  private final long[] longs;

  private ConstTensor(long[] dims, float[] floats, long[] longs) {
    this.dims = dims;
    this.floats = floats;
    this.longs = longs;
  }

  static ConstTensor ofFloats(long[] dims, float[] values) {
    checkSize(dims, values.length);
    return new ConstTensor(dims.clone(), values, null);
  }

  static ConstTensor ofLongs(long[] dims, long[] values) {
    checkSize(dims, values.length);
    return new ConstTensor(dims.clone(), null, values);
  }

  static ConstTensor vector(long... values) {
    return ofLongs(new long[] {values.length}, values.clone());
  }

  /**
   * Number of elements of a tensor with these dimensions.
   *
   * @throws IllegalArgumentException for negative dimensions or more elements than a Java array
   *     holds
   */
  static int elementCount(long[] dims) {
    long n = 1;
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
      }
      n *= d;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "tensor of shape " + Arrays.toString(dims) + " is too large (over 2^31 " + "elements)");
      }
    }
    return (int) n;
  }

  /** Refuses a folded result larger than its largest input and {@link #MAX_GROWN_ELEMENTS}. */
  static int grownCount(long[] dims, int... inputSizes) {
    int n = elementCount(dims);
    int limit = Math.max(MAX_GROWN_ELEMENTS, Arrays.stream(inputSizes).max().orElse(0));
    if (n > limit) {
      throw new IllegalArgumentException(
          "folding would create a constant of shape "
              + Arrays.toString(dims)
              + " ("
              + n
              + " values), larger than any shape computation needs; the file is damaged");
    }
    return n;
  }

  private static void checkSize(long[] dims, int count) {
    if (elementCount(dims) != count) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(dims)
              + " needs "
              + elementCount(dims)
              + " values, got "
              + count);
    }
  }

  long[] dims() {
    return dims.clone();
  }

  int rank() {
    return dims.length;
  }

  int size() {
    return floats != null ? floats.length : longs.length;
  }

  boolean isFloat() {
    return floats != null;
  }

  /** The values as float32 (a copy). */
  float[] floats() {
    if (floats != null) {
      return floats.clone();
    }
    float[] out = new float[longs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = checkedLong(i);
    }
    return out;
  }

  /** The values as integers (a copy; floats are truncated towards zero). */
  long[] longs() {
    if (longs != null) {
      return longs.clone();
    }
    long[] out = new long[floats.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) floats[i];
    }
    return out;
  }

  /** The only value of a one-element tensor, as a double. */
  double scalar() {
    if (size() != 1) {
      throw new IllegalArgumentException(
          "expected a single value, got a tensor of shape " + Arrays.toString(dims));
    }
    return floats != null ? floats[0] : checkedLong(0);
  }

  private long checkedLong(int i) {
    if (longs[i] == BATCH) {
      throw new IllegalArgumentException(
          "computes with the batch size, which PruneLab keeps symbolic; export with a "
              + "dynamic batch axis whose shape computations only pass the batch size on (x.view(x.size(0), -1) or "
              + "torch.flatten(x, 1))");
    }
    return longs[i];
  }

  /**
   * The tensor with element {@code i} of the result taken from element {@code source[i]} of this
   * one.
   */
  private ConstTensor pick(long[] newDims, int[] source) {
    if (floats != null) {
      float[] v = new float[source.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = floats[source[i]];
      }
      return ofFloats(newDims, v);
    }
    long[] v = new long[source.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = longs[source[i]];
    }
    return ofLongs(newDims, v);
  }

  ConstTensor reshape(long[] newDims) {
    checkSize(newDims, size());
    return new ConstTensor(newDims.clone(), floats, longs);
  }

  /** Converts to float32 or to integers (ONNX Cast). */
  ConstTensor cast(boolean toFloat) {
    if (toFloat == isFloat()) {
      return this;
    }
    return toFloat ? ofFloats(dims, floats()) : ofLongs(dims, longs());
  }

  static int axis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  private static int[] strides(long[] dims) {
    int[] s = new int[dims.length];
    int stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = stride;
      stride *= (int) dims[i];
    }
    return s;
  }

  /** ONNX Transpose: output axis i is input axis perm[i]. */
  ConstTensor transpose(int[] perm) {
    if (perm.length != dims.length) {
      throw new IllegalArgumentException(
          "permutation " + Arrays.toString(perm) + " does not fit rank " + rank());
    }
    boolean[] seen = new boolean[perm.length];
    long[] out = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] < 0 || perm[i] >= perm.length || seen[perm[i]]) {
        throw new IllegalArgumentException(
            "perm " + Arrays.toString(perm) + " is not a permutation");
      }
      seen[perm[i]] = true;
      out[i] = dims[perm[i]];
    }
    int[] inStrides = strides(dims);
    int[] source = new int[size()];
    int[] index = new int[perm.length];
    for (int flat = 0; flat < source.length; flat++) {
      int src = 0;
      for (int i = 0; i < perm.length; i++) {
        src += index[i] * inStrides[perm[i]];
      }
      source[flat] = src;
      increment(index, out);
    }
    return pick(out, source);
  }

  private static void increment(int[] index, long[] dims) {
    for (int i = index.length - 1; i >= 0; i--) {
      if (++index[i] < dims[i]) {
        return;
      }
      index[i] = 0;
    }
  }

  /** ONNX Gather: picks entries along one axis; negative indices count from the end. */
  ConstTensor gather(long axisValue, ConstTensor indices) {
    int a = axis(axisValue, rank());
    long[] idx = indices.longs();
    long n = dims[a];
    for (int i = 0; i < idx.length; i++) {
      long k = idx[i] < 0 ? idx[i] + n : idx[i];
      if (k < 0 || k >= n) {
        throw new IllegalArgumentException(
            "Gather index " + idx[i] + " is out of range for an axis of size " + n);
      }
      idx[i] = k;
    }
    long[] out = new long[rank() - 1 + indices.rank()];
    System.arraycopy(dims, 0, out, 0, a);
    System.arraycopy(indices.dims, 0, out, a, indices.rank());
    System.arraycopy(dims, a + 1, out, a + indices.rank(), rank() - a - 1);
    int outer = (int) Arrays.stream(dims, 0, a).reduce(1, (x, y) -> x * y);
    int inner = (int) Arrays.stream(dims, a + 1, dims.length).reduce(1, (x, y) -> x * y);
    int[] source = new int[grownCount(out, size())];
    int p = 0;
    for (int o = 0; o < outer; o++) {
      for (long k : idx) {
        for (int i = 0; i < inner; i++) {
          source[p++] = (int) ((o * n + k) * inner + i);
        }
      }
    }
    return pick(out, source);
  }

  /** ONNX Slice with ONNX's clamping of starts and ends (steps may be negative). */
  ConstTensor slice(long[] starts, long[] ends, long[] axes, long[] steps) {
    long[] begin = new long[rank()];
    long[] step = new long[rank()];
    long[] count = dims.clone();
    Arrays.fill(step, 1);
    boolean[] seen = new boolean[rank()];
    for (int j = 0; j < starts.length; j++) {
      int a = axis(axes[j], rank());
      if (seen[a]) {
        throw new IllegalArgumentException("Slice names axis " + a + " twice");
      }
      seen[a] = true;
      long[] range = SliceRange.of(starts[j], ends[j], steps[j], dims[a]);
      begin[a] = range[0];
      step[a] = steps[j];
      count[a] = range[1];
    }
    int[] inStrides = strides(dims);
    int[] source = new int[elementCount(count)];
    int[] index = new int[rank()];
    for (int flat = 0; flat < source.length; flat++) {
      long src = 0;
      for (int i = 0; i < rank(); i++) {
        src += (begin[i] + index[i] * step[i]) * inStrides[i];
      }
      source[flat] = (int) src;
      increment(index, count);
    }
    return pick(count, source);
  }

  /** ONNX Concat along an axis; integer inputs stay integers unless one is float. */
  static ConstTensor concat(List<ConstTensor> parts, long axisValue) {
    ConstTensor first = parts.get(0);
    int a = axis(axisValue, first.rank());
    long[] out = first.dims.clone();
    out[a] = 0;
    boolean anyFloat = false;
    for (ConstTensor t : parts) {
      if (t.rank() != first.rank()) {
        throw new IllegalArgumentException(
            "Concat inputs have ranks " + first.rank() + " and " + t.rank());
      }
      for (int i = 0; i < out.length; i++) {
        if (i != a && t.dims[i] != first.dims[i]) {
          throw new IllegalArgumentException(
              "Concat inputs "
                  + Arrays.toString(first.dims)
                  + " and "
                  + Arrays.toString(t.dims)
                  + " differ outside axis "
                  + a);
        }
      }
      out[a] += t.dims[a];
      anyFloat |= t.isFloat();
    }
    int outer = (int) Arrays.stream(out, 0, a).reduce(1, (x, y) -> x * y);
    int n = elementCount(out);
    float[] f = anyFloat ? new float[n] : null;
    long[] l = anyFloat ? null : new long[n];
    int p = 0;
    for (int o = 0; o < outer; o++) {
      for (ConstTensor t : parts) {
        int block = t.size() / Math.max(outer, 1);
        float[] tf = anyFloat ? t.floats() : null;
        for (int i = 0; i < block; i++) {
          if (anyFloat) {
            f[p++] = tf[o * block + i];
          } else {
            l[p++] = t.longs[o * block + i];
          }
        }
      }
    }
    return anyFloat ? ofFloats(out, f) : ofLongs(out, l);
  }

  /** The element-wise operations ONNX Add, Sub, Mul and Div compute on constants. */
  enum Arithmetic {
    ADD,
    SUB,
    MUL,
    DIV
  }

  /**
   * Element-wise arithmetic with NumPy broadcasting; integer division truncates, as in ONNX
   * Runtime.
   */
  static ConstTensor arithmetic(Arithmetic op, ConstTensor a, ConstTensor b) {
    long[] out = broadcast(a.dims, b.dims);
    int n = grownCount(out, a.size(), b.size());
    int[] ia = broadcastSource(a.dims, out, n);
    int[] ib = broadcastSource(b.dims, out, n);
    if (a.isFloat() || b.isFloat()) {
      float[] fa = a.floats();
      float[] fb = b.floats();
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        float x = fa[ia[i]];
        float y = fb[ib[i]];
        v[i] =
            switch (op) {
              case ADD -> x + y;
              case SUB -> x - y;
              case MUL -> x * y;
              case DIV -> x / y;
            };
      }
      return ofFloats(out, v);
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      long x = a.checkedLong(ia[i]);
      long y = b.checkedLong(ib[i]);
      if (op == Arithmetic.DIV && y == 0) {
        throw new IllegalArgumentException("integer division by zero");
      }
      v[i] =
          switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
          };
    }
    return ofLongs(out, v);
  }

  static long[] broadcast(long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            "shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  private static int[] broadcastSource(long[] dims, long[] out, int n) {
    long[] aligned = new long[out.length];
    Arrays.fill(aligned, 1);
    System.arraycopy(dims, 0, aligned, out.length - dims.length, dims.length);
    int[] strides = strides(aligned);
    int[] source = new int[n];
    int[] index = new int[out.length];
    for (int flat = 0; flat < n; flat++) {
      int src = 0;
      for (int i = 0; i < out.length; i++) {
        src += aligned[i] == 1 ? 0 : index[i] * strides[i];
      }
      source[flat] = src;
      increment(index, out);
    }
    return source;
  }

  @Override
  public String toString() {
    String values =
        size() > 8
            ? size() + " values"
            : floats != null
                ? Arrays.toString(floats)
                : Arrays.toString(longs).replace(String.valueOf(BATCH), "N");
    return "tensor" + Arrays.toString(dims) + " " + values;
  }
}
