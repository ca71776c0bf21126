package org.prunelab.experiment.features;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * Gradient-based attributions of a network's logit F(x) = f(x)_c for class c, the baselines an SIS
 * is compared with, on a normalised C x H x W image x:
 *
 * <pre>
 *   gradient x input:      A_i = x_i * dF/dx_i (x)
 *   integrated gradients:  A_i = (x_i - x'_i) * (1/m) sum_{k=1..m} dF/dx_i (x' + (k - 1/2)/m (x - x'))
 * </pre>
 *
 * (Sundararajan et al., ICML 2017, with the midpoint rule over m steps), baseline x' = 0: the
 * masked image SIS uses, the training mean. Integrated gradients satisfy completeness, sum_i A_i =
 * F(x) - F(x'), up to the quadrature error of the m-step midpoint rule. Gradients come from DJL's
 * autograd through the network in evaluation mode.
 */
public final class Saliency {
  /** Steps of the integrated-gradients midpoint rule when none are given. */
  public static final int DEFAULT_STEPS = 64;

  private final Network network;
  private final Shape imageShape;

  /** Attributions of {@code network} on images of {@code grid}'s shape. */
  public Saliency(Network network, FeatureGrid grid) {
    this.network = network;
    this.imageShape = new Shape(grid.channels(), grid.height(), grid.width());
  }

  /** Gradient x input for class {@code klass}. */
  public float[] gradientTimesInput(float[] image, int klass) {
    float[] gradient = gradients(image, 1, klass);
    float[] attribution = new float[image.length];
    for (int i = 0; i < image.length; i++) {
      attribution[i] = image[i] * gradient[i];
    }
    return attribution;
  }

  /** Integrated gradients for class {@code klass} with {@code steps} midpoint steps from 0. */
  public float[] integratedGradients(float[] image, int klass, int steps) {
    if (steps < 1 || steps > 4096) {
      throw new InvalidSettingException(
          "integrated gradients steps " + steps + " is outside 1..4096; 64 is usual");
    }
    int size = image.length;
    float[] path = new float[steps * size];
    for (int k = 0; k < steps; k++) {
      float alpha = (k + 0.5f) / steps;
      for (int i = 0; i < size; i++) {
        path[k * size + i] = alpha * image[i];
      }
    }
    float[] gradients = gradients(path, steps, klass);
    float[] attribution = new float[size];
    for (int k = 0; k < steps; k++) {
      for (int i = 0; i < size; i++) {
        attribution[i] += gradients[k * size + i];
      }
    }
    for (int i = 0; i < size; i++) {
      attribution[i] *= image[i] / steps;
    }
    return attribution;
  }

  /** The logit F(x) = f(x)_c of one image. */
  public double logit(float[] image, int klass) {
    try (NDManager scope = NDManager.newBaseManager(network.device())) {
      NDArray input = scope.create(image, new Shape(1).addAll(imageShape));
      return network.forward(input, Mode.EVAL).toFloatArray()[klass];
    }
  }

  /** dF/dx of each of {@code count} images stored one after another. */
  private float[] gradients(float[] images, int count, int klass) {
    try (NDManager scope = NDManager.newBaseManager(network.device());
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray input = scope.create(images, new Shape(count).addAll(imageShape));
      input.setRequiresGradient(true);
      NDArray logits = network.forward(input, Mode.EVAL);
      collector.backward(logits.get(":, " + klass).sum());
      return input.getGradient().toFloatArray();
    }
  }
}
