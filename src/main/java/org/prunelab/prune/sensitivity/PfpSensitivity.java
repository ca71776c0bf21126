package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * Provable Filter Pruning's neuron/filter sensitivity (Liebenwein, Baykal et al., "Provable Filter
 * Pruning for Efficient Neural Networks", ICLR 2020): the importance of input channel j of a layer
 * is
 *
 * <pre>
 *   s_j = max_{x in S} max_i max_p max_k g_{i,(j,k),p}(x),
 *   g_{i,(j,k),p}(x) = max( w+_ijk a_jkp / z+_ip , w-_ijk a_jkp / z-_ip ),   z+- = W+- * a (no bias),
 * </pre>
 *
 * the largest share channel j ever has in any output's positive or negative part (a term with |z|
 * <= float32 eps counts 0; inputs with negative values enter as a+ and -a-). Computed batched and
 * chunked ({@link PfpOptions}), equal to the per-image definition to float32 rounding. The report
 * also carries, per weight, the SiPP sensitivity with max over positions (s_j is its maximum over i
 * and k), at no extra cost.
 */
public final class PfpSensitivity implements ScoreFunction {
  private final PfpOptions options;

  public PfpSensitivity(PfpOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "pfp";
  }

  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    return compute(network, samples.images(), options, ctx);
  }

  /**
   * PFP sensitivities on {@code samples} (N, input shape...), normalised like the training inputs.
   */
  public static SensitivityReport compute(Network network, NDArray samples, PfpOptions options) {
    return compute(network, samples, options, JobContext.silent());
  }

  /**
   * PFP sensitivities with progress and cancellation.
   *
   * @throws SensitivityException if S is empty or does not fit the network
   * @throws org.prunelab.nn.NonFiniteException if S or the weights hold NaN or infinity
   */
  public static SensitivityReport compute(
      Network network, NDArray samples, PfpOptions options, JobContext ctx) {
    long t0 = System.nanoTime();
    EdgeSensitivity.Result r =
        new EdgeSensitivity(network, options, PatchReduction.MAX).compute(samples, ctx);
    List<LayerScores> layers = new ArrayList<>();
    for (LayerGeometry l : LayerGeometry.of(network)) {
      float[] weights = r.weightScores().get(l.node());
      layers.add(new LayerScores(l.node(), perInputChannel(l, weights), null, weights));
    }
    return new SensitivityReport(
        "pfp", r.samples(), layers, Duration.ofNanos(System.nanoTime() - t0), r.layerTimes());
  }

  /**
   * Per input channel j the largest weight score over the outputs i of its group and the kernel
   * positions k. Weight order (out, in / groups, k).
   */
  static float[] perInputChannel(LayerGeometry l, float[] weightScores) {
    float[] s = new float[l.inChannels()];
    int inPer = l.inPerGroup();
    int k = l.kernelSize();
    for (int i = 0; i < l.outChannels(); i++) {
      int group = i / l.outPerGroup();
      for (int jl = 0; jl < inPer; jl++) {
        int j = group * inPer + jl;
        int base = (i * inPer + jl) * k;
        for (int kk = 0; kk < k; kk++) {
          s[j] = Math.max(s[j], weightScores[base + kk]);
        }
      }
    }
    return s;
  }
}
