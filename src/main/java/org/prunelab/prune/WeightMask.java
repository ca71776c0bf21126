package org.prunelab.prune;

import java.util.Objects;

/**
 * Which weights of one parameter stay in unstructured pruning: a 0/1 flag per element, in the
 * parameter's row-major order. Masked weights are held at exactly zero by {@link
 * WeightMasks#apply}.
 */
public final class WeightMask {
  private final String parameter;
  private final float[] factors;
  private final int kept;

  private WeightMask(String parameter, float[] factors, int kept) {
    this.parameter = parameter;
    this.factors = factors;
    this.kept = kept;
  }

  /**
   * The mask keeping the elements flagged {@code true} of the named parameter (e.g. {@code
   * conv1.weight}).
   */
  public static WeightMask of(String parameter, boolean[] keep) {
    Objects.requireNonNull(parameter, "parameter");
    float[] factors = new float[keep.length];
    int kept = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        factors[i] = 1;
        kept++;
      }
    }
    return new WeightMask(parameter, factors, kept);
  }

  public String parameter() {
    return parameter;
  }

  /** Number of elements of the parameter. */
  public int size() {
    return factors.length;
  }

  /** Number of elements that stay. */
  public int keptCount() {
    return kept;
  }

  /** Whether the element at this row-major index stays. */
  public boolean keeps(int index) {
    return factors[index] != 0;
  }

  /** 1 for kept and 0 for masked elements (the array itself: do not modify). */
  float[] factors() {
    return factors;
  }
}
