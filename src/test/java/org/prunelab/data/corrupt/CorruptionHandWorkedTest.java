package org.prunelab.data.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corruptions checked against values worked out by hand or against the distribution they promise.
 */
class CorruptionHandWorkedTest {

  private static final Random UNUSED = new Random(0);

  @Test
  void brightnessAddsToGreyAndToTheHsvValueOfColour() {
    float[] grey = {0f, 0.5f, 0.97f};
    assertArrayEquals(
        new float[] {0.05f, 0.55f, 1f},
        Corruption.BRIGHTNESS.apply(grey, 1, 1, 3, 1, UNUSED),
        1e-6f);
    // (0.2, 0.4, 0.6): V = 0.6 -> 0.7 at severity 2 (+0.1), hue and saturation kept, so RGB scales
    // by 7/6
    float[] rgb = {0.2f, 0.4f, 0.6f};
    assertArrayEquals(
        new float[] {0.2f * 7 / 6, 0.4f * 7 / 6, 0.7f},
        Corruption.BRIGHTNESS.apply(rgb, 3, 1, 1, 2, UNUSED),
        1e-6f);
  }

  @Test
  void contrastPullsEachChannelTowardsItsMean() {
    // mean 0.5; severity 1 keeps 0.75 of the deviation, severity 5 keeps 0.15
    float[] img = {0f, 1f, 0.5f, 0.5f};
    assertArrayEquals(
        new float[] {0.125f, 0.875f, 0.5f, 0.5f},
        Corruption.CONTRAST.apply(img, 1, 2, 2, 1, UNUSED),
        1e-6f);
    assertArrayEquals(
        new float[] {0.425f, 0.575f, 0.5f, 0.5f},
        Corruption.CONTRAST.apply(img, 1, 2, 2, 5, UNUSED),
        1e-6f);
  }

  @Test
  void pixelateBoxResamplesFourPixelsToThreeAndBack() {
    // severity 1: int(4 * 0.95) = 3. Pillow's BOX 4 -> 3 averages the input pixel centres in
    // windows of width 4/3:
    // [a, b, c, d] -> [a, (b + c) / 2, d]; 3 -> 4 picks the nearest centre: [A, B, C] -> [A, B, B,
    // C].
    float[] img = new float[16];
    for (int k = 0; k < 16; k++) {
      img[k] = k / 16f;
    }
    float[] out = Corruption.PIXELATE.apply(img, 1, 4, 4, 1, UNUSED);
    float[][] expected = new float[4][];
    for (int y = 0; y < 4; y++) {
      float a = img[y * 4];
      float bc = (img[y * 4 + 1] + img[y * 4 + 2]) / 2;
      float d = img[y * 4 + 3];
      expected[y] = new float[] {a, bc, bc, d};
    }
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        int source = y == 0 ? 0 : y == 3 ? 3 : -1;
        float want = source >= 0 ? expected[source][x] : (expected[1][x] + expected[2][x]) / 2;
        assertEquals(want, out[y * 4 + x], 1e-6f, "pixel " + y + "," + x);
      }
    }
  }

  @Test
  void translateShiftsWholePixelsAndFillsWithBlack() {
    Picture p = new Picture(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 1, 3, 4);
    MnistC.shift(p, 1, -1);
    assertArrayEquals(new float[] {0, 5, 6, 7, 0, 9, 10, 11, 0, 0, 0, 0}, p.v, 0f);

    // severity 2 moves a single bright pixel of a 7 x 7 image by 2 pixels along each axis, either
    // way
    float[] dot = new float[49];
    dot[3 * 7 + 3] = 1;
    for (long seed = 0; seed < 8; seed++) {
      float[] out = Corruption.TRANSLATE.apply(dot, 1, 7, 7, 2, new Random(seed));
      int lit = -1;
      for (int k = 0; k < out.length; k++) {
        if (out[k] != 0) {
          assertEquals(-1, lit, "one pixel lit");
          lit = k;
        }
      }
      assertEquals(1f, out[lit]);
      assertEquals(2, Math.abs(lit / 7 - 3));
      assertEquals(2, Math.abs(lit % 7 - 3));
    }
  }

  @Test
  void stripeInvertsSevenColumnsPerSideAtSeverityFive() {
    float[] img = new float[28 * 28];
    Arrays.fill(img, 0.25f);
    float[] out = Corruption.STRIPE.apply(img, 1, 28, 28, 5, UNUSED);
    for (int x = 0; x < 28; x++) {
      float want = x < 7 || x >= 21 ? 0.75f : 0.25f;
      assertEquals(want, out[10 * 28 + x], 0f, "column " + x);
    }
  }

  @Test
  void gaussianNoiseHasTheTableSigmaAndZeroMean() {
    float[] grey = new float[3 * 64 * 64];
    Arrays.fill(grey, 0.5f);
    float[] out = Corruption.GAUSSIAN_NOISE.apply(grey, 3, 64, 64, 1, new Random(11));
    double[] moments = moments(out, 0.5);
    assertEquals(0, moments[0], 0.002); // standard error 0.04 / sqrt(12288) = 0.00036
    assertEquals(0.04, moments[1], 0.002);
  }

  @Test
  void shotNoiseIsPoissonWithTheTablePhotonCount() {
    // x = 0.5: severity 5 draws Poisson(25) / 50 (sd 0.1), severity 1 Poisson(250) / 500 (sd
    // 0.0316)
    float[] grey = new float[3 * 64 * 64];
    Arrays.fill(grey, 0.5f);
    double[] strong = moments(Corruption.SHOT_NOISE.apply(grey, 3, 64, 64, 5, new Random(5)), 0.5);
    assertEquals(0, strong[0], 0.004);
    assertEquals(0.1, strong[1], 0.004);
    double[] mild = moments(Corruption.SHOT_NOISE.apply(grey, 3, 64, 64, 1, new Random(5)), 0.5);
    assertEquals(0, mild[0], 0.0015);
    assertEquals(Math.sqrt(250) / 500, mild[1], 0.0015);
    // small means go through Knuth's method: Poisson(2) has mean 2 and variance 2
    Random rng = new Random(9);
    double sum = 0;
    double sumSquares = 0;
    int n = 20000;
    for (int i = 0; i < n; i++) {
      int k = Poisson.sample(2, rng);
      sum += k;
      sumSquares += (double) k * k;
    }
    assertEquals(2, sum / n, 0.05);
    assertEquals(2, sumSquares / n - (sum / n) * (sum / n), 0.1);
    assertEquals(Math.log(3628800), Poisson.logFactorial(10), 1e-12);
    double lnFactorial30 = 0;
    for (int i = 2; i <= 30; i++) {
      lnFactorial30 += Math.log(i);
    }
    assertEquals(lnFactorial30, Poisson.logFactorial(30), 1e-10);
  }

  @Test
  void impulseNoiseSetsTheTableFractionToBlackOrWhite() {
    float[] grey = new float[3 * 64 * 64];
    Arrays.fill(grey, 0.5f);
    float[] out = Corruption.IMPULSE_NOISE.apply(grey, 3, 64, 64, 5, new Random(2));
    int black = 0;
    int white = 0;
    for (float v : out) {
      black += v == 0 ? 1 : 0;
      white += v == 1 ? 1 : 0;
      assertTrue(v == 0 || v == 1 || v == 0.5f);
    }
    assertEquals(0.07, (black + white) / (double) out.length, 0.007); // 3 standard errors
    assertEquals(0.5, black / (double) (black + white), 0.07);
  }

  @Test
  void defocusAtSeverityOneIsTheThreeByThreeGaussianOfTheAliasBlur() {
    // disk(radius 0.3) is the single centre pixel; blurred by a 3 x 3 Gaussian of sigma 0.4
    float[][] k = Blurs.disk(0.3, 0.4);
    double e = Math.exp(-1 / (2 * 0.4 * 0.4));
    double[] g = {e / (1 + 2 * e), 1 / (1 + 2 * e), e / (1 + 2 * e)};
    assertEquals(3, k.length);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 3; x++) {
        assertEquals(g[y] * g[x], k[y][x], 1e-6);
      }
    }
  }

  @Test
  void motionBlurAtAngleZeroSmearsAPointAlongTheRow() {
    // each pixel reads its right-hand neighbours i = 0..12 (radius 6) with weights exp(-i^2 / 2): a
    // dot at
    // column 10 shows up at columns 10 - i with those weights
    float[] plane = new float[20];
    plane[10] = 1;
    float[] out = Filters.motionBlur(plane, 1, 20, 6, 1, 0);
    double norm = 0;
    for (int i = 0; i < 13; i++) {
      norm += Math.exp(-i * i / 2.0);
    }
    for (int x = 0; x < 20; x++) {
      int i = 10 - x;
      double want = i >= 0 && i < 13 ? Math.exp(-i * i / 2.0) / norm : 0;
      assertEquals(want, out[x], 1e-6, "column " + x);
    }
  }

  @Test
  void cannyFindsAStepEdgeAsOneThinLine() {
    float[] step = new float[20 * 20];
    for (int y = 0; y < 20; y++) {
      for (int x = 10; x < 20; x++) {
        step[y * 20 + x] = 1;
      }
    }
    float[] edges = Canny.edges(step, 20, 20, 1, 0.1, 0.2);
    for (int y = 3; y < 17; y++) {
      int count = 0;
      for (int x = 0; x < 20; x++) {
        if (edges[y * 20 + x] == 1) {
          count++;
          assertTrue(x == 9 || x == 10, "edge at column " + x + " of row " + y);
        }
      }
      assertEquals(1, count, "one edge pixel in row " + y);
    }
  }

  @Test
  void plasmaSpansZeroToOneAndRepeatsWithItsSeed() {
    float[] a = Plasma.generate(32, 2, new Random(4));
    float[] b = Plasma.generate(32, 2, new Random(4));
    assertArrayEquals(a, b, 0f);
    float min = 1;
    float max = 0;
    for (float v : a) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0f, min, 0f);
    assertEquals(1f, max, 1e-6f);
  }

  @Test
  void clippedZoomByOneIsTheIdentity() {
    float[] plane = new float[28 * 28];
    Random rng = new Random(1);
    for (int k = 0; k < plane.length; k++) {
      plane[k] = rng.nextFloat();
    }
    assertArrayEquals(plane, Warp.clippedZoom(plane, 28, 28, 1.0), 1e-6f);
  }

  /** Mean and standard deviation of {@code v - centre}. */
  private static double[] moments(float[] v, double centre) {
    double sum = 0;
    double sumSquares = 0;
    for (float x : v) {
      sum += x - centre;
      sumSquares += (x - centre) * (x - centre);
    }
    double mean = sum / v.length;
    return new double[] {mean, Math.sqrt(sumSquares / v.length - mean * mean)};
  }
}
