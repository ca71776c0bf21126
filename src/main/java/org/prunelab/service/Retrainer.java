package org.prunelab.service;

import java.util.Optional;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.WeightMasks;
import org.prunelab.train.Loaders;
import org.prunelab.train.Trainer;
import org.prunelab.train.TrainingRecipe;

/**
 * Retrains a compressed network in place with a {@link RetrainRecipe}: weight masks, when the
 * method masked weights, are re-applied after every optimizer step, so pruned weights stay zero.
 * The sweep runner, the CLI and the workbench all retrain through here.
 */
public final class Retrainer {
  private Retrainer() {}

  /**
   * Trains {@code network} on {@code train} (normalised with {@code normalization}) for the
   * recipe's epochs; does nothing for a recipe of 0 epochs.
   */
  public static void retrain(
      Network network,
      Optional<WeightMasks> masks,
      RetrainRecipe recipe,
      ImageDataset train,
      Normalization normalization,
      long seed,
      JobContext ctx) {
    if (!recipe.retrains()) {
      return;
    }
    TrainingRecipe training = recipe.trainingRecipe(seed);
    Trainer trainer = new Trainer(training);
    masks.ifPresent(m -> trainer.onStep(m::apply));
    trainer.fit(network, Loaders.training(train, normalization, training), Optional.empty(), ctx);
  }
}
