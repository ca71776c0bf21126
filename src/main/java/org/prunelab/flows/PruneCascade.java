package org.prunelab.flows;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.prunelab.job.JobContext;

/**
 * Sparse Flows' cascade: for k_1 > k_2 > ... (fractions of the ORIGINAL field's W weights), prune
 * the current field to at most round(k_i W) weights ({@link FieldPruning}), retrain it for the
 * recipe's iterations (WT masks re-applied after every optimizer step, so each mask is a subset of
 * the previous one; FT steps remove neurons of the already smaller field), then measure it on the
 * test points. The caller's model is not changed: the cascade prunes copies and frees them.
 */
public final class PruneCascade {
  private PruneCascade() {}

  /** The cascade of a CNF, measured by the mean test NLL in nats. */
  public static List<CascadeStep> flow(
      ContinuousFlow flow,
      CascadeSpec spec,
      ToyDataset data,
      ToyData test,
      NDManager parent,
      JobContext ctx) {
    return run(new FlowCascadeModel(flow, false), spec, data, test, parent, ctx);
  }

  /** The cascade of a neural ODE classifier (field and read-out retrained), by test accuracy. */
  public static List<CascadeStep> classifier(
      OdeClassifier classifier,
      CascadeSpec spec,
      ToyDataset data,
      ToyData test,
      NDManager parent,
      JobContext ctx) {
    return run(new ClassifierCascadeModel(classifier, false), spec, data, test, parent, ctx);
  }

  private static List<CascadeStep> run(
      CascadeModel original,
      CascadeSpec spec,
      ToyDataset data,
      ToyData test,
      NDManager parent,
      JobContext ctx) {
    long weights = original.field().weightCount();
    long parameters = original.field().parameterCount();
    List<CascadeStep> steps = new ArrayList<>();
    CascadeModel current = original;
    try {
      for (int i = 0; i < spec.keeps().size(); i++) {
        ctx.checkCancelled();
        double keep = spec.keeps().get(i);
        PrunedField pruned = spec.method().prune(current.field(), keep, weights, parent);
        CascadeModel next = current.withField(pruned.field(), parent);
        current.close();
        current = next;
        TrainingHistory history =
            current.retrain(data, spec.recipe(i), pruned.afterStep(), parent, ctx);
        MlpField field = current.field();
        long live = field.nonZeroWeights();
        long biases = field.parameterCount() - field.weightCount();
        steps.add(
            new CascadeStep(
                keep,
                live,
                weights,
                live + biases,
                parameters,
                current.metric(),
                current.measure(test, parent),
                current.evaluations(test, parent),
                history.seconds()));
      }
    } finally {
      current.close();
    }
    return steps;
  }
}
