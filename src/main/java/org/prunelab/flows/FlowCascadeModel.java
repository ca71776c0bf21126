package org.prunelab.flows;

import ai.djl.ndarray.NDManager;
import org.prunelab.job.JobContext;

/** A continuous normalizing flow in a cascade, measured by its mean test NLL. */
final class FlowCascadeModel implements CascadeModel {
  private final ContinuousFlow flow;
  private final boolean owned;

  FlowCascadeModel(ContinuousFlow flow, boolean owned) {
    this.flow = flow;
    this.owned = owned;
  }

  @Override
  public MlpField field() {
    return flow.field();
  }

  @Override
  public CascadeModel withField(MlpField pruned, NDManager parent) {
    return new FlowCascadeModel(flow.withField(pruned), true);
  }

  @Override
  public TrainingHistory retrain(
      ToyDataset data, ToyRecipe recipe, Runnable afterStep, NDManager parent, JobContext ctx) {
    return ToyTrainer.trainFlow(flow, data, recipe, parent, ctx, afterStep);
  }

  @Override
  public String metric() {
    return "nll";
  }

  @Override
  public double measure(ToyData test, NDManager parent) {
    return flow.meanNll(test.points(), parent, 0);
  }

  @Override
  public int evaluations(ToyData test, NDManager parent) {
    return flow.evaluations(test.points(), parent, 0);
  }

  @Override
  public void close() {
    if (owned) {
      flow.field().close();
    }
  }
}
