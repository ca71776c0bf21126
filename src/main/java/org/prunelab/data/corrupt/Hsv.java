package org.prunelab.data.corrupt;

/**
 * RGB to HSV and back for pictures in [0, 1], as skimage's {@code rgb2hsv} / {@code hsv2rgb}: hue
 * in [0, 1) (a turn), saturation {@code (max - min) / max}, value {@code max}.
 */
final class Hsv {

  private Hsv() {}

  /** Converts the three channels of {@code p} (R, G, B) in place to (H, S, V). */
  static void fromRgb(Picture p) {
    int n = p.plane();
    for (int k = 0; k < n; k++) {
      float r = p.v[k];
      float g = p.v[n + k];
      float b = p.v[2 * n + k];
      float max = Math.max(r, Math.max(g, b));
      float min = Math.min(r, Math.min(g, b));
      float delta = max - min;
      float hue = 0;
      if (delta > 0) {
        if (max == r) {
          hue = (g - b) / delta;
        } else if (max == g) {
          hue = 2 + (b - r) / delta;
        } else {
          hue = 4 + (r - g) / delta;
        }
        hue = hue / 6;
        hue -= (float) Math.floor(hue);
      }
      p.v[k] = hue;
      p.v[n + k] = max > 0 ? delta / max : 0;
      p.v[2 * n + k] = max;
    }
  }

  /** Converts the three channels of {@code p} (H, S, V) in place back to (R, G, B). */
  static void toRgb(Picture p) {
    int n = p.plane();
    for (int k = 0; k < n; k++) {
      float h = p.v[k];
      float s = p.v[n + k];
      float v = p.v[2 * n + k];
      float h6 = (h - (float) Math.floor(h)) * 6;
      int sector = Math.min(5, (int) h6);
      float f = h6 - sector;
      float pp = v * (1 - s);
      float q = v * (1 - s * f);
      float t = v * (1 - s * (1 - f));
      float r;
      float g;
      float b;
      switch (sector) {
        case 0 -> {
          r = v;
          g = t;
          b = pp;
        }
        case 1 -> {
          r = q;
          g = v;
          b = pp;
        }
        case 2 -> {
          r = pp;
          g = v;
          b = t;
        }
        case 3 -> {
          r = pp;
          g = q;
          b = v;
        }
        case 4 -> {
          r = t;
          g = pp;
          b = v;
        }
        default -> {
          r = v;
          g = pp;
          b = q;
        }
      }
      p.v[k] = r;
      p.v[n + k] = g;
      p.v[2 * n + k] = b;
    }
  }
}
