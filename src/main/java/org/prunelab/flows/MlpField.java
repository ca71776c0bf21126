package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An MLP vector field f(z, t): h_0 = [z, t], h_{l+1} = sigma(W_l h_l + b_l) for the hidden layers,
 * f = W_L h_L + b_L, with each W_l of shape [out, in] and b_l of shape [out] held as plain DJL
 * arrays in the field's own native scope (close the field to free them). Masking a weight in place
 * (W_l *= M_l) or building a smaller field from kept rows and columns prunes it.
 *
 * <p>{@link #valueAndJvp} also propagates tangents forward through the layers: u_0 = [v, 0],
 * u_{l+1} = sigma'(W_l h_l + b_l) (.) (W_l u_l), giving (df/dz) v for k tangents at about k + 1
 * times the cost of a forward pass, with ordinary first-order operators (so the result can be
 * trained through).
 */
public final class MlpField implements VectorField, AutoCloseable {
  private final MlpSpec spec;
  private final NDManager manager;
  private final List<NDArray> weights = new ArrayList<>();
  private final List<NDArray> biases = new ArrayList<>();
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();

  private MlpField(MlpSpec spec, NDManager manager) {
    this.spec = spec;
    this.manager = manager;
  }

  /**
   * A field with PyTorch's default initialisation of linear layers, W and b uniform in
   * (-1/sqrt(in), 1/sqrt(in)), drawn from {@code seed}; parameters of {@code type} (float32 to
   * train, float64 for checks) in a child scope of {@code parent}.
   */
  public static MlpField create(MlpSpec spec, DataType type, long seed, NDManager parent) {
    MlpField field = new MlpField(spec, parent.newSubManager());
    Random random = new Random(seed);
    for (int l = 0; l < spec.layers(); l++) {
      int in = spec.inFeatures(l);
      int out = spec.outFeatures(l);
      double bound = 1 / Math.sqrt(in);
      field.add(l, uniform(field.manager, random, bound, type, out, in), "weight", field.weights);
      field.add(l, uniform(field.manager, random, bound, type, out), "bias", field.biases);
    }
    return field;
  }

  /**
   * A field of shape {@code spec} holding the given values: {@code weights.get(l)} is W_l row-major
   * (out * in values), {@code biases.get(l)} is b_l, as arrays of {@code type} in a child scope of
   * {@code parent}. Pruning builds smaller fields this way.
   *
   * @throws IllegalArgumentException when a layer's values do not match the spec's shape
   */
  public static MlpField of(
      MlpSpec spec,
      DataType type,
      List<double[]> weights,
      List<double[]> biases,
      NDManager parent) {
    if (weights.size() != spec.layers() || biases.size() != spec.layers()) {
      throw new IllegalArgumentException(
          "a field of " + spec.layers() + " layers needs that many weight and bias arrays");
    }
    MlpField field = new MlpField(spec, parent.newSubManager());
    for (int l = 0; l < spec.layers(); l++) {
      Shape w = new Shape(spec.outFeatures(l), spec.inFeatures(l));
      Shape b = new Shape(spec.outFeatures(l));
      field.add(l, field.array(weights.get(l), w, type, l), "weight", field.weights);
      field.add(l, field.array(biases.get(l), b, type, l), "bias", field.biases);
    }
    return field;
  }

  private NDArray array(double[] values, Shape shape, DataType type, int layer) {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(
          "layer " + layer + " needs " + shape.size() + " values, got " + values.length);
    }
    NDArray exact = manager.create(values, shape);
    if (type == DataType.FLOAT64) {
      return exact;
    }
    try (exact) {
      return exact.toType(type, true);
    }
  }

  /**
   * An independent copy of this field (same shape, type and values) in a child of {@code parent}.
   */
  public MlpField copy(NDManager parent) {
    List<double[]> w = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (int l = 0; l < spec.layers(); l++) {
      w.add(values(weights.get(l)));
      b.add(values(biases.get(l)));
    }
    return of(spec, weights.get(0).getDataType(), w, b, parent);
  }

  /** The values of W_l, row-major [out, in], as doubles (a copy). */
  public double[] weightValues(int layer) {
    return values(weights.get(layer));
  }

  /** The values of b_l as doubles (a copy). */
  public double[] biasValues(int layer) {
    return values(biases.get(layer));
  }

  private static double[] values(NDArray array) {
    try (NDArray exact = array.toType(DataType.FLOAT64, true)) {
      return exact.toDoubleArray();
    }
  }

  private void add(int layer, NDArray value, String kind, List<NDArray> list) {
    list.add(value);
    parameters.put("fc" + layer + "." + kind, value);
  }

  private static NDArray uniform(
      NDManager manager, Random random, double bound, DataType type, long... shape) {
    int n = Math.toIntExact(new Shape(shape).size());
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = (2 * random.nextDouble() - 1) * bound;
    }
    NDArray exact = manager.create(values, new Shape(shape));
    if (type == DataType.FLOAT64) {
      return exact;
    }
    try (exact) {
      return exact.toType(type, true);
    }
  }

  /** The field's shape. */
  public MlpSpec spec() {
    return spec;
  }

  /** W_l, shape [out, in]; the array itself, so an in-place change (a mask) changes the field. */
  public NDArray weight(int layer) {
    return weights.get(layer);
  }

  /** b_l, shape [out]. */
  public NDArray bias(int layer) {
    return biases.get(layer);
  }

  /** Every parameter by name ("fc0.weight", "fc0.bias", ...), in layer order; read-only map. */
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** Number of scalar parameters, sum over layers of out * in + out. */
  public long parameterCount() {
    return parameters.values().stream().mapToLong(p -> p.getShape().size()).sum();
  }

  /** Number of weights (entries of the W_l), sum over layers of out * in; biases not counted. */
  public long weightCount() {
    return weights.stream().mapToLong(w -> w.getShape().size()).sum();
  }

  /** Number of weights that are not zero (what a weight mask left). */
  public long nonZeroWeights() {
    long n = 0;
    for (int l = 0; l < spec.layers(); l++) {
      for (double w : weightValues(l)) {
        if (w != 0) {
          n++;
        }
      }
    }
    return n;
  }

  /** Switches gradient tracking of every parameter on or off (on to train). */
  public void trainable(boolean on) {
    parameters.values().forEach(p -> p.setRequiresGradient(on));
  }

  /** f(z, t) for a batch z of shape [N, d]; the result lands in the scope of z. */
  @Override
  public NDArray at(double t, NDArray z) {
    NDArray h = withTime(t, z);
    for (int l = 0; l < spec.layers(); l++) {
      NDArray a = Linear.linear(h, weights.get(l), biases.get(l)).singletonOrThrow();
      h = l < spec.layers() - 1 ? spec.activation().apply(a) : a;
    }
    return h;
  }

  /**
   * f(z, t) and (df/dz) v for tangents v of shape [N, k, d] (k directions per sample), by forward
   * propagation of the tangents through the layers.
   */
  public FieldJvp valueAndJvp(double t, NDArray z, NDArray v) {
    Shape vs = v.getShape();
    NDArray h = withTime(t, z);
    NDArray u =
        NDArrays.concat(
            new NDList(
                v, v.getManager().zeros(new Shape(vs.get(0), vs.get(1), 1), v.getDataType())),
            2);
    for (int l = 0; l < spec.layers(); l++) {
      NDArray a = Linear.linear(h, weights.get(l), biases.get(l)).singletonOrThrow();
      NDArray du = Linear.linear(u, weights.get(l), null).singletonOrThrow();
      if (l < spec.layers() - 1) {
        h = spec.activation().apply(a);
        u = du.mul(spec.activation().derivative(a, h).expandDims(1));
      } else {
        h = a;
        u = du;
      }
    }
    return new FieldJvp(h, u);
  }

  private static NDArray withTime(double t, NDArray z) {
    NDArray time =
        Scalars.times(z.getManager().ones(new Shape(z.getShape().get(0), 1), z.getDataType()), t);
    return NDArrays.concat(new NDList(z, time), 1);
  }

  @Override
  public void close() {
    manager.close();
  }
}
