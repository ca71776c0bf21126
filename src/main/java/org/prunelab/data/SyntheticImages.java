package org.prunelab.data;

import java.util.List;
import java.util.Random;

/**
 * The built-in synthetic image set, for when no real dataset is installed: 1 x 28 x 28 grey images
 * of 10 classes, each class a fixed shape (bars, diagonals, square, disc, plus, cross, ring,
 * checkerboard) drawn at a random shift of up to 2 pixels and a random brightness in [0.6, 1], plus
 * Gaussian noise (sigma 0.15), clipped to [0, 1]. Labels cycle 0..9, so classes are balanced. The
 * same seed gives the same images.
 */
final class SyntheticImages {

  /** The name of the synthetic set, marked as built in so nobody mistakes it for real data. */
  static final String NAME = "synthetic (built-in)";

  static final int SIDE = 28;
  static final List<String> CLASS_NAMES =
      List.of(
          "horizontal bar",
          "vertical bar",
          "diagonal \\",
          "diagonal /",
          "square",
          "disc",
          "plus",
          "cross",
          "ring",
          "checkerboard");

  private static final int MAX_SHIFT = 2;
  private static final double NOISE = 0.15;

  private SyntheticImages() {}

  /** {@code count} images generated from {@code seed}. */
  static ImageDataset generate(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    Random rng = new Random(seed);
    byte[] pixels = new byte[count * SIDE * SIDE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = i % CLASS_NAMES.size();
      labels[i] = label;
      double cx = (SIDE - 1) / 2.0 + rng.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
      double cy = (SIDE - 1) / 2.0 + rng.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
      double brightness = 0.6 + 0.4 * rng.nextDouble();
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          double v = inside(label, x - cx, y - cy) ? brightness : 0;
          v = Math.min(1, Math.max(0, v + NOISE * rng.nextGaussian()));
          pixels[i * SIDE * SIDE + y * SIDE + x] = (byte) Math.round(v * 255);
        }
      }
    }
    return new ImageDataset(NAME, pixels, labels, 1, SIDE, SIDE, CLASS_NAMES);
  }

  /**
   * Whether the point {@code (dx, dy)} relative to the shape's centre lies on the shape of class
   * {@code label}.
   */
  private static boolean inside(int label, double dx, double dy) {
    double ax = Math.abs(dx);
    double ay = Math.abs(dy);
    double r = Math.hypot(dx, dy);
    boolean inBox = ax <= 9 && ay <= 9;
    return switch (label) {
      case 0 -> ay <= 2 && ax <= 10;
      case 1 -> ax <= 2 && ay <= 10;
      case 2 -> Math.abs(dx - dy) <= 2 && inBox;
      case 3 -> Math.abs(dx + dy) <= 2 && inBox;
      case 4 -> Math.max(ax, ay) >= 7 && inBox;
      case 5 -> r <= 7;
      case 6 -> (ax <= 1.5 || ay <= 1.5) && inBox;
      case 7 -> (Math.abs(dx - dy) <= 1.5 || Math.abs(dx + dy) <= 1.5) && inBox;
      case 8 -> r >= 6 && r <= 9;
      case 9 ->
          inBox && ((int) Math.floor((dx + 12) / 4) + (int) Math.floor((dy + 12) / 4)) % 2 == 0;
      default -> throw new IllegalArgumentException("no synthetic class " + label);
    };
  }
}
