package org.prunelab.lowrank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * Layer errors of ALDS and the SVD family from the weights alone (Liebenwein, Maalouf et al.,
 * "Compressing Neural Networks: Towards Determining the Optimal Layer-wise Decomposition", NeurIPS
 * 2021). The weight W (f x c x k1 x k2) of a layer, folded to the f x c k1 k2 matrix, is split
 * along its input channels into K groups W_1 .. W_K; group g is replaced by its rank-j truncated
 * SVD. By Eckart-Young-Mirsky the error of group g is sigma_{j+1}(W_g), and
 *
 * <pre>  eps(K, j) = max_g sigma_{j+1}(W_g) / ||W||_2</pre>
 *
 * <p>(torchprune's definition; the operator norm of the whole residual [W_1 - W_1^j, ..., W_K -
 * W_K^j] lies between eps ||W||_2 and sqrt(K) eps ||W||_2, and equals eps ||W||_2 for K = 1). The
 * weights are copied in double precision when this object is made, so the network may be closed or
 * changed afterwards. One SVD per group, computed on first use and cached per (layer, K);
 * thread-safe.
 */
public final class WeightSpectra implements Spectra {
  private final List<FactorableLayer> layers;
  private final double[][] weights;
  private final float[][] biases;
  private final Map<Integer, double[]> spectra = new ConcurrentHashMap<>();
  private final Map<Long, double[]> errors = new ConcurrentHashMap<>();

  private WeightSpectra(List<FactorableLayer> layers, double[][] weights, float[][] biases) {
    this.layers = List.copyOf(layers);
    this.weights = weights;
    this.biases = biases;
  }

  /** Copies the weights of the network's factorable layers; nothing is decomposed yet. */
  public static WeightSpectra of(Network network) {
    List<FactorableLayer> layers = FactorableLayer.of(network);
    double[][] w = new double[layers.size()][];
    float[][] b = new float[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      var params = network.parametersOf(layers.get(l).node());
      float[] values = params.get("weight").toFloatArray();
      w[l] = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        w[l][i] = values[i];
      }
      b[l] = params.containsKey("bias") ? params.get("bias").toFloatArray() : null;
    }
    return new WeightSpectra(layers, w, b);
  }

  /**
   * Computes every layer's errors for every K now (one SVD per group), reporting progress per
   * layer.
   */
  public WeightSpectra precompute(JobContext ctx) {
    for (int l = 0; l < layers.size(); l++) {
      for (int k : groupCounts(l)) {
        ctx.checkCancelled();
        errors(l, k);
      }
      ctx.progress(l + 1, layers.size(), "singular values of " + layers.get(l).node());
    }
    return this;
  }

  @Override
  public List<FactorableLayer> layers() {
    return layers;
  }

  @Override
  public List<Integer> groupCounts(int layer) {
    return layers.get(layer).groupCounts();
  }

  @Override
  public double[] errors(int layer, int groups) {
    FactorableLayer fl = layers.get(layer);
    if (!fl.groupCounts().contains(groups)) {
      throw new IllegalArgumentException(
          "layer "
              + fl.node()
              + " cannot be split into "
              + groups
              + " groups; "
              + "possible: "
              + fl.groupCounts());
    }
    return errors
        .computeIfAbsent(((long) layer << 32) | groups, key -> computeErrors(layer, groups))
        .clone();
  }

  @Override
  public double[] spectrum(int layer) {
    FactorableLayer fl = layers.get(layer);
    return spectra
        .computeIfAbsent(
            layer,
            l ->
                MatrixSvd.singularValues(
                    weights[l], 0, fl.columns(), fl.outChannels(), fl.columns()))
        .clone();
  }

  @Override
  public Factors factors(int layer, int groups, int rank) {
    FactorableLayer fl = layers.get(layer);
    int n = fl.columns() / groups;
    if (rank < 1 || rank > fl.maxRank(groups)) {
      throw new IllegalArgumentException(
          "rank "
              + rank
              + " outside [1, "
              + fl.maxRank(groups)
              + "] for layer "
              + fl.node()
              + " in "
              + groups
              + " groups");
    }
    int f = fl.outChannels();
    float[] encoder = new float[groups * rank * n];
    float[] decoder = new float[f * groups * rank];
    for (int g = 0; g < groups; g++) {
      MatrixSvd.Split split = MatrixSvd.factors(weights[layer], g * n, fl.columns(), f, n, rank);
      for (int i = 0; i < rank; i++) {
        int row = (g * rank + i) * n;
        for (int t = 0; t < n; t++) {
          encoder[row + t] = (float) split.encoder()[i][t];
        }
        for (int o = 0; o < f; o++) {
          decoder[o * groups * rank + g * rank + i] = (float) split.decoder()[o][i];
        }
      }
    }
    return new Factors(encoder, decoder, biases[layer] == null ? null : biases[layer].clone());
  }

  private double[] computeErrors(int layer, int groups) {
    FactorableLayer fl = layers.get(layer);
    int n = fl.columns() / groups;
    List<double[]> sigmas = new ArrayList<>();
    if (groups == 1) {
      sigmas.add(spectrum(layer));
    } else {
      for (int g = 0; g < groups; g++) {
        sigmas.add(
            MatrixSvd.singularValues(weights[layer], g * n, fl.columns(), fl.outChannels(), n));
      }
    }
    double norm = spectrum(layer)[0];
    double[] eps = new double[fl.maxRank(groups)];
    for (int j = 1; j <= eps.length; j++) {
      double worst = 0;
      for (double[] s : sigmas) {
        worst = Math.max(worst, j < s.length ? s[j] : 0);
      }
      eps[j - 1] = norm == 0 ? 0 : worst / norm;
    }
    return eps;
  }
}
