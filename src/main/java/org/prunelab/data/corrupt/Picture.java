package org.prunelab.data.corrupt;

/**
 * A working copy of one image during a corruption: {@code c} planes of {@code h x w} values in C x
 * H x W order, nominally in [0, 1] (intermediate results may leave that range; the caller clamps at
 * the end).
 */
final class Picture {

  /** ITU-R 601 luma weights (OpenCV's {@code COLOR_RGB2GRAY}). */
  static final float[] LUMA = {0.299f, 0.587f, 0.114f};

  final float[] v;
  final int c;
  final int h;
  final int w;

  Picture(float[] v, int c, int h, int w) {
    this.v = v;
    this.c = c;
    this.h = h;
    this.w = w;
  }

  /** A black picture of the given shape. */
  Picture(int c, int h, int w) {
    this(new float[c * h * w], c, h, w);
  }

  /** Pixels per channel. */
  int plane() {
    return h * w;
  }

  /** Value of channel {@code ch} at row {@code y}, column {@code x}. */
  float get(int ch, int y, int x) {
    return v[(ch * h + y) * w + x];
  }

  void set(int ch, int y, int x, float value) {
    v[(ch * h + y) * w + x] = value;
  }

  /** A deep copy. */
  Picture copy() {
    return new Picture(v.clone(), c, h, w);
  }

  /** A copy of channel {@code ch} as an {@code h * w} plane. */
  float[] channel(int ch) {
    float[] out = new float[plane()];
    System.arraycopy(v, ch * plane(), out, 0, plane());
    return out;
  }

  /** Overwrites channel {@code ch} with {@code plane}. */
  void setChannel(int ch, float[] plane) {
    System.arraycopy(plane, 0, v, ch * plane(), plane());
  }

  /** The grey level of each pixel: the only channel of a grey picture, the luma of an RGB one. */
  float[] luminance() {
    if (c == 1) {
      return channel(0);
    }
    float[] out = new float[plane()];
    for (int ch = 0; ch < 3; ch++) {
      for (int k = 0, o = ch * plane(); k < out.length; k++) {
        out[k] += LUMA[ch] * v[o + k];
      }
    }
    return out;
  }

  /** Largest value over all channels. */
  float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** Clamps every value to [0, 1] in place. */
  Picture clamp() {
    for (int k = 0; k < v.length; k++) {
      v[k] = Math.min(1f, Math.max(0f, v[k]));
    }
    return this;
  }

  /**
   * Rounds every value down to the 8-bit grid {@code floor(255 x) / 255}, like numpy's {@code
   * uint8(x * 255)}.
   */
  Picture truncateToBytes() {
    for (int k = 0; k < v.length; k++) {
      v[k] = (float) Math.floor(Math.min(1f, Math.max(0f, v[k])) * 255f) / 255f;
    }
    return this;
  }
}
