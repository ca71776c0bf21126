package org.prunelab.data.corrupt;

/**
 * The groups of corruptions: the four of Hendrycks and Dietterich (2019) and the MNIST-C extras (Mu
 * and Gilmer 2019).
 */
public enum CorruptionFamily {
  NOISE("noise"),
  BLUR("blur"),
  WEATHER("weather"),
  DIGITAL("digital"),
  MNIST_C("MNIST-C extras");

  private final String label;

  CorruptionFamily(String label) {
    this.label = label;
  }

  /** The name shown to users. */
  public String label() {
    return label;
  }
}
