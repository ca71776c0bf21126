package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * SiPP's weight (edge) sensitivity (Baykal, Liebenwein et al., "SiPPing Neural Networks:
 * Sensitivity-informed Provable Pruning of Neural Networks", and "Data-dependent coresets for
 * compressing neural networks", ICLR 2019):
 *
 * <pre>
 *   s_{i,(j,k)} = max_{x in S} red_p g_{i,(j,k),p}(x),   red = max or mean over output positions p,
 *   g_{i,(j,k),p}(x) = max( w+_ijk a_jkp / z+_ip , w-_ijk a_jkp / z-_ip ),   z+- = W+- * a (no bias),
 * </pre>
 *
 * with the same conventions as {@link PfpSensitivity}; batched and chunked, equal to the per-image
 * definition to float32 rounding. Per input channel the report carries the largest weight score of
 * that channel.
 */
public final class SippSensitivity implements ScoreFunction {
  private final PfpOptions options;
  private final PatchReduction reduction;

  public SippSensitivity(PfpOptions options, PatchReduction reduction) {
    this.options = options;
    this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
  }

  @Override
  public String name() {
    return methodName(reduction);
  }

  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    return compute(network, samples.images(), options, reduction, ctx);
  }

  /**
   * SiPP weight sensitivities on {@code samples} (N, input shape...), normalised like the training
   * inputs.
   */
  public static SensitivityReport compute(
      Network network, NDArray samples, PfpOptions options, PatchReduction reduction) {
    return compute(network, samples, options, reduction, JobContext.silent());
  }

  /**
   * SiPP weight sensitivities with progress and cancellation.
   *
   * @throws SensitivityException if S is empty or does not fit the network
   * @throws org.prunelab.nn.NonFiniteException if S or the weights hold NaN or infinity
   */
  public static SensitivityReport compute(
      Network network,
      NDArray samples,
      PfpOptions options,
      PatchReduction reduction,
      JobContext ctx) {
    long t0 = System.nanoTime();
    EdgeSensitivity.Result r =
        new EdgeSensitivity(network, options, reduction).compute(samples, ctx);
    List<LayerScores> layers = new ArrayList<>();
    for (LayerGeometry l : LayerGeometry.of(network)) {
      float[] weights = r.weightScores().get(l.node());
      layers.add(
          new LayerScores(l.node(), PfpSensitivity.perInputChannel(l, weights), null, weights));
    }
    return new SensitivityReport(
        methodName(reduction),
        r.samples(),
        layers,
        Duration.ofNanos(System.nanoTime() - t0),
        r.layerTimes());
  }

  private static String methodName(PatchReduction reduction) {
    return reduction == PatchReduction.MAX ? "sipp-max" : "sipp-mean";
  }
}
