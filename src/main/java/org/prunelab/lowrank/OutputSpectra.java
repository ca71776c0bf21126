package org.prunelab.lowrank;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.job.JobContext;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * Data-informed low-rank errors (PCA of layer outputs): for each factorable layer, the
 * second-moment matrix of its output channels over the sample set S (every sample and output
 * position is one observation z in R^f), M = E[z z^T] = P diag(lambda) P^T. Keeping the top-j
 * eigenvectors P_j projects the output, z_hat = P_j P_j^T z, i.e. W_hat = P_j (P_j^T W) with the
 * bias folded as P_j P_j^T b: encoder P_j^T W (no bias), decoder P_j. The relative output error on
 * S is exactly
 *
 * <pre>  eps(j) = sqrt( sum_{i > j} lambda_i / sum_i lambda_i ) = ||Z - Z_hat||_F / ||Z||_F</pre>
 *
 * <p>when only this layer is factored. Layers are not split into groups (K = 1). The moments are
 * accumulated in float64 over the samples in chunks; the weights are copied, so the network may be
 * closed afterwards.
 */
public final class OutputSpectra implements Spectra {
  /** Samples per forward pass while measuring. */
  private static final int CHUNK = 100;

  private final List<FactorableLayer> layers;
  private final double[][] weights;
  private final float[][] biases;
  private final double[][] eigenvalues;
  private final double[][][] eigenvectors;

  private OutputSpectra(
      List<FactorableLayer> layers,
      double[][] weights,
      float[][] biases,
      double[][] eigenvalues,
      double[][][] eigenvectors) {
    this.layers = List.copyOf(layers);
    this.weights = weights;
    this.biases = biases;
    this.eigenvalues = eigenvalues;
    this.eigenvectors = eigenvectors;
  }

  /**
   * Runs the network in eval mode on the samples (N, input shape...), already normalised as the
   * network expects, and decomposes every factorable layer's output second moment.
   *
   * @throws LowRankException when there are no samples
   */
  public static OutputSpectra measure(Network network, NDArray samples, JobContext ctx) {
    List<FactorableLayer> layers = FactorableLayer.of(network);
    long n = samples.getShape().get(0);
    if (n == 0) {
      throw new LowRankException(
          "PCA needs samples of the layer outputs, got an empty sample set; give the "
              + "pruning sample set S (e.g. its first 500 images)");
    }
    double[][][] moments = new double[layers.size()][][];
    for (int l = 0; l < layers.size(); l++) {
      int f = layers.get(l).outChannels();
      moments[l] = new double[f][f];
    }
    Set<String> names = new LinkedHashSet<>();
    layers.forEach(fl -> names.add(fl.node()));
    for (long start = 0; start < n; start += CHUNK) {
      ctx.checkCancelled();
      long end = Math.min(n, start + CHUNK);
      try (NDManager scope = samples.getManager().newSubManager()) {
        NDArray chunk = samples.get(new NDIndex(start + ":" + end));
        chunk.attach(scope);
        ForwardResult r = network.forward(chunk, ForwardOptions.capturing(Mode.EVAL, names));
        for (int l = 0; l < layers.size(); l++) {
          accumulate(moments[l], r.captured().get(layers.get(l).node()));
        }
      }
      ctx.progress(end, n, "output moments on S");
    }
    double[][] w = new double[layers.size()][];
    float[][] b = new float[layers.size()][];
    double[][] values = new double[layers.size()][];
    double[][][] vectors = new double[layers.size()][][];
    for (int l = 0; l < layers.size(); l++) {
      Map<String, NDArray> p = network.parametersOf(layers.get(l).node());
      float[] wf = p.get("weight").toFloatArray();
      w[l] = new double[wf.length];
      for (int i = 0; i < wf.length; i++) {
        w[l][i] = wf[i];
      }
      b[l] = p.containsKey("bias") ? p.get("bias").toFloatArray() : null;
      SymmetricEigen eig = SymmetricEigen.of(moments[l], true);
      values[l] = eig.values();
      vectors[l] = eig.vectors();
    }
    return new OutputSpectra(layers, w, b, values, vectors);
  }

  /** Adds sum over samples and positions of z z^T of a captured output (N, f[, H, W]) to m. */
  private static void accumulate(double[][] m, NDArray z) {
    int f = m.length;
    long[] shape = z.getShape().getShape();
    long positions = shape.length == 4 ? shape[2] * shape[3] : 1;
    NDArray d =
        z.toType(DataType.FLOAT64, false)
            .reshape(shape[0], f, positions)
            .transpose(1, 0, 2)
            .reshape(f, shape[0] * positions);
    double[] g = d.matMul(d.transpose()).toDoubleArray();
    for (int i = 0; i < f; i++) {
      for (int k = 0; k < f; k++) {
        m[i][k] += g[i * f + k];
      }
    }
  }

  @Override
  public List<FactorableLayer> layers() {
    return layers;
  }

  @Override
  public List<Integer> groupCounts(int layer) {
    return List.of(1);
  }

  @Override
  public double[] errors(int layer, int groups) {
    if (groups != 1) {
      throw new IllegalArgumentException(
          "PCA does not split layers into groups; K must be 1, got " + groups);
    }
    double[] lambda = eigenvalues[layer];
    double total = 0;
    for (double v : lambda) {
      total += Math.max(0, v);
    }
    double[] eps = new double[layers.get(layer).maxRank(1)];
    double tail = total;
    for (int j = 1; j <= eps.length; j++) {
      tail -= Math.max(0, lambda[j - 1]);
      eps[j - 1] = total == 0 ? 0 : Math.sqrt(Math.max(0, tail) / total);
    }
    return eps;
  }

  @Override
  public double[] spectrum(int layer) {
    double[] lambda = eigenvalues[layer];
    double[] s = new double[layers.get(layer).maxRank(1)];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.sqrt(Math.max(0, lambda[i]));
    }
    return s;
  }

  @Override
  public Factors factors(int layer, int groups, int rank) {
    FactorableLayer fl = layers.get(layer);
    if (groups != 1 || rank < 1 || rank > fl.maxRank(1)) {
      throw new IllegalArgumentException(
          "PCA factors need K = 1 and rank in [1, "
              + fl.maxRank(1)
              + "], got K = "
              + groups
              + ", rank "
              + rank
              + " for layer "
              + fl.node());
    }
    int f = fl.outChannels();
    int n = fl.columns();
    double[][] p = eigenvectors[layer];
    double[] w = weights[layer];
    float[] encoder = new float[rank * n];
    float[] decoder = new float[f * rank];
    for (int i = 0; i < rank; i++) {
      for (int t = 0; t < n; t++) {
        double sum = 0;
        for (int o = 0; o < f; o++) {
          sum += p[o][i] * w[o * n + t];
        }
        encoder[i * n + t] = (float) sum;
      }
      for (int o = 0; o < f; o++) {
        decoder[o * rank + i] = (float) p[o][i];
      }
    }
    float[] bias = null;
    if (biases[layer] != null) {
      bias = new float[f];
      double[] proj = new double[rank];
      for (int i = 0; i < rank; i++) {
        for (int o = 0; o < f; o++) {
          proj[i] += p[o][i] * biases[layer][o];
        }
      }
      for (int o = 0; o < f; o++) {
        double sum = 0;
        for (int i = 0; i < rank; i++) {
          sum += p[o][i] * proj[i];
        }
        bias[o] = (float) sum;
      }
    }
    return new Factors(encoder, decoder, bias);
  }
}
