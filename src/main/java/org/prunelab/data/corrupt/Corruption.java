package org.prunelab.data.corrupt;

import java.util.Objects;
import java.util.Random;

/**
 * The common corruptions of Hendrycks and Dietterich (2019), "Benchmarking Neural Network
 * Robustness to Common Corruptions and Perturbations" (ImageNet-C, CIFAR-10-C), and the extras of
 * Mu and Gilmer (2019), "MNIST-C: A Robustness Benchmark for Computer Vision", each at severities 1
 * (mild) to 5 (strong), on grey (1 channel) or RGB (3 channel) images with values in [0, 1], before
 * normalisation. The severity constants are those of the reference scripts ({@code make_cifar_c.py}
 * for the four families, MNIST-C's {@code corruptions.py} for the extras, whose pixel sizes suit
 * 28-32 pixel images); each implementation says where it departs from them. Results are clamped to
 * [0, 1]. Random corruptions draw everything from the {@link Random} they are given, so the same
 * seed gives the same image.
 */
public enum Corruption {
  GAUSSIAN_NOISE("gaussian_noise", CorruptionFamily.NOISE, true, Noise::gaussian),
  SHOT_NOISE("shot_noise", CorruptionFamily.NOISE, true, Noise::shot),
  IMPULSE_NOISE("impulse_noise", CorruptionFamily.NOISE, true, Noise::impulse),
  SPECKLE_NOISE("speckle_noise", CorruptionFamily.NOISE, true, Noise::speckle),
  DEFOCUS_BLUR("defocus_blur", CorruptionFamily.BLUR, false, Blurs::defocus),
  GLASS_BLUR("glass_blur", CorruptionFamily.BLUR, true, Blurs::glass),
  MOTION_BLUR("motion_blur", CorruptionFamily.BLUR, true, Blurs::motion),
  ZOOM_BLUR("zoom_blur", CorruptionFamily.BLUR, false, Blurs::zoom),
  GAUSSIAN_BLUR("gaussian_blur", CorruptionFamily.BLUR, false, Blurs::gaussian),
  SNOW("snow", CorruptionFamily.WEATHER, true, Weather::snow),
  FROST("frost", CorruptionFamily.WEATHER, true, Weather::frost),
  FOG("fog", CorruptionFamily.WEATHER, true, Weather::fog),
  SPATTER("spatter", CorruptionFamily.WEATHER, true, Weather::spatter),
  BRIGHTNESS("brightness", CorruptionFamily.DIGITAL, false, Digital::brightness),
  CONTRAST("contrast", CorruptionFamily.DIGITAL, false, Digital::contrast),
  ELASTIC("elastic", CorruptionFamily.DIGITAL, true, Digital::elastic),
  PIXELATE("pixelate", CorruptionFamily.DIGITAL, false, Digital::pixelate),
  JPEG("jpeg", CorruptionFamily.DIGITAL, false, Digital::jpeg),
  SATURATE("saturate", CorruptionFamily.DIGITAL, false, Digital::saturate),
  ROTATE("rotate", CorruptionFamily.MNIST_C, true, MnistC::rotate),
  SHEAR("shear", CorruptionFamily.MNIST_C, true, MnistC::shear),
  SCALE("scale", CorruptionFamily.MNIST_C, false, MnistC::scale),
  TRANSLATE("translate", CorruptionFamily.MNIST_C, true, MnistC::translate),
  STRIPE("stripe", CorruptionFamily.MNIST_C, false, MnistC::stripe),
  DOTTED_LINE("dotted_line", CorruptionFamily.MNIST_C, true, MnistC::dottedLine),
  ZIGZAG("zigzag", CorruptionFamily.MNIST_C, true, MnistC::zigzag),
  CANNY_EDGES("canny_edges", CorruptionFamily.MNIST_C, false, MnistC::cannyEdges);

  /** The mildest severity. */
  public static final int MIN_SEVERITY = 1;

  /** The strongest severity. */
  public static final int MAX_SEVERITY = 5;

  private final String id;
  private final CorruptionFamily family;
  private final boolean random;
  private final Distortion distortion;

  Corruption(String id, CorruptionFamily family, boolean random, Distortion distortion) {
    this.id = id;
    this.family = family;
    this.random = random;
    this.distortion = distortion;
  }

  /** The stable lower-case name, e.g. {@code gaussian_noise}, {@code jpeg}, {@code dotted_line}. */
  public String id() {
    return id;
  }

  /** The family the corruption belongs to. */
  public CorruptionFamily family() {
    return family;
  }

  /** Whether the result depends on the random numbers drawn (false: the same for every seed). */
  public boolean isRandom() {
    return random;
  }

  /**
   * The corrupted copy of one image; {@code chw} is left unchanged.
   *
   * @param chw {@code channels x height x width} values in [0, 1], row-major
   * @param channels 1 (grey) or 3 (RGB)
   * @param severity 1 (mild) to 5 (strong)
   * @param rng source of every random number the corruption draws
   * @return {@code channels x height x width} values in [0, 1]
   * @throws CorruptionException if the severity lies outside 1..5, the channel count is not 1 or 3,
   *     or the array does not hold {@code channels * height * width} values
   */
  public float[] apply(float[] chw, int channels, int height, int width, int severity, Random rng) {
    Objects.requireNonNull(chw, "chw");
    Objects.requireNonNull(rng, "rng");
    checkSeverity(severity);
    if (channels != 1 && channels != 3) {
      throw new CorruptionException(
          id
              + " works on grey (1 channel) or RGB (3 channel) images, got "
              + channels
              + " channels; convert the dataset to grey or RGB first");
    }
    if (height <= 0 || width <= 0 || chw.length != channels * height * width) {
      throw new CorruptionException(
          id
              + ": an image of "
              + channels
              + "x"
              + height
              + "x"
              + width
              + " needs "
              + (long) channels * height * width
              + " values, got "
              + chw.length);
    }
    Picture out =
        distortion.apply(new Picture(chw.clone(), channels, height, width), severity, rng);
    return out.clamp().v;
  }

  /**
   * Rejects a severity outside 1..5.
   *
   * @throws CorruptionException naming the severity and the valid range
   */
  public static void checkSeverity(int severity) {
    if (severity < MIN_SEVERITY || severity > MAX_SEVERITY) {
      throw new CorruptionException(
          "severity must be "
              + MIN_SEVERITY
              + ".."
              + MAX_SEVERITY
              + " (1 mild, 5 strong), got "
              + severity);
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
