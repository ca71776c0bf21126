package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * The weather corruptions of Hendrycks and Dietterich with the severity constants of their {@code
 * make_cifar_c.py} (CIFAR-10-C). Grey pictures use the grey level of the reference's colours (ITU-R
 * 601 luma).
 */
final class Weather {

  /**
   * Snow: flake mean, flake sd, zoom, threshold, motion radius, motion sigma, blend towards grey.
   */
  private static final double[][] SNOW = {
    {0.1, 0.2, 1, 0.6, 8, 3, 0.95},
    {0.1, 0.2, 1, 0.5, 10, 4, 0.9},
    {0.15, 0.3, 1.75, 0.55, 10, 4, 0.9},
    {0.25, 0.3, 2.25, 0.6, 12, 6, 0.85},
    {0.3, 0.3, 1.25, 0.65, 14, 12, 0.8}
  };

  /** Frost: weight of the image, weight of the frost texture. */
  private static final double[][] FROST = {
    {1, 0.2}, {1, 0.3}, {0.9, 0.4}, {0.85, 0.4}, {0.75, 0.45}
  };

  /** Fog: strength, plasma decay. */
  private static final double[][] FOG = {{0.2, 3}, {0.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}};

  /** Spatter: liquid mean, liquid sd, blur sigma, threshold, strength, 0 = water / 1 = mud. */
  private static final double[][] SPATTER = {
    {0.62, 0.1, 0.7, 0.7, 0.5, 0},
    {0.65, 0.1, 0.8, 0.7, 0.5, 0},
    {0.65, 0.3, 1, 0.69, 0.5, 0},
    {0.65, 0.1, 0.7, 0.69, 0.6, 1},
    {0.65, 0.1, 0.5, 0.68, 0.6, 1}
  };

  /** Pale turquoise water and brown mud, RGB. */
  private static final float[] WATER = {175 / 255f, 238 / 255f, 238 / 255f};

  private static final float[] MUD = {63 / 255f, 42 / 255f, 20 / 255f};

  private Weather() {}

  /**
   * Snow: a layer of Gaussian "flakes" {@code N(mean, sd)} is zoomed, thresholded, motion-blurred
   * along a random angle in [-135, -45] degrees and added twice (as it is and turned by 180
   * degrees) to the picture, which is first brightened: {@code x' = b x + (1 - b) max(x, 1.5
   * grey(x) + 0.5)}.
   */
  static Picture snow(Picture p, int severity, Random rng) {
    double[] c = SNOW[severity - 1];
    float[] layer = new float[p.plane()];
    for (int k = 0; k < layer.length; k++) {
      layer[k] = (float) (c[0] + c[1] * rng.nextGaussian());
    }
    layer = Warp.clippedZoom(layer, p.h, p.w, c[2]);
    for (int k = 0; k < layer.length; k++) {
      layer[k] = layer[k] < c[3] ? 0f : (float) Math.floor(Math.min(1f, layer[k]) * 255) / 255f;
    }
    layer = Filters.motionBlur(layer, p.h, p.w, c[4], c[5], -135 + 90 * rng.nextDouble());
    float[] grey = p.luminance();
    float b = (float) c[6];
    int n = p.plane();
    for (int ch = 0; ch < p.c; ch++) {
      for (int k = 0; k < n; k++) {
        float x = p.v[ch * n + k];
        float brightened = b * x + (1 - b) * Math.max(x, grey[k] * 1.5f + 0.5f);
        p.v[ch * n + k] = brightened + layer[k] + layer[n - 1 - k];
      }
    }
    return p;
  }

  /**
   * Frost: {@code a x + b frost}. The reference crops one of six photographs of frost; PruneLab has
   * no such photographs and synthesises a frost-like texture instead ({@link FrostTexture}).
   */
  static Picture frost(Picture p, int severity, Random rng) {
    double[] c = FROST[severity - 1];
    float[] frost = FrostTexture.generate(p.h, p.w, rng);
    int n = p.plane();
    for (int ch = 0; ch < p.c; ch++) {
      float tint = p.c == 1 ? FrostTexture.GREY_TINT : FrostTexture.TINT[ch];
      for (int k = 0; k < n; k++) {
        p.v[ch * n + k] = (float) (c[0] * p.v[ch * n + k] + c[1] * tint * frost[k]);
      }
    }
    return p;
  }

  /**
   * Fog: {@code (x + s plasma) max(x) / (max(x) + s)}, a {@link Plasma} texture of strength {@code
   * s} added and the result rescaled so the brightest value keeps its place.
   */
  static Picture fog(Picture p, int severity, Random rng) {
    double[] c = FOG[severity - 1];
    float max = p.max();
    float[] plasma = Plasma.crop(p.h, p.w, c[1], rng);
    int n = p.plane();
    float scale = (float) (max / (max + c[0]));
    for (int ch = 0; ch < p.c; ch++) {
      for (int k = 0; k < n; k++) {
        p.v[ch * n + k] = (p.v[ch * n + k] + (float) c[0] * plasma[k]) * scale;
      }
    }
    return p;
  }

  /**
   * Spatter: a liquid layer {@code N(mean, sd)}, blurred and thresholded. Severities 1-3 add shaded
   * water drops (the layer times a relief made from its Canny edges by a distance transform,
   * histogram equalisation and an emboss filter, {@link WaterRelief}); severities 4-5 paint opaque
   * mud where the blurred drop mask exceeds 0.8.
   */
  static Picture spatter(Picture p, int severity, Random rng) {
    double[] c = SPATTER[severity - 1];
    float[] liquid = new float[p.plane()];
    for (int k = 0; k < liquid.length; k++) {
      liquid[k] = (float) (c[0] + c[1] * rng.nextGaussian());
    }
    liquid = Filters.gaussian(liquid, p.h, p.w, c[2], Border.NEAREST);
    for (int k = 0; k < liquid.length; k++) {
      if (liquid[k] < c[3]) {
        liquid[k] = 0;
      }
    }
    int n = p.plane();
    if (c[5] == 0) {
      float[] m = WaterRelief.shade(liquid, p.h, p.w);
      for (int ch = 0; ch < p.c; ch++) {
        float colour = colour(WATER, p.c, ch);
        for (int k = 0; k < n; k++) {
          p.v[ch * n + k] += (float) c[4] * m[k] * colour;
        }
      }
      return p;
    }
    float[] mask = new float[n];
    for (int k = 0; k < n; k++) {
      mask[k] = liquid[k] > c[3] ? 1 : 0;
    }
    mask = Filters.gaussian(mask, p.h, p.w, c[4], Border.NEAREST);
    for (int ch = 0; ch < p.c; ch++) {
      float colour = colour(MUD, p.c, ch);
      for (int k = 0; k < n; k++) {
        float m = mask[k] < 0.8f ? 0 : mask[k];
        p.v[ch * n + k] = p.v[ch * n + k] * (1 - m) + colour * m;
      }
    }
    return p;
  }

  /** Channel {@code ch} of an RGB colour, or its luma on a grey picture. */
  private static float colour(float[] rgb, int channels, int ch) {
    if (channels == 1) {
      return Picture.LUMA[0] * rgb[0] + Picture.LUMA[1] * rgb[1] + Picture.LUMA[2] * rgb[2];
    }
    return rgb[ch];
  }
}
