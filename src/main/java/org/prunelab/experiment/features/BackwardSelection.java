package org.prunelab.experiment.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.NonFiniteException;

/**
 * Sufficient input subsets by backward selection (Carter et al., "What made you do this?", AISTATS
 * 2019, Algorithms 1-2). For an image x, a class c and a threshold tau, with f(x) = softmax
 * probability of c and x_S the image with every feature outside S masked:
 *
 * <pre>
 *   BackSelect:  S = all unmasked features; while S is not empty:
 *                  i* = argmax_{i in S} f(x_{S \ {i}})   (the removal that hurts confidence least;
 *                  S  = S \ {i*}                            ties go to the lowest feature index)
 *                giving the removal order r_1 .. r_F
 *   FindSIS:     the smallest suffix {r_{F-k+1} .. r_F} with f(x_suffix) >= tau
 *   Collection:  find an SIS, mask it, repeat while f(x with every SIS found so far masked) >= tau
 * </pre>
 *
 * Every step scores all remaining candidates in batched forward passes ({@link ClassConfidence}),
 * about F^2/2 images for F features; the result is deterministic (no sampling).
 */
public final class BackwardSelection {
  private final ClassConfidence confidence;
  private final FeatureGrid grid;
  private final double threshold;
  private final int[][] values;
  private final int batch;

  /**
   * Backward selection with {@code confidence} on images of {@code grid}, for threshold tau =
   * {@code threshold} in (0, 1).
   */
  public BackwardSelection(ClassConfidence confidence, FeatureGrid grid, double threshold) {
    this(confidence, grid, threshold, ClassConfidence.BATCH);
  }

  /**
   * As above, scoring at most {@code batch} candidates per forward pass (1 is the one-at-a-time
   * loop the benchmark compares with).
   */
  BackwardSelection(ClassConfidence confidence, FeatureGrid grid, double threshold, int batch) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new InvalidSettingException(
          "SIS threshold " + threshold + " must lie in (0, 1), e.g. 0.9 (a softmax confidence)");
    }
    this.confidence = confidence;
    this.grid = grid;
    this.threshold = threshold;
    this.values = grid.valueIndices();
    this.batch = batch;
  }

  /**
   * The first SIS of {@code image} for {@code klass}, or empty when the network's confidence on the
   * whole image is below the threshold (no subset can then be sufficient).
   */
  public Optional<SufficientInputSubset> find(float[] image, int klass, JobContext ctx) {
    return find(image, klass, new boolean[grid.features()], ctx);
  }

  /**
   * Disjoint SISs of {@code image} for {@code klass}, at most {@code limit}: each found with the
   * earlier ones masked, until the confidence on what is left falls below the threshold.
   */
  public List<SufficientInputSubset> collection(
      float[] image, int klass, int limit, JobContext ctx) {
    boolean[] masked = new boolean[grid.features()];
    List<SufficientInputSubset> found = new ArrayList<>();
    while (found.size() < limit) {
      Optional<SufficientInputSubset> next = find(image, klass, masked, ctx);
      if (next.isEmpty()) {
        break;
      }
      found.add(next.get());
      for (int f : next.get().features()) {
        masked[f] = true;
      }
    }
    return found;
  }

  /** The confidence in {@code klass} when the network sees only {@code features} of the image. */
  public double confidenceOn(float[] image, int klass, List<Integer> features, JobContext ctx) {
    float[] shown = grid.keepOnly(image, features.stream().mapToInt(Integer::intValue).toArray());
    return confidence.of(shown, 1, klass, ctx)[0];
  }

  private Optional<SufficientInputSubset> find(
      float[] image, int klass, boolean[] masked, JobContext ctx) {
    float[] current = image.clone();
    List<Integer> remaining = new ArrayList<>();
    for (int f = 0; f < masked.length; f++) {
      if (masked[f]) {
        zero(current, 0, f);
      } else {
        remaining.add(f);
      }
    }
    if (remaining.isEmpty() || confidence.of(current, 1, klass, ctx)[0] < threshold) {
      return Optional.empty();
    }
    float[] start = current.clone();
    int[] removal = new int[remaining.size()];
    for (int step = 0; step < removal.length; step++) {
      int chosen = leastHarmfulRemoval(current, remaining, klass, ctx);
      removal[step] = remaining.remove(chosen);
      zero(current, 0, removal[step]);
    }
    return Optional.of(smallestSufficientSuffix(start, removal, klass, ctx));
  }

  /** Position in {@code remaining} of the feature whose masking keeps confidence highest. */
  private int leastHarmfulRemoval(
      float[] current, List<Integer> remaining, int klass, JobContext ctx) {
    int size = grid.imageSize();
    int best = -1;
    float bestConfidence = Float.NEGATIVE_INFINITY;
    for (int from = 0; from < remaining.size(); from += batch) {
      int n = Math.min(batch, remaining.size() - from);
      float[] batch = new float[n * size];
      for (int k = 0; k < n; k++) {
        System.arraycopy(current, 0, batch, k * size, size);
        zero(batch, k * size, remaining.get(from + k));
      }
      float[] scores = confidence.of(batch, n, klass, ctx);
      for (int k = 0; k < n; k++) {
        if (scores[k] > bestConfidence) {
          bestConfidence = scores[k];
          best = from + k;
        }
      }
    }
    if (best < 0) {
      throw new NonFiniteException(
          "the network's confidence is NaN on every masked image, so no sufficient input subset"
              + " can be found; check that its weights and the image are finite (prunelab info"
              + " warns about non-finite weights)");
    }
    return best;
  }

  /**
   * The shortest suffix of the removal order (the features removed last) on which the confidence
   * reaches the threshold; {@code start} is the image with only earlier SISs masked.
   */
  private SufficientInputSubset smallestSufficientSuffix(
      float[] start, int[] removal, int klass, JobContext ctx) {
    int size = grid.imageSize();
    int total = removal.length;
    float[] empty = start.clone();
    for (int f : removal) {
      zero(empty, 0, f);
    }
    for (int from = 1; from <= total; from += batch) {
      int n = Math.min(batch, total - from + 1);
      float[] batch = new float[n * size];
      for (int k = 0; k < n; k++) {
        int length = from + k;
        System.arraycopy(empty, 0, batch, k * size, size);
        for (int j = total - length; j < total; j++) {
          for (int v : values[removal[j]]) {
            batch[k * size + v] = start[v];
          }
        }
      }
      float[] scores = confidence.of(batch, n, klass, ctx);
      for (int k = 0; k < n; k++) {
        if (scores[k] >= threshold) {
          int length = from + k;
          List<Integer> features = new ArrayList<>(length);
          for (int j = total - 1; j >= total - length; j--) {
            features.add(removal[j]);
          }
          return new SufficientInputSubset(klass, features, scores[k]);
        }
      }
    }
    throw new IllegalStateException("the whole image reached the threshold but no suffix did");
  }

  private void zero(float[] images, int offset, int feature) {
    for (int v : values[feature]) {
      images[offset + v] = 0f;
    }
  }
}
