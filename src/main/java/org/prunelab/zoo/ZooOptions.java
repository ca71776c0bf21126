package org.prunelab.zoo;

import ai.djl.ndarray.types.Shape;
import org.prunelab.error.InvalidSettingException;

/**
 * Parameters of a built-in architecture: input channels and size, number of classes, and a width
 * multiplier that scales every hidden layer's channel or neuron count (rounded, at least 1).
 */
public record ZooOptions(int channels, int height, int width, int classes, double widthMultiplier) {
  public ZooOptions {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new InvalidSettingException(
          "input shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (classes < 2) {
      throw new InvalidSettingException("a classifier needs at least 2 classes, got " + classes);
    }
    if (!(widthMultiplier > 0 && widthMultiplier <= 16)) {
      throw new InvalidSettingException(
          "width multiplier must be in (0, 16], got " + widthMultiplier);
    }
  }

  /** 28x28 grey images in 10 classes (MNIST, Fashion-MNIST), width 1. */
  public static ZooOptions grey28() {
    return new ZooOptions(1, 28, 28, 10, 1.0);
  }

  /** 32x32 colour images in 10 classes (CIFAR-10), width 1. */
  public static ZooOptions colour32() {
    return new ZooOptions(3, 32, 32, 10, 1.0);
  }

  public ZooOptions withWidth(double multiplier) {
    return new ZooOptions(channels, height, width, classes, multiplier);
  }

  public Shape inputShape() {
    return new Shape(channels, height, width);
  }

  /** A hidden width scaled by the multiplier. */
  int scaled(int base) {
    return Math.max(1, (int) Math.round(base * widthMultiplier));
  }
}
