package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.job.JobContext;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * The batched core of PFP and SiPP: for every weight w_ijk of every compressible layer, the
 * data-informed sensitivity s_{i,(j,k)} = max_{x in S} red_p g_{i,(j,k),p}(x) with
 *
 * <pre>
 *   g_{i,(j,k),p}(x) = max( w+_ijk a_jkp / z+_ip , w-_ijk a_jkp / z-_ip ),   z+ = W+ * a, z- = W- * a (no bias),
 * </pre>
 *
 * a term with |z| <= float32 eps counting 0 (Baykal, Liebenwein et al. 2019; Liebenwein, Baykal et
 * al., ICLR 2020). a is the layer's input captured in an eval-mode forward; if it has negative
 * values, a+ and -a- enter as two separate inputs. Since a weight is either positive or negative, g
 * = |w_ijk| a_jkp / |z^{sign w}_ip|, and because |w_ijk| does not depend on x or p it is applied
 * after the reduction.
 *
 * <p>Instead of looping over images and filters, each chunk of S runs through the network once (all
 * arrays in a per-chunk native scope) and every layer's inputs are reduced at once by a {@link
 * Reducer}: on a CPU {@link HostReducer} (fused multiply-max loops; libtorch has no fused operator
 * for it), on a GPU {@link DeviceReducer} (broadcast operators).
 */
final class EdgeSensitivity {

  /** Weight-shaped sensitivities per layer (node order), time per layer, images used. */
  record Result(Map<String, float[]> weightScores, Map<String, Duration> layerTimes, int samples) {}

  private final Network network;
  private final PfpOptions options;
  private final PatchReduction reduction;
  private final boolean onHost;
  private final List<LayerGeometry> layers;

  /** Reduces on the host on a CPU and with device operators on a GPU. */
  EdgeSensitivity(Network network, PfpOptions options, PatchReduction reduction) {
    this(network, options, reduction, !network.device().isGpu());
  }

  /**
   * @param onHost reduce with {@link HostReducer} (true) or {@link DeviceReducer} (false)
   */
  EdgeSensitivity(Network network, PfpOptions options, PatchReduction reduction, boolean onHost) {
    this.network = network;
    this.options = options;
    this.reduction = reduction;
    this.onHost = onHost;
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
      Reducer reducer =
          onHost
              ? new HostReducer(network, layers, options, reduction, scope)
              : new DeviceReducer(network, layers, options, reduction, scope);
      for (int c = 0; c < chunks; c++) {
        ctx.checkCancelled();
        ctx.progress(c, chunks, "sensitivity of " + n + " images");
        try (NDManager chunk = scope.newSubManager()) {
          NDArray x =
              Samples.chunk(
                  samples,
                  (long) c * options.chunkSize(),
                  Math.min(n, (long) (c + 1) * options.chunkSize()),
                  chunk);
          ForwardResult r = network.forward(x, ForwardOptions.capturing(Mode.EVAL, capture));
          for (LayerGeometry l : layers) {
            long t0 = System.nanoTime();
            NDArray a = l.input().equals(Network.INPUT) ? x : r.captured().get(l.input());
            reducer.accumulate(l, a, plus.get(l.node()), minus.get(l.node()));
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

  /** s = w max_x red_p (a / z+) for w > 0, -w max_x red_p (a / |z-|) for w < 0, 0 for w = 0. */
  private static float[] combine(float[] w, float[] plus, float[] minus) {
    float[] s = new float[w.length];
    for (int e = 0; e < w.length; e++) {
      s[e] = w[e] > 0 ? w[e] * plus[e] : w[e] < 0 ? -w[e] * minus[e] : 0f;
    }
    return s;
  }
}
