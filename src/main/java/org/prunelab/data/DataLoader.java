package org.prunelab.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

/**
 * Cuts an {@link ImageDataset} into mini-batches. Each epoch visits the images in an order that
 * depends only on the seed and the epoch number (or in dataset order without shuffling); each image
 * is converted to [0, 1], augmented in turn by every {@link Augmentation} and normalised, and a
 * whole batch goes to the device in one {@code create} call. Augmentation randomness is seeded per
 * (seed, epoch, batch), so runs repeat exactly.
 */
public final class DataLoader {

  private final ImageDataset dataset;
  private final int batchSize;
  private final boolean shuffle;
  private final boolean dropLast;
  private final Normalization normalization;
  private final List<Augmentation> augmentations;
  private final long seed;

  /**
   * Creates a loader.
   *
   * @param dropLast drop a last batch smaller than {@code batchSize} instead of returning it
   * @param normalization applied after augmentation; must have one value per channel of the dataset
   * @param augmentations applied in order to each image; empty for evaluation
   */
  public DataLoader(
      ImageDataset dataset,
      int batchSize,
      boolean shuffle,
      boolean dropLast,
      Normalization normalization,
      List<Augmentation> augmentations,
      long seed) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }
    if (normalization.channels() != dataset.channels()) {
      throw new IllegalArgumentException(
          "normalization has "
              + normalization.channels()
              + " channels but "
              + dataset.name()
              + " has "
              + dataset.channels());
    }
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.normalization = normalization;
    this.augmentations = List.copyOf(augmentations);
    this.seed = seed;
  }

  /**
   * Batches in one epoch: {@code floor(N / B)} when dropping the last partial batch, else {@code
   * ceil(N / B)}.
   */
  public int batchesPerEpoch() {
    int n = dataset.size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  /**
   * The batches of epoch {@code epoch}, created lazily as a child manager of {@code parent} each;
   * every iteration of the returned iterable yields the same batches. The caller closes each batch
   * (try-with-resources).
   */
  public Iterable<Batch> epoch(int epoch, NDManager parent) {
    Objects.requireNonNull(parent, "parent");
    return () ->
        new Iterator<>() {
          private final int[] order = order(epoch);
          private int next;

          @Override
          public boolean hasNext() {
            return next < batchesPerEpoch();
          }

          @Override
          public Batch next() {
            if (!hasNext()) {
              throw new NoSuchElementException(
                  "epoch " + epoch + " has only " + batchesPerEpoch() + " batches");
            }
            Batch batch = build(order, next, epoch, parent);
            next++;
            return batch;
          }
        };
  }

  private int[] order(int epoch) {
    if (!shuffle) {
      return Randomness.identity(dataset.size());
    }
    return Randomness.permutation(dataset.size(), new Random(Randomness.mix(seed, epoch)));
  }

  private Batch build(int[] order, int batchIndex, int epoch, NDManager parent) {
    int from = batchIndex * batchSize;
    int size = Math.min(batchSize, order.length - from);
    int c = dataset.channels();
    int h = dataset.height();
    int w = dataset.width();
    int imageSize = dataset.imageSize();
    float[] images = new float[size * imageSize];
    float[] image = new float[imageSize];
    long[] labels = new long[size];
    Random rng = new Random(Randomness.mix(seed, epoch, batchIndex));
    for (int k = 0; k < size; k++) {
      int i = order[from + k];
      dataset.copyImage(i, image, 0);
      for (Augmentation augmentation : augmentations) {
        augmentation.apply(image, c, h, w, rng);
      }
      normalization.apply(image, 0, h * w);
      System.arraycopy(image, 0, images, k * imageSize, imageSize);
      labels[k] = dataset.label(i);
    }
    return new Batch(parent, images, new Shape(size, c, h, w), labels);
  }
}
