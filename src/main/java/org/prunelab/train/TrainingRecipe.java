package org.prunelab.train;

import org.prunelab.error.InvalidSettingException;

/**
 * Everything that decides a training run besides the network and data: epochs, batch size,
 * optimizer, learning rate schedule, augmentation (random crop with padding, horizontal flip) and
 * the seed of data order and dropout.
 */
public record TrainingRecipe(
    int epochs,
    int batchSize,
    OptimizerSpec optimizer,
    LearningRateSchedule schedule,
    int cropPadding,
    boolean horizontalFlip,
    long seed) {

  public TrainingRecipe {
    if (epochs <= 0) {
      throw new InvalidSettingException("epochs must be positive, got " + epochs);
    }
    if (batchSize <= 0) {
      throw new InvalidSettingException("batch size must be positive, got " + batchSize);
    }
    if (optimizer == null || schedule == null) {
      throw new IllegalArgumentException("an optimizer and a learning rate schedule are required");
    }
    if (cropPadding < 0) {
      throw new InvalidSettingException("crop padding must be >= 0, got " + cropPadding);
    }
  }

  /**
   * The recipe the bundled models were trained with: SGD with Nesterov momentum 0.9, weight decay
   * 5e-4, batch 128, a one-epoch warm-up into cosine annealing, random crops with 2 pixels of
   * padding.
   */
  public static TrainingRecipe standard(int epochs, double lr, long seed) {
    return new TrainingRecipe(
        epochs,
        128,
        OptimizerSpec.sgd(0.9, true, 5e-4),
        new LearningRateSchedule.Warmup(1, new LearningRateSchedule.Cosine(lr, 0, epochs)),
        2,
        false,
        seed);
  }
}
