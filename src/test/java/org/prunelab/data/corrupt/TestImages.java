package org.prunelab.data.corrupt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.prunelab.data.Datasets;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.SplitOptions;

/**
 * Inputs for the corruption tests: real Fashion-MNIST test images (grey 28 x 28) where the dataset
 * is installed, else structured synthetic grey images; and synthetic RGB 32 x 32 scenes (CIFAR-10
 * is not available here).
 */
final class TestImages {

  static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
  private static ImageDataset fashionTest;

  private TestImages() {}

  /** The Fashion-MNIST test set, or null where it is not installed. */
  static synchronized ImageDataset fashionTest() {
    if (fashionTest == null && Files.isDirectory(FASHION)) {
      fashionTest =
          Datasets.load("fashion-mnist", Optional.of(FASHION), new SplitOptions(0, 0, 1)).test();
    }
    return fashionTest;
  }

  /** {@code n} grey 28 x 28 images: Fashion-MNIST test images 0..n-1, or synthetic ones. */
  static List<float[]> grey(int n) {
    ImageDataset test = fashionTest();
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] img = new float[28 * 28];
      if (test != null) {
        test.copyImage(i, img, 0);
      } else {
        syntheticGrey(img, new Random(100 + i));
      }
      out.add(img);
    }
    return out;
  }

  /**
   * A grey 28 x 28 image: a bright ellipse with a darker hole and a stroke, over a dark background.
   */
  static void syntheticGrey(float[] img, Random rng) {
    double cx = 13.5 + rng.nextInt(5) - 2;
    double cy = 13.5 + rng.nextInt(5) - 2;
    double level = 0.6 + 0.4 * rng.nextDouble();
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        double e = Math.pow((x - cx) / 9, 2) + Math.pow((y - cy) / 11, 2);
        double v = e <= 1 ? level * (0.7 + 0.3 * Math.sin(x * 0.9)) : 0;
        if (e < 0.15) {
          v = 0.2;
        }
        img[y * 28 + x] = (float) v;
      }
    }
  }

  /**
   * {@code n} RGB 32 x 32 scenes of moderate saturation, like natural photographs: a sky gradient,
   * a warm disc, a textured block of a cooler hue.
   */
  static List<float[]> colour(int n) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Random rng = new Random(200 + i);
      float[] img = new float[3 * 32 * 32];
      float[] sky = new float[3];
      for (int c = 0; c < 3; c++) {
        sky[c] = 0.45f + 0.35f * rng.nextFloat();
      }
      float[] disc = {0.8f, 0.5f + 0.1f * rng.nextFloat(), 0.4f};
      float[] block = {0.35f, 0.45f + 0.1f * rng.nextFloat(), 0.65f};
      double cx = 10 + rng.nextInt(8);
      double cy = 10 + rng.nextInt(8);
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          for (int c = 0; c < 3; c++) {
            float v = sky[c] * (0.4f + 0.6f * y / 31f);
            if (Math.hypot(x - cx, y - cy) < 7) {
              v = disc[c];
            } else if (y > 22 && x > 4 && x < 28) {
              v = block[c] * (0.75f + 0.25f * (float) Math.sin(x * 1.3 + y * 0.7));
            }
            img[(c * 32 + y) * 32 + x] = v;
          }
        }
      }
      out.add(img);
    }
    return out;
  }
}
