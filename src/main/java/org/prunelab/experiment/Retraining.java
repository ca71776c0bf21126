package org.prunelab.experiment;

import org.prunelab.service.RetrainRecipe;

/**
 * A spec's {@code retrain} section as written in YAML: epochs (0 = measure right after pruning),
 * learning rate, batch size (each left out for the default of {@link RetrainRecipe}), and
 * optionally only the first {@code images} training images (quick sweeps). {@link #recipe()} is the
 * one retraining recipe the workbench uses too.
 */
public record Retraining(Integer epochs, Double lr, Integer batch, Integer images) {

  /** Epochs, 0 when not given. */
  public int epochCount() {
    return epochs == null ? 0 : epochs;
  }

  /** The recipe these values give, with {@link RetrainRecipe}'s defaults for what is left out. */
  public RetrainRecipe recipe() {
    return new RetrainRecipe(
        epochCount(),
        lr == null ? RetrainRecipe.DEFAULT_LEARNING_RATE : lr,
        batch == null ? RetrainRecipe.DEFAULT_BATCH : batch);
  }

  void validate() {
    if (epochs != null && (epochs < 0 || epochs > 1000)) {
      throw new ExperimentSpecException("retrain.epochs " + epochs + " is outside 0..1000");
    }
    if (lr != null && !(lr > 0 && lr < 10)) {
      throw new ExperimentSpecException(
          "retrain.lr " + lr + " must be a positive learning rate below 10");
    }
    if (batch != null && (batch < 1 || batch > 65536)) {
      throw new ExperimentSpecException("retrain.batch " + batch + " is outside 1..65536");
    }
    if (images != null && images < 1) {
      throw new ExperimentSpecException(
          "retrain.images " + images + " must be at least 1 (or left out for all)");
    }
  }
}
