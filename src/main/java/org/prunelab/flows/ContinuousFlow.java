package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * A continuous normalizing flow (FFJORD, Grathwohl et al. 2019) with a standard Gaussian base: data
 * x = z(0) flows by dz/dt = f(z, t) to z(T), and by the instantaneous change of variables (Chen et
 * al. 2018) d log p(z(t))/dt = -tr(df/dz), so
 *
 * <pre>
 *   log p(x) = log N(z(T); 0, I) + int_0^T tr(df/dz(z(t), t)) dt,
 *   log N(z; 0, I) = -d/2 log(2 pi) - |z|^2 / 2.
 * </pre>
 *
 * The augmented state [z, delta] with d(delta)/dt = -tr(df/dz) is solved in one pass ({@code
 * CnfDynamics}); the trace is exact or Hutchinson's ({@link TraceEstimator}). Sampling integrates
 * from T back to 0. The flow uses its {@link MlpField} but does not own it: the caller closes it.
 */
public final class ContinuousFlow {
  /** FFJORD's integration time for the toy flows (its "time_length" 0.5). */
  public static final double FFJORD_END_TIME = 0.5;

  private final MlpField field;
  private final OdeSolver solver;
  private final double endTime;
  private final TraceEstimator trace;

  /** A flow over {@code field} integrated from 0 to {@code endTime} by {@code solver}. */
  public ContinuousFlow(MlpField field, OdeSolver solver, double endTime, TraceEstimator trace) {
    if (!(endTime > 0) || Double.isInfinite(endTime)) {
      throw new IllegalArgumentException("the flow's end time must be positive, got " + endTime);
    }
    this.field = field;
    this.solver = solver;
    this.endTime = endTime;
    this.trace = trace;
  }

  /** The vector field (its parameters are what training and pruning change). */
  public MlpField field() {
    return field;
  }

  /** The same flow (solver, end time, trace) over another field, e.g. a pruned one. */
  public ContinuousFlow withField(MlpField other) {
    return new ContinuousFlow(other, solver, endTime, trace);
  }

  /**
   * The function evaluations of one log-density solve of {@code points} (row-major [N, d]), in a
   * scope of {@code parent} freed before returning.
   */
  public int evaluations(float[] points, NDManager parent, long seed) {
    try (NDManager scope = parent.newSubManager()) {
      NDArray x =
          scope
              .create(points, new Shape(points.length / dimension(), dimension()))
              .toType(dataType(), false);
      return logDensity(x, seed).evaluations();
    }
  }

  /** The solver every density and sample uses. */
  public OdeSolver solver() {
    return solver;
  }

  /** The dimension d of the data. */
  public int dimension() {
    return field.spec().dimension();
  }

  /**
   * log p(x) for a batch x of shape [N, d]; Hutchinson probes (if used) are drawn from {@code
   * seed}. Every array lands in the scope of x; differentiable with respect to the field's
   * parameters.
   */
  public LogDensity logDensity(NDArray x, long seed) {
    int d = dimension();
    long n = x.getShape().get(0);
    NDManager scope = x.getManager();
    NDArray probes = trace.probes(scope, n, d, x.getDataType(), seed);
    NDArray start =
        NDArrays.concat(new NDList(x, scope.zeros(new Shape(n, 1), x.getDataType())), 1);
    OdeSolution end =
        solver.solve(new CnfDynamics(field, probes, trace.weight(d)), start, 0, endTime);
    NDArray latent = end.state().get(new NDIndex(":, :{}", d));
    NDArray change = end.state().get(new NDIndex(":, {}", d));
    NDArray logp = standardNormalLogDensity(latent).sub(change);
    return new LogDensity(logp, latent, change, end.evaluations());
  }

  /**
   * The mean negative log-likelihood of {@code points} (shape [N, d], float32), in chunks of at
   * most 4096 points in a scope of {@code parent} freed before returning.
   */
  public double meanNll(float[] points, NDManager parent, long seed) {
    int d = dimension();
    int n = points.length / d;
    double sum = 0;
    for (int from = 0; from < n; from += 4096) {
      int count = Math.min(4096, n - from);
      try (NDManager scope = parent.newSubManager()) {
        float[] chunk = new float[count * d];
        System.arraycopy(points, from * d, chunk, 0, chunk.length);
        NDArray x = scope.create(chunk, new Shape(count, d)).toType(dataType(), false);
        sum +=
            logDensity(x, seed + from)
                .logDensity()
                .sum()
                .toType(DataType.FLOAT64, false)
                .getDouble();
      }
    }
    return -sum / n;
  }

  /**
   * n samples: z(T) ~ N(0, I) drawn from {@code seed}, integrated back to t = 0, in {@code scope}.
   */
  public FlowSamples sample(NDManager scope, int n, long seed) {
    int d = dimension();
    Random random = new Random(seed);
    double[] base = new double[n * d];
    for (int i = 0; i < base.length; i++) {
      base[i] = random.nextGaussian();
    }
    NDArray z = scope.create(base, new Shape(n, d)).toType(dataType(), false);
    OdeSolution end = solver.solve(field, z, endTime, 0);
    return new FlowSamples(end.state(), end.evaluations());
  }

  /** log N(z; 0, I) = -d/2 log(2 pi) - |z|^2 / 2 per row of z (shape [N, d] to [N]). */
  public static NDArray standardNormalLogDensity(NDArray z) {
    long d = z.getShape().get(1);
    return Scalars.times(z.square().sum(new int[] {1}), -0.5).sub(0.5 * d * Math.log(2 * Math.PI));
  }

  private DataType dataType() {
    return field.weight(0).getDataType();
  }
}
