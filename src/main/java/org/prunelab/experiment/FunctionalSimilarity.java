package org.prunelab.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.data.Randomness;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;
import org.prunelab.results.SimilarityMetric;

/**
 * How alike a pruned network f' and its unpruned original f behave ("Lost in Pruning", Liebenwein
 * et al., MLSys 2021): on inputs x_eps = x + 2 eps (U - 1/2) with U uniform on [0, 1]^d drawn per
 * image and pixel, x the NORMALISED input the network reads (the paper's scale: noise of eps = 0.7
 * is 0.7 standard deviations of the training pixels), not clipped (eps = 0 gives the clean images),
 * it measures over the first N images, N = min(images, {@value #PROBE_IMAGES}) (fifteen noise
 * levels over a whole test set would cost a job more than its evaluation; 1,000 images give the
 * agreement to about 1.3 points of standard error),
 *
 * <pre>
 *   agreement  = (1/N) sum_i [argmax f(x_i) = argmax f'(x_i)]
 *   logit      = (1/N) sum_i || f(x_i) - f'(x_i) ||_2
 *   softmax    = (1/N) sum_i || softmax f(x_i) - softmax f'(x_i) ||_2
 * </pre>
 *
 * Both networks see the same noisy images: the noise of image i at level eps is drawn from a
 * generator seeded with (seed, i, eps), so every job of a sweep is compared on identical inputs.
 */
public final class FunctionalSimilarity {
  /** How many of the images given the probe uses at most (the first ones). */
  public static final int PROBE_IMAGES = 1000;

  /** Noise levels measured when a spec names none: the paper's linspace(0, 0.7, 15). */
  public static final List<Double> DEFAULT_EPS = linspace(0.7, 15);

  private static final int BATCH = 256;

  private FunctionalSimilarity() {}

  /** {@code count} evenly spaced levels from 0 to {@code last}, both included, rounded to 1e-12. */
  private static List<Double> linspace(double last, int count) {
    List<Double> levels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      levels.add(Math.round(last * i / (count - 1) * 1e12) / 1e12);
    }
    return List.copyOf(levels);
  }

  /** The similarity of {@code candidate} to {@code reference} at each eps, in the order given. */
  public static List<SimilarityMetric> measure(
      Network reference,
      Network candidate,
      ImageDataset images,
      Normalization normalization,
      List<Double> eps,
      long seed,
      JobContext ctx) {
    ImageDataset probe =
        images.size() <= PROBE_IMAGES
            ? images
            : images.subset(IntStream.range(0, PROBE_IMAGES).toArray());
    List<SimilarityMetric> rows = new ArrayList<>();
    for (double e : eps) {
      rows.add(measure(reference, candidate, probe, normalization, e, seed, ctx));
    }
    return rows;
  }

  private static SimilarityMetric measure(
      Network reference,
      Network candidate,
      ImageDataset images,
      Normalization normalization,
      double eps,
      long seed,
      JobContext ctx) {
    int n = images.size();
    if (n == 0) {
      throw new IllegalArgumentException("functional similarity needs at least one image");
    }
    int size = images.imageSize();
    int plane = images.height() * images.width();
    Accumulator sums = new Accumulator();
    try (NDManager scope = NDManager.newBaseManager(reference.device())) {
      for (int start = 0; start < n; start += BATCH) {
        ctx.checkCancelled();
        int count = Math.min(BATCH, n - start);
        float[] pixels = new float[count * size];
        for (int k = 0; k < count; k++) {
          images.copyImage(start + k, pixels, k * size);
          normalization.apply(pixels, k * size, plane);
          if (eps > 0) {
            Random random =
                new Random(Randomness.mix(seed, start + k, Double.doubleToLongBits(eps)));
            for (int j = k * size; j < (k + 1) * size; j++) {
              pixels[j] += (float) (2 * eps * (random.nextDouble() - 0.5));
            }
          }
        }
        try (NDManager batchScope = scope.newSubManager()) {
          NDArray input =
              batchScope.create(
                  pixels, new Shape(count, images.channels(), images.height(), images.width()));
          float[] a = reference.forward(input, Mode.EVAL).toFloatArray();
          float[] b = candidate.forward(input, Mode.EVAL).toFloatArray();
          sums.add(a, b, count);
        }
      }
    }
    return new SimilarityMetric(eps, sums.agreeing / n, sums.logit / n, sums.softmax / n);
  }

  /**
   * Running sums over images of agreement and the two distances, from row-major logits (count x
   * classes).
   */
  static final class Accumulator {
    double agreeing;
    double logit;
    double softmax;

    void add(float[] a, float[] b, int count) {
      int classes = a.length / count;
      for (int i = 0; i < count; i++) {
        int off = i * classes;
        agreeing += argmax(a, off, classes) == argmax(b, off, classes) ? 1 : 0;
        double[] pa = softmax(a, off, classes);
        double[] pb = softmax(b, off, classes);
        double dl = 0;
        double ds = 0;
        for (int c = 0; c < classes; c++) {
          double d = (double) a[off + c] - b[off + c];
          dl += d * d;
          ds += (pa[c] - pb[c]) * (pa[c] - pb[c]);
        }
        logit += Math.sqrt(dl);
        softmax += Math.sqrt(ds);
      }
    }

    private static int argmax(float[] v, int off, int n) {
      int best = 0;
      for (int c = 1; c < n; c++) {
        if (v[off + c] > v[off + best]) {
          best = c;
        }
      }
      return best;
    }

    private static double[] softmax(float[] v, int off, int n) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        max = Math.max(max, v[off + c]);
      }
      double[] p = new double[n];
      double sum = 0;
      for (int c = 0; c < n; c++) {
        p[c] = Math.exp(v[off + c] - max);
        sum += p[c];
      }
      for (int c = 0; c < n; c++) {
        p[c] /= sum;
      }
      return p;
    }
  }
}
