package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * A procedural stand-in for the frost photographs of ImageNet-C: the ridges {@code 1 - |2 q - 1|}
 * of a rough {@link Plasma} {@code q} (decay 1.5, much fine detail), sharpened to thin bright veins
 * by a cube and laid over a dimmer, smoother plasma haze: {@code frost = clip(0.35 haze + 0.9
 * ridge^3, 0, 1)}, slightly blue on colour pictures. It has the look that matters for the
 * corruption (bright, crystalline, high-frequency structure over the whole image), not the
 * statistics of the original photographs.
 */
final class FrostTexture {

  /** Per-channel tint on RGB pictures: ice is a little blue. */
  static final float[] TINT = {0.85f, 0.93f, 1f};

  /** The luma of {@link #TINT}, used on grey pictures. */
  static final float GREY_TINT =
      Picture.LUMA[0] * TINT[0] + Picture.LUMA[1] * TINT[1] + Picture.LUMA[2] * TINT[2];

  private FrostTexture() {}

  /** An {@code h x w} frost texture in [0, 1]. */
  static float[] generate(int h, int w, Random rng) {
    float[] veins = Plasma.crop(h, w, 1.5, rng);
    float[] haze = Plasma.crop(h, w, 2.5, rng);
    float[] out = new float[h * w];
    for (int k = 0; k < out.length; k++) {
      float ridge = 1 - Math.abs(2 * veins[k] - 1);
      out[k] = Math.min(1f, 0.35f * haze[k] + 0.9f * ridge * ridge * ridge);
    }
    return out;
  }
}
