package org.prunelab.data.corrupt;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeverityProbe {
  @Test
  void print() {
    for (int kind = 0; kind < 2; kind++) {
      List<float[]> imgs = kind == 0 ? TestImages.grey(8) : TestImages.colour(8);
      int c = kind == 0 ? 1 : 3;
      int s = kind == 0 ? 28 : 32;
      for (Corruption cor : Corruption.values()) {
        StringBuilder sb = new StringBuilder(String.format("%s %-15s", c, cor.id()));
        long t0 = System.nanoTime();
        for (int sev = 1; sev <= 5; sev++) {
          double sum = 0;
          for (int i = 0; i < imgs.size(); i++) {
            float[] out = cor.apply(imgs.get(i), c, s, s, sev, new Random(i));
            double d = 0;
            for (int k = 0; k < out.length; k++) {
              d += (out[k] - imgs.get(i)[k]) * (out[k] - imgs.get(i)[k]);
            }
            sum += Math.sqrt(d);
          }
          sb.append(String.format(" %7.3f", sum / imgs.size()));
        }
        sb.append(String.format("  %6.2f ms/img", (System.nanoTime() - t0) / 1e6 / 40));
        System.err.println(sb);
      }
    }
  }
}
