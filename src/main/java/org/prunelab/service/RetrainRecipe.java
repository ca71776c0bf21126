package org.prunelab.service;

import org.prunelab.error.PruneLabException;
import org.prunelab.train.LearningRateSchedule;
import org.prunelab.train.OptimizerSpec;
import org.prunelab.train.TrainingRecipe;

/**
 * How a compressed network is retrained, the one recipe the sweep runner, the CLI and the
 * workbench's Prune &amp; Retrain share: {@code epochs} over the training images (0: measure right
 * after compressing), SGD with Nesterov momentum {@value #MOMENTUM} and weight decay {@value
 * #WEIGHT_DECAY}, the learning rate annealed by a cosine from {@code learningRate} to 0 over the
 * epochs, batches of {@code batchSize}, random crops with {@value #CROP_PADDING} pixels of padding,
 * no flips. The defaults ({@link #DEFAULT_LEARNING_RATE}, {@link #DEFAULT_BATCH}) are stated here
 * once (docs/adr/0014-one-service-layer.md).
 */
public record RetrainRecipe(int epochs, double learningRate, int batchSize) {
  /** Learning rate when none is given. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** Batch size when none is given. */
  public static final int DEFAULT_BATCH = 128;

  /** Most epochs a recipe accepts. */
  public static final int MAX_EPOCHS = 1000;

  static final double MOMENTUM = 0.9;
  static final double WEIGHT_DECAY = 5e-4;
  static final int CROP_PADDING = 2;

  /**
   * Checks every value.
   *
   * @throws PruneLabException naming the value that is out of range
   */
  public RetrainRecipe {
    if (epochs < 0 || epochs > MAX_EPOCHS) {
      throw new PruneLabException(
          "retraining epochs " + epochs + " is outside 0.." + MAX_EPOCHS + " (0: no retraining)");
    }
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new PruneLabException(
          "retraining learning rate " + learningRate + " must be positive and below 10");
    }
    if (batchSize < 1 || batchSize > 65536) {
      throw new PruneLabException("retraining batch size " + batchSize + " is outside 1..65536");
    }
  }

  /** {@code epochs} epochs with the default learning rate and batch size. */
  public static RetrainRecipe of(int epochs) {
    return new RetrainRecipe(epochs, DEFAULT_LEARNING_RATE, DEFAULT_BATCH);
  }

  /** No retraining: the network is measured as compressed. */
  public static RetrainRecipe none() {
    return of(0);
  }

  /** Whether it trains at all. */
  public boolean retrains() {
    return epochs > 0;
  }

  /**
   * The training loop's recipe, with {@code seed} for data order and augmentation.
   *
   * @throws IllegalStateException for a recipe without epochs (check {@link #retrains()})
   */
  public TrainingRecipe trainingRecipe(long seed) {
    if (!retrains()) {
      throw new IllegalStateException("a recipe of 0 epochs does not train");
    }
    return new TrainingRecipe(
        epochs,
        batchSize,
        OptimizerSpec.sgd(MOMENTUM, true, WEIGHT_DECAY),
        new LearningRateSchedule.Cosine(learningRate, 0, epochs),
        CROP_PADDING,
        false,
        seed);
  }
}
