package org.prunelab.flows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prunelab.job.JobContext;
import org.prunelab.nn.NonFiniteException;
import org.prunelab.train.Losses;
import org.prunelab.train.Optimizer;
import org.prunelab.train.OptimizerSpec;

/**
 * Trains the toy continuous-depth models in place with AdamW ({@link ToyRecipe}): a continuous
 * normalizing flow on its negative log-likelihood -1/N sum log p(x_n) ({@link #trainFlow}), a
 * neural ODE classifier on the cross-entropy of its logits ({@link #trainClassifier}). Each
 * iteration draws a fresh batch, runs forward and backward through the solver in its own native
 * scope (freed before the next), then takes one optimizer step; progress per iteration,
 * cancellation at the next iteration, and a clear failure when the loss is not finite.
 */
public final class ToyTrainer {
  private ToyTrainer() {}

  /** Trains {@code flow} on points of {@code data}. */
  public static TrainingHistory trainFlow(
      ContinuousFlow flow, ToyDataset data, ToyRecipe recipe, NDManager parent, JobContext ctx) {
    return trainFlow(flow, data, recipe, parent, ctx, () -> {});
  }

  /**
   * Trains {@code flow} on points of {@code data}, running {@code afterStep} after every optimizer
   * step (pruning re-applies its weight masks there, so pruned weights stay 0).
   */
  public static TrainingHistory trainFlow(
      ContinuousFlow flow,
      ToyDataset data,
      ToyRecipe recipe,
      NDManager parent,
      JobContext ctx,
      Runnable afterStep) {
    MlpField field = flow.field();
    DataType type = field.weight(0).getDataType();
    return fit(
        field.parameters(),
        recipe,
        flow.solver(),
        parent,
        ctx,
        afterStep,
        (iteration, scope) -> {
          long seed = recipe.batchSeed(iteration);
          NDArray x = data.sample(recipe.batch(), seed).points(scope, type);
          return flow.logDensity(x, seed).meanNll();
        });
  }

  /** Trains {@code classifier} on labelled points of {@code data}. */
  public static TrainingHistory trainClassifier(
      OdeClassifier classifier,
      ToyDataset data,
      ToyRecipe recipe,
      NDManager parent,
      JobContext ctx) {
    return trainClassifier(classifier, data, recipe, parent, ctx, () -> {});
  }

  /**
   * Trains {@code classifier} on labelled points of {@code data}, running {@code afterStep} after
   * every optimizer step.
   */
  public static TrainingHistory trainClassifier(
      OdeClassifier classifier,
      ToyDataset data,
      ToyRecipe recipe,
      NDManager parent,
      JobContext ctx,
      Runnable afterStep) {
    DataType type = classifier.field().weight(0).getDataType();
    return fit(
        classifier.parameters(),
        recipe,
        classifier.solver(),
        parent,
        ctx,
        afterStep,
        (iteration, scope) -> {
          ToyData batch = data.sample(recipe.batch(), recipe.batchSeed(iteration));
          NDArray logits = classifier.logits(batch.points(scope, type));
          return Losses.crossEntropy(logits, batch.labels(scope));
        });
  }

  /** The loss of one iteration, computed from arrays in {@code scope}. */
  @FunctionalInterface
  private interface IterationLoss {
    NDArray loss(int iteration, NDManager scope);
  }

  private static TrainingHistory fit(
      Map<String, NDArray> parameters,
      ToyRecipe recipe,
      OdeSolver solver,
      NDManager parent,
      JobContext ctx,
      Runnable afterStep,
      IterationLoss objective) {
    long start = System.nanoTime();
    List<Double> losses = new ArrayList<>();
    parameters.values().forEach(p -> p.setRequiresGradient(true));
    try (NDManager base = parent.newSubManager();
        Optimizer optimizer = Optimizer.of(OptimizerSpec.adamW(recipe.weightDecay()), base)) {
      for (int i = 0; i < recipe.iterations(); i++) {
        ctx.checkCancelled();
        double loss;
        try (NDManager scope = base.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray value = objective.loss(i, scope);
          loss = value.toType(DataType.FLOAT64, false).getDouble();
          if (!Double.isFinite(loss)) {
            throw new NonFiniteException(
                String.format(
                    "training diverged: the loss is %s at iteration %d (learning rate %s, solver"
                        + " %s); lower the learning rate, or use more solver steps or a tighter"
                        + " tolerance",
                    loss, i + 1, SolverException.number(recipe.lr()), solver.describe()));
          }
          gc.backward(value);
        }
        optimizer.step(parameters, recipe.lr());
        afterStep.run();
        losses.add(loss);
        ctx.progress(
            i + 1,
            recipe.iterations(),
            String.format("iteration %d/%d  loss %.4f", i + 1, recipe.iterations(), loss));
      }
    } finally {
      parameters.values().forEach(p -> p.setRequiresGradient(false));
    }
    return new TrainingHistory(losses, (System.nanoTime() - start) / 1e9);
  }
}
