package org.prunelab.data.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every corruption on grey 28 x 28 (Fashion-MNIST where installed) and RGB 32 x 32 images: severity
 * 5 lies farther from the clean image than severity 1 (mean L2 distance over 8 images, the same
 * seeds at every severity), outputs are finite and in [0, 1], inputs are left alone, and the seed
 * alone decides the result.
 */
class CorruptionSeverityTest {

  private static final int IMAGES = 8;

  /**
   * Corruptions whose distance from the clean image is not monotone over 1..5, and why. All others
   * must be non-decreasing (up to float noise: motion blur's severities 3 and 4 differ only in
   * kernel taps of weight below 1e-9, so they give the same image).
   */
  private static final Map<Corruption, String> NOT_MONOTONE =
      Map.of(
          Corruption.SATURATE, "severities 1-2 remove saturation, 3-5 add it (the reference table)",
          Corruption.SPATTER,
              "severities 1-3 add translucent water, 4-5 opaque mud over fewer pixels",
          Corruption.FROST,
              "the image weight falls while the frost weight stays (0.9/0.4 -> 0.85/0.4): they partly cancel",
          Corruption.PIXELATE,
              "box resampling to 26, 25, 23 pixels of 28 does not nest: 26 aliases more than 25");

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void greyImagesMoveFartherWithSeverity(Corruption corruption) {
    checkSeverityOrder(corruption, TestImages.grey(IMAGES), 1, 28);
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void colourImagesMoveFartherWithSeverity(Corruption corruption) {
    checkSeverityOrder(corruption, TestImages.colour(IMAGES), 3, 32);
  }

  private static void checkSeverityOrder(
      Corruption corruption, List<float[]> images, int channels, int side) {
    double[] distance = new double[6];
    for (int severity = 1; severity <= 5; severity++) {
      for (int i = 0; i < images.size(); i++) {
        float[] clean = images.get(i);
        float[] before = clean.clone();
        float[] out = corruption.apply(clean, channels, side, side, severity, new Random(i));
        assertArrayEquals(before, clean, 0f, "the input is left unchanged");
        assertEquals(clean.length, out.length);
        double d = 0;
        for (int k = 0; k < out.length; k++) {
          assertTrue(
              Float.isFinite(out[k]) && out[k] >= 0 && out[k] <= 1,
              corruption + " severity " + severity + " gave " + out[k] + " at " + k);
          d += (out[k] - clean[k]) * (out[k] - clean[k]);
        }
        distance[severity] += Math.sqrt(d) / images.size();
      }
    }
    String table =
        corruption
            + " ("
            + channels
            + " channels) mean L2 distance by severity: "
            + Arrays.toString(Arrays.copyOfRange(distance, 1, 6));
    assertTrue(distance[1] > 0, "severity 1 changes the image; " + table);
    assertTrue(
        distance[5] > distance[1], "severity 5 is farther from the clean image than 1; " + table);
    if (!NOT_MONOTONE.containsKey(corruption)) {
      for (int s = 1; s < 5; s++) {
        assertTrue(
            distance[s + 1] >= distance[s] * (1 - 1e-5),
            "severity " + (s + 1) + " is at least as far as " + s + "; " + table);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void theSeedAloneDecidesTheResult(Corruption corruption) {
    for (int channels : new int[] {1, 3}) {
      float[] clean = channels == 1 ? TestImages.grey(1).get(0) : TestImages.colour(1).get(0);
      int side = channels == 1 ? 28 : 32;
      float[] first = corruption.apply(clean, channels, side, side, 3, new Random(7));
      assertArrayEquals(
          first,
          corruption.apply(clean, channels, side, side, 3, new Random(7)),
          0f,
          "same seed, same image");
      // rotate and shear draw a single bit, translate two: look at several seeds
      Set<List<Float>> distinct = new HashSet<>();
      for (long seed = 1; seed <= 8; seed++) {
        float[] out =
            corruption.apply(
                clean, channels, side, side, 3, new Random(seed * 0x9E3779B97F4A7C15L));
        List<Float> boxed = new ArrayList<>();
        for (float v : out) {
          boxed.add(v);
        }
        distinct.add(boxed);
      }
      assertEquals(
          corruption.isRandom(),
          distinct.size() > 1,
          corruption
              + (corruption.isRandom()
                  ? " is random: other seeds give other images"
                  : " is deterministic: every seed gives the same image"));
    }
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void worksOnNonSquareAndTinyImages(Corruption corruption) {
    for (int[] shape : new int[][] {{1, 20, 36}, {3, 36, 20}, {1, 5, 5}}) {
      float[] clean = new float[shape[0] * shape[1] * shape[2]];
      Random fill = new Random(3);
      for (int k = 0; k < clean.length; k++) {
        clean[k] = fill.nextFloat();
      }
      float[] out = corruption.apply(clean, shape[0], shape[1], shape[2], 5, new Random(1));
      for (float v : out) {
        assertTrue(
            Float.isFinite(v) && v >= 0 && v <= 1,
            corruption + " on " + Arrays.toString(shape) + ": " + v);
      }
      if (shape[1] > 5) {
        assertFalse(
            Arrays.equals(clean, out),
            corruption + " changes a random " + Arrays.toString(shape) + " image");
      }
    }
  }
}
