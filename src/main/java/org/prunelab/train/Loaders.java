package org.prunelab.train;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.data.Augmentation;
import org.prunelab.data.DataLoader;
import org.prunelab.data.HorizontalFlip;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.RandomCrop;

/**
 * Builds the data loaders a recipe asks for: shuffled and augmented for training, in order for
 * evaluation.
 */
public final class Loaders {
  /** Batch size of evaluation loaders. */
  public static final int EVAL_BATCH = 256;

  private Loaders() {}

  public static DataLoader training(ImageDataset train, Normalization n, TrainingRecipe recipe) {
    List<Augmentation> aug = new ArrayList<>();
    if (recipe.cropPadding() > 0) {
      aug.add(new RandomCrop(recipe.cropPadding()));
    }
    if (recipe.horizontalFlip()) {
      aug.add(new HorizontalFlip(0.5));
    }
    return new DataLoader(train, recipe.batchSize(), true, true, n, aug, recipe.seed());
  }

  public static DataLoader evaluation(ImageDataset data, Normalization n) {
    return new DataLoader(data, EVAL_BATCH, false, false, n, List.of(), 0);
  }
}
