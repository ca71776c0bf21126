package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Mode;

/**
 * ThiNet's greedy channel selection (Luo et al., "ThiNet: A Filter Level Pruning Method for Deep
 * Neural Network Compression", ICCV 2017), per compressible layer. On sampled outputs (image x,
 * output channel i, position p) the layer's output without bias is a sum of per-input-channel
 * contributions, y = sum_j c_j with c_j = sum_k w_ijk a_jkp. Starting from the empty set T, ThiNet
 * repeatedly REMOVES the channel j whose removal changes the sampled outputs least,
 *
 * <pre>
 *   j* = argmin_{j not in T} sum_samples ( sum_{t in T + {j}} c_t )^2,   T = T + {j*},
 * </pre>
 *
 * until one channel remains. The channel removed first is the least important: the score of the
 * channel removed at step r (0-based) of C is (r + 1) / C, so the survivor scores 1. (torchprune
 * keeps the channels ThiNet would remove; this class does not.) Positions are drawn per image from
 * a seeded stream, independent of chunking.
 */
public final class ThiNet implements ScoreFunction {

  /**
   * How many positions a ThiNet run samples, from which seed, and how many images it runs at once.
   *
   * @param positionsPerImage sampled (output channel, position) pairs per image and layer
   * @param seed seed of the sampling
   * @param chunkSize images run through the network together
   */
  public record Options(int positionsPerImage, long seed, int chunkSize) {
    /** Rejects non-positive counts. */
    public Options {
      if (positionsPerImage <= 0) {
        throw new IllegalArgumentException(
            "positionsPerImage must be > 0, got " + positionsPerImage);
      }
      if (chunkSize <= 0) {
        throw new IllegalArgumentException("chunkSize must be > 0 images, got " + chunkSize);
      }
    }
  }

  private final Options options;

  public ThiNet(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "thinet";
  }

  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    return compute(network, samples.images(), options, ctx);
  }

  /**
   * ThiNet scores of every compressible layer's input channels.
   *
   * @throws SensitivityException if S is empty or does not fit the network
   * @throws org.prunelab.nn.NonFiniteException if S or the weights hold NaN or infinity
   */
  public static SensitivityReport compute(
      Network network, NDArray samples, Options options, JobContext ctx) {
    long t0 = System.nanoTime();
    Samples.check(network, samples);
    network.checkFinite();
    List<LayerGeometry> layers = LayerGeometry.of(network);
    int n = Math.toIntExact(samples.getShape().get(0));
    Map<String, double[][]> contributions = new LinkedHashMap<>();
    Map<String, float[]> weights = new LinkedHashMap<>();
    Set<String> capture = new HashSet<>();
    for (LayerGeometry l : layers) {
      contributions.put(l.node(), new double[n * options.positionsPerImage()][]);
      weights.put(l.node(), network.parametersOf(l.node()).get("weight").toFloatArray());
      if (!l.input().equals(Network.INPUT)) {
        capture.add(l.input());
      }
    }
    int chunks = (n + options.chunkSize() - 1) / options.chunkSize();
    try (NDManager scope = samples.getManager().newSubManager()) {
      for (int c = 0; c < chunks; c++) {
        ctx.checkCancelled();
        ctx.progress(c, chunks + 1L, "ThiNet samples");
        try (NDManager chunk = scope.newSubManager()) {
          int from = c * options.chunkSize();
          int to = Math.min(n, from + options.chunkSize());
          NDArray x = Samples.chunk(samples, from, to, chunk);
          ForwardResult r = network.forward(x, ForwardOptions.capturing(Mode.EVAL, capture));
          for (int li = 0; li < layers.size(); li++) {
            LayerGeometry l = layers.get(li);
            NDArray a = l.input().equals(Network.INPUT) ? x : r.captured().get(l.input());
            sample(
                l,
                li,
                a.toFloatArray(),
                from,
                to - from,
                network.shapeOf(l.input()).getShape(),
                weights.get(l.node()),
                options,
                contributions.get(l.node()));
          }
        }
      }
    }
    ctx.progress(chunks, chunks + 1L, "ThiNet greedy selection");
    List<LayerScores> scores = new ArrayList<>();
    for (LayerGeometry l : layers) {
      ctx.checkCancelled();
      scores.add(
          LayerScores.ofInputChannels(
              l.node(), scoresFromOrder(removalOrder(contributions.get(l.node())))));
    }
    ctx.progress(chunks + 1L, chunks + 1L, "ThiNet greedy selection");
    return new SensitivityReport(
        "thinet", n, scores, Duration.ofNanos(System.nanoTime() - t0), Map.of());
  }

  /**
   * Draws the sampled outputs of images {@code first .. first + count - 1} and stores, per sample,
   * the contribution of every input channel (0 for channels outside the output's group).
   */
  private static void sample(
      LayerGeometry l,
      int layerIndex,
      float[] a,
      int first,
      int count,
      long[] inShape,
      float[] w,
      Options options,
      double[][] out) {
    Conv2d conv = l.conv();
    int channels = l.inChannels();
    int inPer = l.inPerGroup();
    int h = conv == null ? 1 : (int) inShape[1];
    int wd = conv == null ? 1 : (int) inShape[2];
    int outH =
        conv == null
            ? 1
            : (h + 2 * conv.padH() - conv.dilationH() * (conv.kernelH() - 1) - 1) / conv.strideH()
                + 1;
    int outW =
        conv == null
            ? 1
            : (wd + 2 * conv.padW() - conv.dilationW() * (conv.kernelW() - 1) - 1) / conv.strideW()
                + 1;
    int kh = conv == null ? 1 : conv.kernelH();
    int kw = conv == null ? 1 : conv.kernelW();
    int plane = h * wd;
    for (int b = 0; b < count; b++) {
      int image = first + b;
      SplittableRandom rng = new SplittableRandom(mix(options.seed(), layerIndex, image));
      for (int t = 0; t < options.positionsPerImage(); t++) {
        int i = rng.nextInt(l.outChannels());
        int p = rng.nextInt(outH * outW);
        int oy = p / outW;
        int ox = p % outW;
        int group = i / l.outPerGroup();
        double[] row = new double[channels];
        for (int jl = 0; jl < inPer; jl++) {
          int j = group * inPer + jl;
          double sum = 0;
          for (int y = 0; y < kh; y++) {
            for (int xk = 0; xk < kw; xk++) {
              int iy = conv == null ? 0 : oy * conv.strideH() - conv.padH() + y * conv.dilationH();
              int ix = conv == null ? 0 : ox * conv.strideW() - conv.padW() + xk * conv.dilationW();
              if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                continue;
              }
              float weight = w[((i * inPer + jl) * kh + y) * kw + xk];
              sum += (double) weight * a[(b * channels + j) * plane + iy * wd + ix];
            }
          }
          row[j] = sum;
        }
        out[image * options.positionsPerImage() + t] = row;
      }
    }
  }

  /**
   * The greedy removal order: element r is the channel removed at step r; the last one is the
   * survivor.
   */
  static int[] removalOrder(double[][] samples) {
    int channels = samples[0].length;
    double[] removedSum = new double[samples.length];
    boolean[] removed = new boolean[channels];
    int[] order = new int[channels];
    for (int step = 0; step < channels; step++) {
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int j = 0; j < channels; j++) {
        if (removed[j]) {
          continue;
        }
        double cost = 0;
        for (int s = 0; s < samples.length; s++) {
          double v = removedSum[s] + samples[s][j];
          cost += v * v;
        }
        if (best < 0 || cost < bestCost) {
          bestCost = cost;
          best = j;
        }
      }
      removed[best] = true;
      order[step] = best;
      for (int s = 0; s < samples.length; s++) {
        removedSum[s] += samples[s][best];
      }
    }
    return order;
  }

  private static float[] scoresFromOrder(int[] order) {
    float[] s = new float[order.length];
    for (int r = 0; r < order.length; r++) {
      s[order[r]] = (float) (r + 1) / order.length;
    }
    return s;
  }

  private static long mix(long seed, long layer, long image) {
    long h = seed;
    for (long part : new long[] {layer, image}) {
      h ^= part + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
      h = new SplittableRandom(h).nextLong();
    }
    return h;
  }
}
