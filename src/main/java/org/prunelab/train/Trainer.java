package org.prunelab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.data.DataLoader;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.NonFiniteException;

/**
 * Trains a network in place by mini-batch gradient descent on the cross-entropy loss: per batch a
 * forward pass in training mode, backpropagation through DJL's autograd, one optimizer step at the
 * scheduled learning rate, and an optional hook after the step (pruning masks are re-applied
 * there). Reports progress per batch, stops at the next batch when cancelled, and fails with a
 * clear message when the loss becomes NaN.
 */
public final class Trainer {
  private final TrainingRecipe recipe;
  private final List<StepHook> hooks = new ArrayList<>();

  public Trainer(TrainingRecipe recipe) {
    this.recipe = recipe;
  }

  /** Called after every optimizer step, e.g. to re-apply pruning masks. */
  @FunctionalInterface
  public interface StepHook {
    void afterStep(Network network);
  }

  public Trainer onStep(StepHook hook) {
    hooks.add(hook);
    return this;
  }

  /**
   * Runs every epoch of the recipe on {@code train}, evaluating on {@code validation} after each
   * epoch if given.
   *
   * @return one record per epoch
   */
  public List<EpochRecord> fit(
      Network network, DataLoader train, Optional<DataLoader> validation, JobContext ctx) {
    network.checkFinite();
    Engine.getInstance().setRandomSeed((int) recipe.seed());
    Map<String, NDArray> params = network.trainableParameters();
    List<EpochRecord> history = new ArrayList<>();
    int perEpoch = train.batchesPerEpoch();
    long totalSteps = (long) perEpoch * recipe.epochs();
    params.values().forEach(p -> p.setRequiresGradient(true));
    try (NDManager scope = NDManager.newBaseManager(network.device());
        Optimizer optimizer = Optimizer.of(recipe.optimizer(), scope)) {
      TrainingStep step = new TrainingStep(network, params, optimizer);
      for (int epoch = 0; epoch < recipe.epochs(); epoch++) {
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        int batchIndex = 0;
        double lr = 0;
        for (Batch batch : train.epoch(epoch, scope)) {
          try (batch) {
            ctx.checkCancelled();
            lr = recipe.schedule().at(epoch + (double) batchIndex / perEpoch);
            TrainingStep.Result result = step.run(batch.images(), batch.labels(), lr);
            float loss = result.loss();
            if (!Float.isFinite(loss)) {
              throw new NonFiniteException(
                  "training diverged: the loss is "
                      + loss
                      + " at epoch "
                      + (epoch + 1)
                      + ", batch "
                      + (batchIndex + 1)
                      + " (learning rate "
                      + lr
                      + "); lower the learning rate");
            }
            for (StepHook hook : hooks) {
              hook.afterStep(network);
            }
            lossSum += (double) loss * batch.size();
            for (int r : result.ranks()) {
              correct += r == 0 ? 1 : 0;
            }
            seen += batch.size();
            batchIndex++;
            ctx.progress(
                (long) epoch * perEpoch + batchIndex,
                totalSteps,
                String.format(
                    "epoch %d/%d  loss %.4f  lr %.4g",
                    epoch + 1, recipe.epochs(), lossSum / seen, lr));
          }
        }
        Metrics val =
            validation.map(v -> Evaluator.evaluate(network, v, JobContext.silent())).orElse(null);
        history.add(
            new EpochRecord(
                epoch + 1,
                lossSum / Math.max(1, seen),
                (double) correct / Math.max(1, seen),
                val,
                lr,
                (System.nanoTime() - start) / 1e9));
      }
    } finally {
      params.values().forEach(p -> p.setRequiresGradient(false));
    }
    return history;
  }
}
