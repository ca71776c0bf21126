package org.prunelab.experiment.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * A network's confidence in one class, softmax(f(x))_c, on many normalised C x H x W images at once
 * (forward passes in evaluation mode, {@value #BATCH} images at a time, each batch's arrays closed
 * before the next), and its decision argmax_c f(x) on one image.
 */
public final class ClassConfidence {
  /** Images per forward pass. */
  public static final int BATCH = 512;

  private final Network network;
  private final Shape imageShape;
  private final int imageSize;

  /** Confidences of {@code network} on images of {@code grid}'s shape. */
  public ClassConfidence(Network network, FeatureGrid grid) {
    this.network = network;
    this.imageShape = new Shape(grid.channels(), grid.height(), grid.width());
    this.imageSize = grid.imageSize();
  }

  /** The class the network decides for {@code image} and its confidence in it. */
  public Decision decide(float[] image) {
    float[] p = probabilities(image, 1);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new Decision(best, p[best]);
  }

  /** A decision: the class with the largest softmax probability, and that probability. */
  public record Decision(int klass, double confidence) {}

  /**
   * softmax(f(x_i))_{klass} for the {@code count} images stored one after another in {@code
   * images}; checks cancellation between batches.
   */
  public float[] of(float[] images, int count, int klass, JobContext ctx) {
    float[] out = new float[count];
    for (int start = 0; start < count; start += BATCH) {
      ctx.checkCancelled();
      int n = Math.min(BATCH, count - start);
      float[] chunk = new float[n * imageSize];
      System.arraycopy(images, start * imageSize, chunk, 0, chunk.length);
      float[] p = probabilities(chunk, n);
      int classes = p.length / n;
      for (int i = 0; i < n; i++) {
        out[start + i] = p[i * classes + klass];
      }
    }
    return out;
  }

  private float[] probabilities(float[] images, int count) {
    try (NDManager scope = NDManager.newBaseManager(network.device())) {
      NDArray input = scope.create(images, new Shape(count).addAll(imageShape));
      return network.forward(input, Mode.EVAL).softmax(1).toFloatArray();
    }
  }
}
