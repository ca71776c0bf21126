package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A neural ODE classifier (Chen et al. 2018): the input x (dimension n) padded with a zeros to z(0)
 * = [x, 0] (augmented neural ODE, Dupont et al. 2019, when a > 0), integrated by dz/dt = f(z, t)
 * from 0 to T, and read out linearly, logits = W z(T) + b. Trained on the cross-entropy of the
 * logits. The read-out lives in the classifier's own scope (close it); the field is the caller's.
 */
public final class OdeClassifier implements AutoCloseable {
  private final MlpField field;
  private final OdeSolver solver;
  private final double endTime;
  private final int inputs;
  private final NDManager manager;
  private final NDArray readoutWeight;
  private final NDArray readoutBias;

  /**
   * A classifier over {@code field} for {@code inputs}-dimensional inputs (the field's dimension
   * minus the augmented zeros) and {@code classes} classes; the read-out initialised like a PyTorch
   * linear layer from {@code seed}, in a child scope of {@code parent}.
   */
  public OdeClassifier(
      MlpField field,
      int inputs,
      int classes,
      OdeSolver solver,
      double endTime,
      long seed,
      NDManager parent) {
    int d = field.spec().dimension();
    if (inputs < 1 || inputs > d || classes < 2 || !(endTime > 0)) {
      throw new IllegalArgumentException(
          "a classifier needs 1 <= inputs <= the field's dimension "
              + d
              + ", at least 2 classes and a positive end time");
    }
    this.field = field;
    this.solver = solver;
    this.endTime = endTime;
    this.inputs = inputs;
    this.manager = parent.newSubManager();
    DataType type = field.weight(0).getDataType();
    Random random = new Random(seed);
    double bound = 1 / Math.sqrt(d);
    this.readoutWeight = uniform(random, bound, classes * d, type).reshape(classes, d);
    this.readoutBias = uniform(random, bound, classes, type);
  }

  private NDArray uniform(Random random, double bound, int n, DataType type) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = (2 * random.nextDouble() - 1) * bound;
    }
    return manager.create(values).toType(type, false);
  }

  private OdeClassifier(OdeClassifier source, MlpField field, NDManager parent) {
    this.field = field;
    this.solver = source.solver;
    this.endTime = source.endTime;
    this.inputs = source.inputs;
    this.manager = parent.newSubManager();
    this.readoutWeight = source.readoutWeight.duplicate();
    this.readoutWeight.attach(manager);
    this.readoutBias = source.readoutBias.duplicate();
    this.readoutBias.attach(manager);
  }

  /**
   * A classifier over {@code other} (a field of the same dimension, e.g. a pruned one) with the
   * same solver, end time and a copy of this read-out, in a child scope of {@code parent}.
   */
  public OdeClassifier withField(MlpField other, NDManager parent) {
    if (other.spec().dimension() != field.spec().dimension()) {
      throw new IllegalArgumentException(
          "the new field has dimension "
              + other.spec().dimension()
              + ", the read-out needs "
              + field.spec().dimension());
    }
    return new OdeClassifier(this, other, parent);
  }

  /** The vector field. */
  public MlpField field() {
    return field;
  }

  /** The solver used for every forward pass. */
  public OdeSolver solver() {
    return solver;
  }

  /** The field's parameters and the read-out ("readout.weight", "readout.bias"), read-only. */
  public Map<String, NDArray> parameters() {
    Map<String, NDArray> all = new LinkedHashMap<>(field.parameters());
    all.put("readout.weight", readoutWeight);
    all.put("readout.bias", readoutBias);
    return Collections.unmodifiableMap(all);
  }

  /** Logits W z(T) + b for a batch x of shape [N, inputs]; lands in the scope of x. */
  public NDArray logits(NDArray x) {
    return Linear.linear(solve(x).state(), readoutWeight, readoutBias).singletonOrThrow();
  }

  private OdeSolution solve(NDArray x) {
    long n = x.getShape().get(0);
    int extra = field.spec().dimension() - inputs;
    NDArray z0 =
        extra == 0
            ? x
            : NDArrays.concat(
                new NDList(x, x.getManager().zeros(new Shape(n, extra), x.getDataType())), 1);
    return solver.solve(field, z0, 0, endTime);
  }

  /** The function evaluations of one solve of {@code data}, in a scope of {@code parent}. */
  public int evaluations(ToyData data, NDManager parent) {
    try (NDManager scope = parent.newSubManager()) {
      return solve(data.points(scope, readoutWeight.getDataType())).evaluations();
    }
  }

  /**
   * The fraction of {@code data} whose largest logit is its label, in a scope of {@code parent}.
   */
  public double accuracy(ToyData data, NDManager parent) {
    try (NDManager scope = parent.newSubManager()) {
      NDArray logits = logits(data.points(scope, readoutWeight.getDataType()));
      NDArray hits = logits.argMax(1).eq(data.labels(scope));
      return hits.sum().toType(DataType.FLOAT64, false).getDouble() / data.size();
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
