package org.prunelab.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prunelab.error.InvalidSettingException;

/**
 * FT for a vector field: filter thresholding (Li et al. 2017, torchprune's FilterThresNet, the FT
 * of "Lost in Pruning"), as PruneLab's {@code ft} does for networks. Hidden neuron j of linear
 * layer l scores the L1 norm of its incoming weights, s_j = ||W_l[j, :]||_1 = sum_i |W_l[j, i]|.
 * Allocation is uniform, like {@code ft}'s default allocator: every hidden layer u of width n_u
 * keeps c_u = max(1, round(r n_u)) neurons, the c_u of largest s_j (ties to the lower index), with
 * r the largest fraction whose field has at most K = round(k W) weights ({@link KeepRatio}, W the
 * original field's weights), found by bisection; then single neurons are added while they fit, to
 * the layer with the smallest fraction kept first. The input (z, t) and the output dimension stay.
 */
public final class FilterThresholding {
  private static final int BISECTION_STEPS = 60;

  private FilterThresholding() {}

  /**
   * The neurons of {@code field} that FT at keep ratio k keeps, with W = {@code originalWeights}.
   *
   * @throws InvalidSettingException when k is outside (0, 1], when even one neuron per hidden layer
   *     has more than round(k W) weights, or when the field has no hidden layer
   */
  public static NeuronSelection select(MlpField field, double keep, long originalWeights) {
    long budget = KeepRatio.keptWeights(keep, originalWeights);
    MlpSpec spec = field.spec();
    int hidden = spec.hidden().size();
    if (hidden == 0) {
      throw new InvalidSettingException(
          "FT removes hidden neurons but this field has no hidden layer; use WT");
    }
    int[] widths = spec.hidden().stream().mapToInt(Integer::intValue).toArray();
    int[] ones = new int[hidden];
    Arrays.fill(ones, 1);
    long smallest = weightsOf(spec, ones);
    if (smallest > budget) {
      throw new InvalidSettingException(
          String.format(
              "FT at keep ratio %s would leave a hidden layer with no neurons: one neuron per"
                  + " hidden layer already has %d weights, more than round(%s x %d) = %d; use a"
                  + " keep ratio of at least %.4f",
              keep, smallest, keep, originalWeights, budget, (double) smallest / originalWeights));
    }
    int[] counts = allocate(spec, widths, budget);
    List<int[]> kept = new ArrayList<>();
    for (int l = 0; l < hidden; l++) {
      kept.add(topByL1(field.weightValues(l), widths[l], spec.inFeatures(l), counts[l]));
    }
    return new NeuronSelection(kept);
  }

  /** The L1 norm of every row of W_l ([out, in] row-major). */
  public static double[] rowL1Norms(double[] weight, int out, int in) {
    double[] norms = new double[out];
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        norms[j] += Math.abs(weight[j * in + i]);
      }
    }
    return norms;
  }

  private static int[] topByL1(double[] weight, int out, int in, int count) {
    double[] norms = rowL1Norms(weight, out, in);
    Integer[] order = new Integer[out];
    Arrays.setAll(order, j -> j);
    Arrays.sort(
        order,
        (a, b) -> {
          int byNorm = Double.compare(norms[b], norms[a]);
          return byNorm != 0 ? byNorm : Integer.compare(a, b);
        });
    int[] kept = new int[count];
    for (int i = 0; i < count; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return kept;
  }

  private static int[] allocate(MlpSpec spec, int[] widths, long budget) {
    int[] best = uniform(widths, 0);
    if (weightsOf(spec, uniform(widths, 1)) <= budget) {
      return uniform(widths, 1);
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = 0.5 * (lo + hi);
      int[] counts = uniform(widths, mid);
      if (weightsOf(spec, counts) <= budget) {
        lo = mid;
        best = counts;
      } else {
        hi = mid;
      }
    }
    topUp(spec, widths, best, budget);
    return best;
  }

  private static void topUp(MlpSpec spec, int[] widths, int[] counts, long budget) {
    boolean added = true;
    while (added) {
      added = false;
      Integer[] order = new Integer[widths.length];
      Arrays.setAll(order, u -> u);
      Arrays.sort(
          order,
          (a, b) -> Double.compare((double) counts[a] / widths[a], (double) counts[b] / widths[b]));
      for (int u : order) {
        if (counts[u] < widths[u]) {
          counts[u]++;
          if (weightsOf(spec, counts) <= budget) {
            added = true;
            break;
          }
          counts[u]--;
        }
      }
    }
  }

  private static int[] uniform(int[] widths, double r) {
    int[] counts = new int[widths.length];
    for (int u = 0; u < widths.length; u++) {
      counts[u] = (int) Math.max(1, Math.min(widths[u], Math.round(r * widths[u])));
    }
    return counts;
  }

  /** Weights of the field with hidden widths {@code counts}: sum_l out_l in_l. */
  private static long weightsOf(MlpSpec spec, int[] counts) {
    long total = 0;
    long in = spec.dimension() + 1L;
    for (int count : counts) {
      total += in * count;
      in = count;
    }
    return total + in * spec.dimension();
  }
}
