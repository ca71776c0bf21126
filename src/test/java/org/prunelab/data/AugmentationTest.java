package org.prunelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationTest {

  /** A 2-channel 2x3 image: channel 0 = 1..6, channel 1 = 11..16. */
  private static float[] image() {
    return new float[] {1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16};
  }

  @Test
  void flipMirrorsEveryRowOfEveryChannel() {
    float[] img = image();
    new HorizontalFlip(1).apply(img, 2, 2, 3, new Random(0));
    assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 13, 12, 11, 16, 15, 14}, img);
    float[] same = image();
    new HorizontalFlip(0).apply(same, 2, 2, 3, new Random(0));
    assertArrayEquals(image(), same);
  }

  @Test
  void flipHappensAboutHalfTheTimeWithPHalf() {
    Random rng = new Random(5);
    int flips = 0;
    for (int i = 0; i < 1000; i++) {
      float[] img = image();
      new HorizontalFlip(0.5).apply(img, 2, 2, 3, rng);
      flips += img[0] == 3 ? 1 : 0;
    }
    assertTrue(flips > 430 && flips < 570, "flips " + flips);
  }

  @Test
  void cropWithoutPaddingIsIdentity() {
    float[] img = image();
    new RandomCrop(0).apply(img, 2, 2, 3, new Random(1));
    assertArrayEquals(image(), img);
  }

  @Test
  void cropShiftsBothChannelsTogetherFillingZeros() {
    // with padding 1 each result is the image shifted by (dy, dx) in {-1, 0, 1}^2; all nine must
    // occur
    Set<List<Float>> seen = new HashSet<>();
    Random rng = new Random(2);
    for (int i = 0; i < 400; i++) {
      float[] img = image();
      new RandomCrop(1).apply(img, 2, 2, 3, rng);
      boolean matched = false;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          matched |= Arrays.equals(img, shifted(dy, dx));
        }
      }
      assertTrue(matched, Arrays.toString(img));
      List<Float> key = new ArrayList<>();
      for (float v : img) {
        key.add(v);
      }
      seen.add(key);
    }
    assertEquals(9, seen.size());
  }

  @Test
  void cropTakesTheWindowAtTheDrawnTopLeftOfThePaddedImage() {
    // padded (padding 1) channel 0 is 4x5: rows [0 0 0 0 0], [0 1 2 3 0], [0 4 5 6 0], [0 0 0 0 0];
    // the 2x3 window at top 2, left 0 is [0 4 5], [0 0 0], as torchvision's crop at (i=2, j=0)
    // gives
    Random drawsTwoThenZero =
        new Random() {
          private int calls;

          @Override
          public int nextInt(int bound) {
            assertEquals(3, bound);
            return calls++ == 0 ? 2 : 0;
          }
        };
    float[] img = image();
    new RandomCrop(1).apply(img, 2, 2, 3, drawsTwoThenZero);
    assertArrayEquals(new float[] {0, 4, 5, 0, 0, 0, 0, 14, 15, 0, 0, 0}, img);
  }

  private static float[] shifted(int dy, int dx) {
    float[] in = image();
    float[] out = new float[in.length];
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          int sy = y + dy;
          int sx = x + dx;
          out[c * 6 + y * 3 + x] =
              sy >= 0 && sy < 2 && sx >= 0 && sx < 3 ? in[c * 6 + sy * 3 + sx] : 0;
        }
      }
    }
    return out;
  }

  @Test
  void rejectBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new RandomCrop(-1));
    assertThrows(IllegalArgumentException.class, () -> new HorizontalFlip(1.5));
    assertThrows(IllegalArgumentException.class, () -> new HorizontalFlip(Double.NaN));
  }
}
