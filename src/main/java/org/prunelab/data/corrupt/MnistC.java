package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * The corruptions of Mu and Gilmer's MNIST-C ({@code corruptions.py}) that suit grey digits and
 * clothing. The affine ones (rotate, shear, scale, translate) use MNIST-C's severity tables and its
 * conventions: skimage's {@code warp} with the map about the image centre, bilinear, zeros outside.
 * MNIST-C draws the stroke corruptions and Canny edges at a single strength; PruneLab gives them a
 * severity ladder whose severity 5 is MNIST-C's corruption (stripe, canny edges) or {@code
 * severity} copies of it (dotted line, zigzag).
 */
final class MnistC {

  private static final double[] ROTATE = {0.2, 0.4, 0.6, 0.8, 1.0};
  private static final double[] SHEAR = {0.2, 0.4, 0.6, 0.8, 1.0};
  private static final double[] SCALE = {1 / 0.9, 1 / 0.8, 1 / 0.7, 1 / 0.6, 1 / 0.5};
  private static final int[] TRANSLATE = {1, 2, 3, 4, 5};

  private MnistC() {}

  /** Rotation about the centre by 0.2 to 1 radian (11 to 57 degrees), direction drawn at random. */
  static Picture rotate(Picture p, int severity, Random rng) {
    double a = ROTATE[severity - 1] * sign(rng);
    Warp.affine(
        p,
        Warp.aboutCentre(Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a), p.h, p.w),
        Border.ZERO);
    return p;
  }

  /**
   * Shear about the centre, skimage's {@code AffineTransform(shear=s)}, {@code s} 0.2 to 1 with
   * random sign.
   */
  static Picture shear(Picture p, int severity, Random rng) {
    double s = SHEAR[severity - 1] * sign(rng);
    Warp.affine(p, Warp.aboutCentre(1, -Math.sin(s), 0, Math.cos(s), p.h, p.w), Border.ZERO);
    return p;
  }

  /** Shrinks the picture about its centre to 90 % ... 50 % of its size, black around it. */
  static Picture scale(Picture p, int severity, Random rng) {
    double s = SCALE[severity - 1];
    Warp.affine(p, Warp.aboutCentre(s, 0, 0, s, p.h, p.w), Border.ZERO);
    return p;
  }

  /**
   * Shifts the picture by 1 to 5 pixels along each axis, each direction drawn at random, black
   * shifted in.
   */
  static Picture translate(Picture p, int severity, Random rng) {
    int d = TRANSLATE[severity - 1];
    return shift(p, d * sign(rng), d * sign(rng));
  }

  /**
   * The picture moved {@code right} pixels to the right and {@code down} pixels down, zeros shifted
   * in.
   */
  static Picture shift(Picture p, int right, int down) {
    Warp.affine(p, new double[] {1, 0, -right, 0, 1, -down}, Border.ZERO);
    return p;
  }

  /**
   * Stripe: inverts ({@code 1 - x}) a band of {@code round(w severity / 20)} columns at the left
   * and at the right edge; severity 5 is MNIST-C's stripe (7 of 28 columns per side).
   */
  static Picture stripe(Picture p, int severity, Random rng) {
    int band = (int) Math.round(p.w * severity / 20.0);
    for (int ch = 0; ch < p.c; ch++) {
      for (int y = 0; y < p.h; y++) {
        for (int x = 0; x < p.w; x++) {
          if (x < band || x >= p.w - band) {
            p.set(ch, y, x, 1 - p.get(ch, y, x));
          }
        }
      }
    }
    return p;
  }

  /**
   * Dotted line: {@code severity} MNIST-C dotted lines, each a {@link Lines} stroke across the
   * whole width between two random rows, shown in alternate 2-column dashes.
   */
  static Picture dottedLine(Picture p, int severity, Random rng) {
    for (int i = 0; i < severity; i++) {
      int r0 = rng.nextInt(Math.max(1, p.h - 1));
      int r1 = rng.nextInt(Math.max(1, p.h - 1));
      float[] stroke = Lines.stroke(0, r0, p.w - 1, r1, p.h, p.w);
      for (int y = 0; y < p.h; y++) {
        for (int x = 0; x < p.w; x++) {
          if ((x / 2) % 2 == 0) {
            stroke[y * p.w + x] = 0;
          }
        }
      }
      Lines.add(p, stroke);
    }
    return p;
  }

  /**
   * Zigzag: {@code severity} MNIST-C zigzags, each a chain of {@link Lines} strokes with teeth 2
   * pixels long and 2 high, running from column 2 to column {@code w - 3} at a random row and a
   * slope of up to 5 rows (nothing on images narrower than 6 pixels).
   */
  static Picture zigzag(Picture p, int severity, Random rng) {
    for (int i = 0; i < severity; i++) {
      drawZigzag(p, rng);
    }
    return p;
  }

  private static void drawZigzag(Picture p, Random rng) {
    double a = 2;
    double b = 2;
    double c0 = 2;
    double c1 = p.w - 3;
    if (c1 <= c0) {
      return;
    }
    double r0 = rng.nextInt(Math.max(1, p.h - 1));
    double r1 = r0 + rng.nextInt(10) - 5;
    double theta = Math.atan((r1 - r0) / (c1 - c0));
    double d = (c1 - c0) / Math.cos(theta);
    int teeth = (int) Math.floor((d - a) / (2 * a)) + 1;
    double[] cs = new double[teeth + 2];
    double[] rs = new double[teeth + 2];
    int count = 1;
    double lastR = 0;
    for (int t = 0; t < teeth; t++) {
      cs[count] = (2 * t + 1) * a;
      lastR = t % 2 == 0 ? b : -b;
      rs[count++] = lastR;
    }
    double maxC = 2 * a * Math.floor(d / (2 * a));
    if (d != maxC) {
      cs[count] = d;
      rs[count++] = lastR / (2 * (d - maxC));
    }
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double prevC = c0;
    double prevR = r0;
    for (int k = 1; k < count; k++) {
      double col = cos * cs[k] - sin * rs[k] + c0;
      double row = sin * cs[k] + cos * rs[k] + r0;
      Lines.add(p, Lines.stroke(prevC, prevR, col, row, p.h, p.w));
      prevC = col;
      prevR = row;
    }
  }

  /**
   * Canny edges: the picture faded into its Canny edge map (skimage defaults: sigma 1, thresholds
   * 0.1 and 0.2, on the grey level; {@link Canny}), {@code x' = (1 - t) x + t edges} with {@code t
   * = severity / 5}; severity 5 is MNIST-C's canny_edges, white edges on black.
   */
  static Picture cannyEdges(Picture p, int severity, Random rng) {
    float[] edges = Canny.edges(p.luminance(), p.h, p.w, 1.0, 0.1, 0.2);
    float t = severity / 5f;
    int n = p.plane();
    for (int ch = 0; ch < p.c; ch++) {
      for (int k = 0; k < n; k++) {
        p.v[ch * n + k] = (1 - t) * p.v[ch * n + k] + t * edges[k];
      }
    }
    return p;
  }

  private static int sign(Random rng) {
    return rng.nextBoolean() ? 1 : -1;
  }
}
