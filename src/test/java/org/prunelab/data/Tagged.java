package org.prunelab.data;

import java.util.List;

/**
 * Test datasets of 1x1x2 images whose two pixels spell the image's original index (low byte, high
 * byte).
 */
final class Tagged {

  static final List<String> CLASSES = List.of("even", "odd");

  private Tagged() {}

  static ImageDataset dataset(int n) {
    byte[] pixels = new byte[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      pixels[2 * i] = (byte) i;
      pixels[2 * i + 1] = (byte) (i >> 8);
      labels[i] = i % 2;
    }
    return new ImageDataset("tagged", pixels, labels, 1, 1, 2, CLASSES);
  }

  /** Original index of each image of {@code ds}, a tagged dataset or a subset of one. */
  static int[] indices(ImageDataset ds) {
    int[] out = new int[ds.size()];
    float[] img = new float[2];
    for (int k = 0; k < ds.size(); k++) {
      ds.copyImage(k, img, 0);
      out[k] = decode(img[0], img[1]);
    }
    return out;
  }

  /** Index spelled by two pixel values in [0, 1]. */
  static int decode(float low, float high) {
    return Math.round(low * 255) + 256 * Math.round(high * 255);
  }
}
