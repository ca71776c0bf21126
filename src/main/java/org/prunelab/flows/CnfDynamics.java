package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * The augmented dynamics of a continuous normalizing flow on the state s = [z, delta] (shape [N, d
 * + 1]): dz/dt = f(z, t), d(delta)/dt = -tr(df/dz), the trace from Jacobian-vector products with
 * probes held fixed for one solve.
 */
final class CnfDynamics implements VectorField {
  private final MlpField field;
  private final NDArray probes;
  private final double weight;
  private final int dimension;

  CnfDynamics(MlpField field, NDArray probes, double weight) {
    this.field = field;
    this.probes = probes;
    this.weight = weight;
    this.dimension = field.spec().dimension();
  }

  @Override
  public NDArray at(double t, NDArray state) {
    NDArray z = state.get(new NDIndex(":, :{}", dimension));
    FieldJvp out = field.valueAndJvp(t, z, probes);
    NDArray trace = out.jvp().mul(probes).sum(new int[] {1, 2}, true).squeeze(2);
    return NDArrays.concat(new NDList(out.value(), Scalars.times(trace, -weight)), 1);
  }
}
