package org.prunelab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prunelab.nn.Network;

/**
 * Unstructured pruning masks for several parameters. {@link #apply} multiplies each parameter in
 * place by its 0/1 mask, so masked weights are zeros in the network itself (and in every file it is
 * saved or exported to). Masks survive training when applied after every optimizer step: {@code
 * trainer.onStep(masks::apply)}.
 */
public final class WeightMasks {
  private final Map<String, WeightMask> masks;

  private WeightMasks(Map<String, WeightMask> masks) {
    this.masks = Collections.unmodifiableMap(masks);
  }

  /**
   * Masks for distinct parameters.
   *
   * @throws InvalidPlanException when two masks name the same parameter
   */
  public static WeightMasks of(Collection<WeightMask> masks) {
    Map<String, WeightMask> byName = new LinkedHashMap<>();
    for (WeightMask m : masks) {
      if (byName.put(m.parameter(), m) != null) {
        throw new InvalidPlanException(
            "two masks for parameter '" + m.parameter() + "'; give one mask per parameter");
      }
    }
    return new WeightMasks(byName);
  }

  /**
   * Per parameter in {@code keep}, keeps the {@code keep.get(name)} elements with the largest
   * scores (ties go to the lower index), e.g. scores |w| for magnitude pruning or |g w| for SNIP.
   *
   * @throws InvalidPlanException when a parameter has no scores, a score is NaN or a count is
   *     outside 0..size
   */
  public static WeightMasks keepTopK(Map<String, float[]> scores, Map<String, Integer> keep) {
    Map<String, WeightMask> masks = new LinkedHashMap<>();
    keep.forEach((name, k) -> masks.put(name, topK(name, scores.get(name), k)));
    return new WeightMasks(masks);
  }

  private static WeightMask topK(String name, float[] scores, int k) {
    if (scores == null) {
      throw new InvalidPlanException(
          "no scores for parameter '" + name + "'; score every parameter you mask");
    }
    if (k < 0 || k > scores.length) {
      throw new InvalidPlanException(
          "parameter '"
              + name
              + "' has "
              + scores.length
              + " elements; it can keep 0 to "
              + scores.length
              + ", not "
              + k);
    }
    float[] sorted = scores.clone();
    Arrays.sort(sorted);
    if (sorted.length > 0 && Float.isNaN(sorted[sorted.length - 1])) {
      throw new InvalidPlanException(
          "the scores of parameter '" + name + "' contain NaN; recompute them");
    }
    boolean[] kept = new boolean[scores.length];
    if (k > 0) {
      float threshold = sorted[scores.length - k];
      int above = 0;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] > threshold) {
          kept[i] = true;
          above++;
        }
      }
      for (int i = 0; i < scores.length && above < k; i++) {
        if (scores[i] == threshold) {
          kept[i] = true;
          above++;
        }
      }
    }
    return WeightMask.of(name, kept);
  }

  /** The masks by parameter name. */
  public Map<String, WeightMask> masks() {
    return masks;
  }

  /** Elements kept over all masked parameters. */
  public long keptCount() {
    return masks.values().stream().mapToLong(WeightMask::keptCount).sum();
  }

  /** Elements of all masked parameters. */
  public long size() {
    return masks.values().stream().mapToLong(WeightMask::size).sum();
  }

  /**
   * Multiplies every masked parameter of the network in place by its mask (outside autograd).
   *
   * @throws InvalidPlanException when the network lacks a parameter or its size differs from the
   *     mask's
   */
  public void apply(Network network) {
    for (WeightMask m : masks.values()) {
      NDArray p = network.parameters().get(m.parameter());
      if (p == null) {
        throw new InvalidPlanException(
            "the network has no parameter '"
                + m.parameter()
                + "'; the masks were made for another network");
      }
      if (p.size() != m.size()) {
        throw new InvalidPlanException(
            "parameter '"
                + m.parameter()
                + "' has "
                + p.size()
                + " elements but its mask "
                + m.size()
                + "; the masks were made for another network");
      }
      try (NDManager scope = p.getManager().newSubManager()) {
        // x * 0 is -0.0 for negative x; adding 0 turns it into +0.0 and leaves every other value
        // unchanged
        p.muli(scope.create(m.factors(), p.getShape())).addi(0f);
      }
    }
  }
}
