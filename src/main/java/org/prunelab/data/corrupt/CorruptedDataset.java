package org.prunelab.data.corrupt;

import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Randomness;

/**
 * A corrupted copy of a test set, in the manner of CIFAR-10-C and MNIST-C: every image corrupted
 * once, before normalisation, and stored again as 8-bit pixels ({@code round(255 x)}) like the
 * published datasets. Image {@code i} draws its random numbers from a generator seeded with {@code
 * (seed, i)} alone, so the result does not depend on the order or the thread the images are
 * processed in, and every severity of a corruption reuses the same draws (only the constants
 * change).
 */
public final class CorruptedDataset {

  private CorruptedDataset() {}

  /**
   * {@code clean} with every image corrupted by {@code corruption} at {@code severity}; labels and
   * class names are kept, the name becomes e.g. {@code "fashion-mnist [fog 3]"}.
   *
   * @throws CorruptionException if the severity lies outside 1..5 or the images are neither grey
   *     nor RGB
   */
  public static ImageDataset of(
      ImageDataset clean, Corruption corruption, int severity, long seed) {
    Objects.requireNonNull(clean, "clean");
    Objects.requireNonNull(corruption, "corruption");
    Corruption.checkSeverity(severity);
    int size = clean.imageSize();
    byte[] pixels = new byte[clean.size() * size];
    IntStream.range(0, clean.size())
        .parallel()
        .forEach(
            i -> {
              float[] image = image(clean, i, corruption, severity, seed);
              for (int k = 0; k < size; k++) {
                pixels[i * size + k] = (byte) Math.round(image[k] * 255);
              }
            });
    return new ImageDataset(
        clean.name() + " [" + corruption.id() + " " + severity + "]",
        pixels,
        clean.labels(),
        clean.channels(),
        clean.height(),
        clean.width(),
        clean.classNames());
  }

  /**
   * Image {@code i} of {@code clean} corrupted exactly as {@link #of} corrupts it, as floats in [0,
   * 1].
   */
  public static float[] image(
      ImageDataset clean, int i, Corruption corruption, int severity, long seed) {
    float[] image = new float[clean.imageSize()];
    clean.copyImage(i, image, 0);
    return corruption.apply(
        image,
        clean.channels(),
        clean.height(),
        clean.width(),
        severity,
        new Random(Randomness.mix(seed, i)));
  }
}
