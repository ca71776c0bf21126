package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Mode;

/**
 * The PFP sensitivity computed the way torchprune's BaseSensTracker does it, written with the same
 * DJL operators as the batched version: images go through the network one at a time (a mini-batch
 * of 1), and per layer a loop over output filters f computes g_f = max(w+_f A / z+_f, w-_f A /
 * z-_f) on the unfolded input A (denominators with |z| <= eps set to infinity), reduces it over
 * positions and kernel offsets, and folds the result into the running maxima. Ungrouped layers only
 * (all of ResNet-20). Returns per layer the weight-shaped SiPP-max values; the PFP input-channel
 * values follow from them as in {@link PfpSensitivity}.
 */
final class TorchpruneStyleLoop {
  private static final float EPS = Math.ulp(1f);

  private TorchpruneStyleLoop() {}

  static Map<String, float[]> weightSensitivities(Network net, NDArray images) {
    List<LayerGeometry> layers = LayerGeometry.of(net);
    Set<String> capture = new HashSet<>();
    layers.forEach(l -> capture.add(l.input()));
    capture.remove(Network.INPUT);
    Map<String, NDArray> sens = new LinkedHashMap<>();
    Map<String, float[]> out = new LinkedHashMap<>();
    try (NDManager scope = images.getManager().newSubManager()) {
      for (LayerGeometry l : layers) {
        sens.put(l.node(), scope.zeros(new ai.djl.ndarray.types.Shape(l.outChannels(), l.fanIn())));
      }
      long n = images.getShape().get(0);
      for (long x = 0; x < n; x++) {
        try (NDManager point = scope.newSubManager()) {
          NDArray one = Samples.chunk(images, x, x + 1, point);
          ForwardResult r = net.forward(one, ForwardOptions.capturing(Mode.EVAL, capture));
          for (LayerGeometry l : layers) {
            NDArray a = l.input().equals(Network.INPUT) ? one : r.captured().get(l.input());
            NDArray g = layer(l, a, net.parametersOf(l.node()).get("weight"), point);
            NDArray running = sens.get(l.node());
            NDArray updated = running.maximum(g.max(new int[] {0}));
            updated.attach(scope);
            running.close();
            sens.put(l.node(), updated);
          }
        }
      }
      sens.forEach((node, s) -> out.put(node, s.toFloatArray()));
    }
    return out;
  }

  /** torchprune's _update_g_sens for one image: (images, F, fan-in) sensitivities. */
  private static NDArray layer(LayerGeometry l, NDArray input, NDArray weight, NDManager point) {
    NDArray a = input;
    if (a.lt(0f).any().getBoolean()) {
      a = NDArrays.concat(new NDList(a.maximum(0f), a.minimum(0f).neg()), 0);
    }
    NDArray wPlus = weight.maximum(0f);
    wPlus.attach(point);
    NDArray wMinus = weight.minimum(0f);
    wMinus.attach(point);
    long n = a.getShape().get(0);
    NDArray zPlus = denominator(l, a, wPlus, n);
    NDArray zMinus = denominator(l, a, wMinus, n);
    NDArray columns =
        l.conv() == null
            ? a.reshape(n, l.inChannels(), 1)
            : Unfold.columns(a, l.conv()).reshape(n, l.fanIn(), -1);
    NDArray wPlusRows = wPlus.reshape(l.outChannels(), l.fanIn(), 1);
    NDArray wMinusRows = wMinus.reshape(l.outChannels(), l.fanIn(), 1);
    NDList perFilter = new NDList(l.outChannels());
    for (int f = 0; f < l.outChannels(); f++) {
      NDArray plus = wPlusRows.get(f).mul(columns).div(zPlus.get(":, {}:{}, :", f, f + 1));
      NDArray minus = wMinusRows.get(f).mul(columns).div(zMinus.get(":, {}:{}, :", f, f + 1));
      perFilter.add(plus.maximum(minus).max(new int[] {-1}));
    }
    return NDArrays.stack(perFilter, 1);
  }

  /** z = W a without bias as (images, F, positions), with |z| <= eps replaced by infinity. */
  private static NDArray denominator(LayerGeometry l, NDArray a, NDArray w, long n) {
    NDArray z =
        l.conv() == null
            ? ai.djl.nn.core.Linear.linear(a, w, null).singletonOrThrow()
            : l.conv().convolve(a, w, null);
    z = z.reshape(n, l.outChannels(), -1);
    return NDArrays.where(z.abs().lte(EPS), z.onesLike().muli(Float.POSITIVE_INFINITY), z);
  }
}
