package org.prunelab.service;

import java.util.Random;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Randomness;
import org.prunelab.data.corrupt.CorruptedDataset;
import org.prunelab.data.corrupt.Corruption;
import org.prunelab.error.PruneLabException;

/**
 * A distribution a compressed network is measured on, derived from the clean test images: the clean
 * set itself, one corruption at one severity (data.corrupt, Hendrycks and Dietterich 2019; Mu and
 * Gilmer 2019), or uniform noise x + 2 eps (U - 1/2) ("Lost in Pruning"'s functional-similarity
 * probe). {@link #id()} is how the results store names it: "clean", "fog/3", "noise/0.1".
 */
public sealed interface TestDistribution {
  /** The name the results store and the charts use. */
  String id();

  /** The images of this distribution, made from {@code clean} with {@code seed}. */
  ImageDataset images(ImageDataset clean, long seed);

  /** The clean test set. */
  TestDistribution CLEAN = new Clean();

  /** The clean test images as they are. */
  record Clean() implements TestDistribution {
    @Override
    public String id() {
      return "clean";
    }

    @Override
    public ImageDataset images(ImageDataset clean, long seed) {
      return clean;
    }
  }

  /** One corruption at one severity 1-5, seeded per image. */
  record Corrupted(Corruption corruption, int severity) implements TestDistribution {
    /**
     * @throws PruneLabException when the severity is outside 1..5
     */
    public Corrupted {
      if (severity < Corruption.MIN_SEVERITY || severity > Corruption.MAX_SEVERITY) {
        throw new PruneLabException(
            "severity "
                + severity
                + " of "
                + corruption.id()
                + " is outside "
                + Corruption.MIN_SEVERITY
                + ".."
                + Corruption.MAX_SEVERITY);
      }
    }

    @Override
    public String id() {
      return corruption.id() + "/" + severity;
    }

    @Override
    public ImageDataset images(ImageDataset clean, long seed) {
      return CorruptedDataset.of(clean, corruption, severity, seed);
    }
  }

  /**
   * Uniform noise: x + 2 eps (U - 1/2) per pixel in raw [0, 1] space, clipped to [0, 1] and stored
   * as 8-bit pixels like every image set (the functional-similarity probe itself uses unclipped
   * float noise).
   */
  record Noisy(double eps) implements TestDistribution {
    /** Largest noise level accepted. */
    public static final double MAX_EPS = 0.7;

    /**
     * @throws PruneLabException when eps is outside [0, {@value #MAX_EPS}]
     */
    public Noisy {
      if (!(eps >= 0 && eps <= MAX_EPS)) {
        throw new PruneLabException("noise eps " + eps + " is outside [0, " + MAX_EPS + "]");
      }
    }

    @Override
    public String id() {
      return "noise/" + eps;
    }

    @Override
    public ImageDataset images(ImageDataset clean, long seed) {
      int size = clean.imageSize();
      byte[] pixels = new byte[clean.size() * size];
      float[] image = new float[size];
      for (int i = 0; i < clean.size(); i++) {
        clean.copyImage(i, image, 0);
        Random random = new Random(Randomness.mix(seed, i, Double.doubleToLongBits(eps)));
        for (int k = 0; k < size; k++) {
          double x = image[k] + 2 * eps * (random.nextDouble() - 0.5);
          pixels[i * size + k] = (byte) Math.round(255 * Math.min(1, Math.max(0, x)));
        }
      }
      return new ImageDataset(
          clean.name() + " [noise " + eps + "]",
          pixels,
          clean.labels(),
          clean.channels(),
          clean.height(),
          clean.width(),
          clean.classNames());
    }
  }
}
