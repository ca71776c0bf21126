package org.prunelab.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prunelab.error.InvalidSettingException;

/**
 * WT for a vector field: global magnitude pruning (Han et al. 2015) over every weight matrix W_l,
 * the time-input column of W_0 included (as torchprune prunes every weight of a layer); biases are
 * not pruned. With K = round(k W) ({@link KeepRatio}), the K weights of largest |w| over all layers
 * are kept (ties to the lower index, layer by layer, row-major). A weight that is already 0 scores
 * below every live weight, so in a cascade (k decreasing) each mask is a subset of the previous.
 */
public final class WeightThresholding {
  private WeightThresholding() {}

  /**
   * The masks keeping the round(k W) largest |w| of {@code field}, with W = {@code originalWeights}
   * (the unpruned field's weight count).
   *
   * @throws InvalidSettingException when k is outside (0, 1], keeps no weight, or would empty a
   *     layer
   */
  public static FieldMasks masks(MlpField field, double keep, long originalWeights) {
    long kept = KeepRatio.keptWeights(keep, originalWeights);
    int layers = field.spec().layers();
    List<double[]> scores = new ArrayList<>();
    int total = 0;
    for (int l = 0; l < layers; l++) {
      double[] w = field.weightValues(l);
      double[] s = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        s[i] = w[i] == 0 ? -1 : Math.abs(w[i]);
      }
      scores.add(s);
      total += w.length;
    }
    if (kept > total) {
      throw new InvalidSettingException(
          "keep ratio " + keep + " keeps " + kept + " weights but the field has " + total);
    }
    double[] flat = new double[total];
    int at = 0;
    for (double[] s : scores) {
      System.arraycopy(s, 0, flat, at, s.length);
      at += s.length;
    }
    Integer[] order = new Integer[total];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> compare(flat, a, b));
    boolean[] keptFlat = new boolean[total];
    for (int i = 0; i < kept; i++) {
      keptFlat[order[i]] = true;
    }
    List<boolean[]> masks = new ArrayList<>();
    at = 0;
    for (int l = 0; l < layers; l++) {
      boolean[] m = Arrays.copyOfRange(keptFlat, at, at + scores.get(l).length);
      at += m.length;
      if (!any(m)) {
        throw new InvalidSettingException(
            "WT at keep ratio "
                + keep
                + " would leave layer fc"
                + l
                + " with no weights (every one of them is below the global magnitude threshold);"
                + " use a larger keep ratio");
      }
      masks.add(m);
    }
    return new FieldMasks(masks);
  }

  /** {@link #masks}, applied to {@code field} in place; returns the masks for retraining. */
  public static FieldMasks prune(MlpField field, double keep, long originalWeights) {
    FieldMasks masks = masks(field, keep, originalWeights);
    masks.apply(field);
    return masks;
  }

  /** Larger score first, then lower index. */
  private static int compare(double[] scores, int a, int b) {
    int byScore = Double.compare(scores[b], scores[a]);
    return byScore != 0 ? byScore : Integer.compare(a, b);
  }

  private static boolean any(boolean[] values) {
    for (boolean v : values) {
      if (v) {
        return true;
      }
    }
    return false;
  }
}
