package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.job.JobContext;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Mode;
import org.prunelab.nn.Network;

/**
 * The batched core of PFP and SiPP: for every weight w_ijk of every compressible layer, the data-informed
 * sensitivity s_{i,(j,k)} = max_{x in S} red_p g_{i,(j,k),p}(x) with
 *
 * <pre>
 *   g_{i,(j,k),p}(x) = max( w+_ijk a_jkp / z+_ip , w-_ijk a_jkp / z-_ip ),   z+ = W+ * a, z- = W- * a (no bias),
 * </pre>
 *
 * a term with |z| <= float32 eps counting 0 (Baykal, Liebenwein et al. 2019; Liebenwein, Baykal et al., ICLR 2020).
 * a is the layer's input captured in an eval-mode forward; if it has negative values, a+ and -a- enter as two
 * separate inputs. Since a weight is either positive or negative, g = |w_ijk| a_jkp / |z^{sign w}_ip|, and
 * because |w_ijk| does not depend on x or p it is applied after the reduction.
 *
 * <p>Instead of looping over images and filters, each chunk of S runs through the network once; per layer the
 * input is unfolded to A (G, (C/G) K, N P) with the images' positions side by side, the reciprocal denominators to
 * R (G, F/G, N P), and max_{x,p} A[jk, (x,p)] R[i, (x,p)] is one broadcast product and one max per tile, tiles cut
 * along output channels and positions so no intermediate exceeds the memory cap. The mean over positions is a
 * batched matrix product. All arrays live in a per-chunk native scope.
 */
final class EdgeSensitivity {
  private static final float EPS = Math.ulp(1f);

  /** Weight-shaped sensitivities per layer (node order), time per layer, images used. */
  record Result(Map<String, float[]> weightScores, Map<String, Duration> layerTimes, int samples) {}

  private final Network network;
  private final PfpOptions options;
  private final PatchReduction reduction;
  private final List<LayerGeometry> layers;

  EdgeSensitivity(Network network, PfpOptions options, PatchReduction reduction) {
    this.network = network;
    this.options = options;
    this.reduction = reduction;
    this.layers = LayerGeometry.of(network);
    if (layers.isEmpty()) {
      throw new SensitivityException("the network has no Conv2d or Linear layer to score");
    }
  }

  Result compute(NDArray samples, JobContext ctx) {
    Samples.check(network, samples);
    network.checkFinite();
    int n = Math.toIntExact(samples.getShape().get(0));
    Map<String, float[]> plus = new LinkedHashMap<>();
    Map<String, float[]> minus = new LinkedHashMap<>();
    Map<String, long[]> nanos = new LinkedHashMap<>();
    Set<String> capture = new HashSet<>();
    for (LayerGeometry l : layers) {
      plus.put(l.node(), new float[l.weightCount()]);
      minus.put(l.node(), new float[l.weightCount()]);
      nanos.put(l.node(), new long[1]);
      if (!l.input().equals(Network.INPUT)) {
        capture.add(l.input());
      }
    }
    int chunks = (n + options.chunkSize() - 1) / options.chunkSize();
    try (NDManager scope = samples.getManager().newSubManager()) {
      Map<String, NDArray[]> signedWeights = signedWeights(scope);
      for (int c = 0; c < chunks; c++) {
        ctx.checkCancelled();
        ctx.progress(c, chunks, "sensitivity of " + n + " images");
        try (NDManager chunk = scope.newSubManager()) {
          NDArray x = Samples.chunk(samples, (long) c * options.chunkSize(),
              Math.min(n, (long) (c + 1) * options.chunkSize()), chunk);
          ForwardResult r = network.forward(x, ForwardOptions.capturing(Mode.EVAL, capture));
          for (LayerGeometry l : layers) {
            long t0 = System.nanoTime();
            NDArray a = l.input().equals(Network.INPUT) ? x : r.captured().get(l.input());
            NDArray[] w = signedWeights.get(l.node());
            accumulate(l, a, w[0], w[1], plus.get(l.node()), minus.get(l.node()));
            nanos.get(l.node())[0] += System.nanoTime() - t0;
          }
        }
      }
    }
    ctx.progress(chunks, chunks, "sensitivity of " + n + " images");
    Map<String, float[]> scores = new LinkedHashMap<>();
    Map<String, Duration> times = new LinkedHashMap<>();
    for (LayerGeometry l : layers) {
      float[] w = network.parametersOf(l.node()).get("weight").toFloatArray();
      scores.put(l.node(), combine(w, plus.get(l.node()), minus.get(l.node())));
      times.put(l.node(), Duration.ofNanos(nanos.get(l.node())[0]));
    }
    return new Result(scores, times, n);
  }

  /** Per layer W+ = max(W, 0) and -W- = max(-W, 0), both non-negative, in {@code scope}. */
  private Map<String, NDArray[]> signedWeights(NDManager scope) {
    Map<String, NDArray[]> out = new LinkedHashMap<>();
    for (LayerGeometry l : layers) {
      NDArray w = network.parametersOf(l.node()).get("weight");
      NDArray pos = w.maximum(0f);
      pos.attach(scope);
      NDArray negated = w.neg();
      negated.attach(scope);
      out.put(l.node(), new NDArray[] {pos, negated.maximum(0f)});
    }
    return out;
  }

  /** Folds one chunk's inputs of layer {@code l} into the running maxima for positive and negative weights. */
  private void accumulate(LayerGeometry l, NDArray input, NDArray wPlus, NDArray wMinusAbs, float[] plus,
      float[] minus) {
    NDArray a = input;
    if (a.lt(0f).any().getBoolean()) {
      a = NDArrays.concat(new NDList(a.maximum(0f), a.neg().maximum(0f)), 0);
    }
    NDArray columns = columns(l, a);
    NDArray rPlus = reciprocal(l, a, wPlus);
    NDArray rMinus = reciprocal(l, a, wMinusAbs);
    if (reduction == PatchReduction.MAX) {
      NDArray flatA = sideBySide(columns);
      maxProduct(l, flatA, sideBySide(rPlus), plus);
      maxProduct(l, flatA, sideBySide(rMinus), minus);
    } else {
      meanProduct(l, columns, rPlus, plus);
      meanProduct(l, columns, rMinus, minus);
    }
  }

  /** The layer's input as columns (N, G, (C/G) K, P); a Linear input (N, C) becomes (N, 1, C, 1). */
  private static NDArray columns(LayerGeometry l, NDArray a) {
    if (l.conv() == null) {
      return a.reshape(a.getShape().get(0), 1, l.inChannels(), 1);
    }
    return Unfold.columns(a, l.conv());
  }

  /**
   * 1 / z for z = W a without bias (W non-negative here, so z >= 0), 0 where z <= eps; shape (N, G, F/G, P).
   */
  private static NDArray reciprocal(LayerGeometry l, NDArray a, NDArray w) {
    NDArray z = l.conv() == null ? ai.djl.nn.core.Linear.linear(a, w, null).singletonOrThrow()
        : l.conv().convolve(a, w, null);
    long n = z.getShape().get(0);
    z = z.reshape(n, l.groups(), l.outPerGroup(), -1);
    NDArray inverse = z.getManager().create(1f).div(z);
    return NDArrays.where(z.gt(EPS), inverse, z.zerosLike());
  }

  /** (N, G, R, P) to (G, R, N P): every image's positions side by side, so one max runs over images and positions. */
  private static NDArray sideBySide(NDArray x) {
    long[] s = x.getShape().getShape();
    return x.transpose(1, 2, 0, 3).reshape(s[1], s[2], s[0] * s[3]);
  }

  /**
   * acc[g, i, jk] = max(acc, max_q A[g, jk, q] R[g, i, q]) over tiles of output channels i and positions q.
   * A: (G, (C/G) K, L), R: (G, F/G, L).
   */
  private void maxProduct(LayerGeometry l, NDArray a, NDArray r, float[] acc) {
    int groups = l.groups();
    int rows = l.fanIn();
    int outs = l.outPerGroup();
    long length = a.getShape().get(2);
    long cap = options.capElements();
    int outTile = (long) groups * outs * rows <= cap ? outs : (int) Math.max(1, cap / ((long) groups * rows));
    long posTile = Math.max(1, Math.min(length, cap / ((long) groups * outTile * rows)));
    NDArray aRows = a.expandDims(1);
    for (int i0 = 0; i0 < outs; i0 += outTile) {
      int i1 = Math.min(outs, i0 + outTile);
      for (long q0 = 0; q0 < length; q0 += posTile) {
        long q1 = Math.min(length, q0 + posTile);
        try (NDManager tile = a.getManager().newSubManager()) {
          NDArray aSlice = aRows.get(new NDIndex(":, :, :, {}:{}", q0, q1));
          aSlice.attach(tile);
          NDArray rSlice = r.get(new NDIndex(":, {}:{}, {}:{}", i0, i1, q0, q1));
          rSlice.attach(tile);
          float[] m = aSlice.mul(rSlice.expandDims(2)).max(new int[] {-1}).toFloatArray();
          int width = i1 - i0;
          for (int g = 0; g < groups; g++) {
            for (int i = 0; i < width; i++) {
              int src = (g * width + i) * rows;
              int dst = (g * outs + i0 + i) * rows;
              for (int jk = 0; jk < rows; jk++) {
                acc[dst + jk] = Math.max(acc[dst + jk], m[src + jk]);
              }
            }
          }
        }
      }
    }
  }

  /**
   * acc[g, i, jk] = max(acc, max_x (1/P) sum_p A[x, g, jk, p] R[x, g, i, p]) as a batched matrix product over
   * tiles of images. A: (N, G, (C/G) K, P), R: (N, G, F/G, P).
   */
  private void meanProduct(LayerGeometry l, NDArray a, NDArray r, float[] acc) {
    long n = a.getShape().get(0);
    long positions = a.getShape().get(3);
    int per = l.weightCount();
    long imageTile = Math.max(1, Math.min(n, options.capElements() / per));
    for (long x0 = 0; x0 < n; x0 += imageTile) {
      long x1 = Math.min(n, x0 + imageTile);
      try (NDManager tile = a.getManager().newSubManager()) {
        NDArray rSlice = r.get(new NDIndex("{}:{}", x0, x1));
        rSlice.attach(tile);
        NDArray aSlice = a.get(new NDIndex("{}:{}", x0, x1));
        aSlice.attach(tile);
        float[] m = rSlice.matMul(aSlice.transpose(0, 1, 3, 2)).div(positions).toFloatArray();
        for (int x = 0; x < x1 - x0; x++) {
          for (int e = 0; e < per; e++) {
            acc[e] = Math.max(acc[e], m[x * per + e]);
          }
        }
      }
    }
  }

  /** s = w max_x red_p (a / z+) for w > 0, -w max_x red_p (a / |z-|) for w < 0, 0 for w = 0. */
  private static float[] combine(float[] w, float[] plus, float[] minus) {
    float[] s = new float[w.length];
    for (int e = 0; e < w.length; e++) {
      s[e] = w[e] > 0 ? w[e] * plus[e] : w[e] < 0 ? -w[e] * minus[e] : 0f;
    }
    return s;
  }
}
