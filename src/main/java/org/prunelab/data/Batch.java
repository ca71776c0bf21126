package org.prunelab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One mini-batch on a device: {@code images}, float32 of shape (B, C, H, W), normalised; {@code
 * labels}, int64 of shape (B). The batch owns a child {@link NDManager} of the manager it was
 * created from; {@link #close()} frees both arrays' native memory, so use it in try-with-resources.
 */
public final class Batch implements AutoCloseable {

  private final NDManager manager;
  private final NDArray images;
  private final NDArray labels;
  private final int size;

  /**
   * Copies {@code images} (B x C x H x W floats, {@code shape} (B, C, H, W)) and {@code labels} (B
   * class indices) into arrays of a new child manager of {@code parent}.
   */
  public Batch(NDManager parent, float[] images, Shape shape, long[] labels) {
    if (shape.dimension() != 4 || shape.get(0) != labels.length || shape.size() != images.length) {
      throw new IllegalArgumentException(
          "a batch needs shape (B, C, H, W) with B = "
              + labels.length
              + " labels and "
              + images.length
              + " image values, got "
              + shape);
    }
    NDManager child = parent.newSubManager();
    try {
      this.images = NativeStaging.floats(child, images, shape);
      this.labels = NativeStaging.longs(child, labels, new Shape(labels.length));
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
    this.manager = child;
    this.size = labels.length;
  }

  /** Normalised images, float32 (B, C, H, W). */
  public NDArray images() {
    return images;
  }

  /** Class indices, int64 (B). */
  public NDArray labels() {
    return labels;
  }

  /** Number of images B. */
  public int size() {
    return size;
  }

  /** Frees the batch's native memory (its child manager and every array in it). */
  @Override
  public void close() {
    manager.close();
  }
}
