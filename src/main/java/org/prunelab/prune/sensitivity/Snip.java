package org.prunelab.prune.sensitivity;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * SNIP's connection sensitivity (Lee et al., "SNIP: Single-shot Network Pruning based on Connection
 * Sensitivity", ICLR 2019): per weight |dL/dw * w|, with L the mean cross-entropy -1/|S| sum_x log
 * softmax(f(x))[y] over the sample set S. The network runs in eval mode (BatchNorm with its running
 * statistics), so the gradient does not depend on how S is cut into chunks; chunk gradients are
 * accumulated with weight |chunk| / |S|.
 */
public final class Snip implements ScoreFunction {
  private final int chunkSize;

  /**
   * @param chunkSize images per forward/backward pass
   */
  public Snip(int chunkSize) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be > 0 images, got " + chunkSize);
    }
    this.chunkSize = chunkSize;
  }

  @Override
  public String name() {
    return "snip";
  }

  /**
   * |dL/dw * w| for every weight of every compressible layer; the network's weights are left
   * unchanged and their gradients cleared.
   *
   * @throws SensitivityException if S is empty, does not fit the network, or its labels do not
   *     match the images
   * @throws org.prunelab.nn.NonFiniteException if S or the weights hold NaN or infinity
   */
  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    long t0 = System.nanoTime();
    NDArray images = samples.images();
    NDArray labels = samples.labels();
    Samples.check(network, images);
    network.checkFinite();
    long n = images.getShape().get(0);
    if (labels.getShape().dimension() != 1 || labels.getShape().get(0) != n) {
      throw new SensitivityException(
          "SNIP needs one label per image: "
              + n
              + " images but labels of shape "
              + labels.getShape());
    }
    Map<String, NDArray> weights = new LinkedHashMap<>();
    for (LayerGeometry l : LayerGeometry.of(network)) {
      weights.put(l.node(), network.parametersOf(l.node()).get("weight"));
    }
    List<LayerScores> layers = new ArrayList<>();
    weights.values().forEach(w -> w.setRequiresGradient(true));
    try (NDManager scope = images.getManager().newSubManager()) {
      weights.values().forEach(w -> JniUtils.zeroGrad((PtNDArray) w));
      long chunks = (n + chunkSize - 1) / chunkSize;
      for (long c = 0; c < chunks; c++) {
        ctx.checkCancelled();
        ctx.progress(c, chunks, "SNIP gradients");
        try (NDManager chunk = scope.newSubManager()) {
          long from = c * chunkSize;
          long to = Math.min(n, from + chunkSize);
          NDArray x = Samples.chunk(images, from, to, chunk);
          NDArray y = Samples.chunk(labels, from, to, chunk);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = network.forward(x, Mode.EVAL);
            NDArray logp = logits.logSoftmax(1);
            // n as an array of the chunk's scope, not div(Number): DJL releases a number's buffer
            // at once while the backward pass still reads it (see nn.layer.HardSigmoid)
            NDArray count = chunk.create((float) n);
            gc.backward(logp.get(new NDIndex().addAllDim().addPickDim(y)).sum().neg().div(count));
          }
        }
      }
      ctx.progress(chunks, chunks, "SNIP gradients");
      for (Map.Entry<String, NDArray> e : weights.entrySet()) {
        NDArray g = e.getValue().getGradient();
        g.attach(scope);
        layers.add(LayerScores.ofWeights(e.getKey(), g.mul(e.getValue()).abs().toFloatArray()));
      }
    } finally {
      weights
          .values()
          .forEach(
              w -> {
                JniUtils.zeroGrad((PtNDArray) w);
                w.setRequiresGradient(false);
              });
    }
    return new SensitivityReport(
        "snip", Math.toIntExact(n), layers, Duration.ofNanos(System.nanoTime() - t0), Map.of());
  }
}
