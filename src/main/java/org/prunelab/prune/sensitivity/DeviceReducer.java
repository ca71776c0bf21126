package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.Network;

/**
 * The reduction with device operators (for a GPU): the input is unfolded to columns A (N, G, (C/G)
 * K, P) ({@link Unfold}), z+- are two convolutions with W+ and -W-, R+- = 1 / z (0 where z <= eps);
 * for MAX the images' positions are laid side by side and max_q A[jk, q] R[i, q] is one broadcast
 * product and one max per tile, tiles cut along output channels and positions to respect the memory
 * cap; for MEAN it is a batched matrix product per tile of images.
 */
final class DeviceReducer implements Reducer {
  private final Map<String, NDArray[]> signedWeights = new HashMap<>();
  private final PatchReduction reduction;
  private final long capElements;

  /** Prepares W+ = max(W, 0) and -W- = max(-W, 0) of every layer in {@code scope}. */
  DeviceReducer(
      Network network,
      List<LayerGeometry> layers,
      PfpOptions options,
      PatchReduction reduction,
      NDManager scope) {
    this.reduction = reduction;
    this.capElements = options.capElements();
    for (LayerGeometry l : layers) {
      NDArray w = network.parametersOf(l.node()).get("weight");
      NDArray pos = w.maximum(0f);
      pos.attach(scope);
      NDArray negated = w.neg();
      negated.attach(scope);
      signedWeights.put(l.node(), new NDArray[] {pos, negated.maximum(0f)});
    }
  }

  @Override
  public void accumulate(LayerGeometry l, NDArray input, float[] plus, float[] minus) {
    NDArray a = input;
    if (a.lt(0f).any().getBoolean()) {
      a = NDArrays.concat(new NDList(a.maximum(0f), a.neg().maximum(0f)), 0);
    }
    NDArray[] w = signedWeights.get(l.node());
    NDArray columns = columns(l, a);
    NDArray rPlus = reciprocal(l, a, w[0]);
    NDArray rMinus = reciprocal(l, a, w[1]);
    if (reduction == PatchReduction.MAX) {
      NDArray flatA = sideBySide(columns);
      maxProduct(l, flatA, sideBySide(rPlus), plus);
      maxProduct(l, flatA, sideBySide(rMinus), minus);
    } else {
      meanProduct(l, columns, rPlus, plus);
      meanProduct(l, columns, rMinus, minus);
    }
  }

  /**
   * The layer's input as columns (N, G, (C/G) K, P); a Linear input (N, C) becomes (N, 1, C, 1).
   */
  private static NDArray columns(LayerGeometry l, NDArray a) {
    if (l.conv() == null) {
      return a.reshape(a.getShape().get(0), 1, l.inChannels(), 1);
    }
    return Unfold.columns(a, l.conv());
  }

  /**
   * 1 / z for z = W a without bias (W non-negative here, so z >= 0), 0 where z <= eps; shape (N, G,
   * F/G, P).
   */
  private static NDArray reciprocal(LayerGeometry l, NDArray a, NDArray w) {
    NDArray z =
        l.conv() == null
            ? ai.djl.nn.core.Linear.linear(a, w, null).singletonOrThrow()
            : l.conv().convolve(a, w, null);
    long n = z.getShape().get(0);
    z = z.reshape(n, l.groups(), l.outPerGroup(), -1);
    NDArray inverse = z.getManager().create(1f).div(z);
    return NDArrays.where(z.gt(EPS), inverse, z.zerosLike());
  }

  /**
   * (N, G, R, P) to (G, R, N P): every image's positions side by side, so one max runs over images
   * and positions.
   */
  private static NDArray sideBySide(NDArray x) {
    long[] s = x.getShape().getShape();
    return x.transpose(1, 2, 0, 3).reshape(s[1], s[2], s[0] * s[3]);
  }

  /**
   * acc[g, i, jk] = max(acc, max_q A[g, jk, q] R[g, i, q]) over tiles of output channels i and
   * positions q. A: (G, (C/G) K, L), R: (G, F/G, L).
   */
  private void maxProduct(LayerGeometry l, NDArray a, NDArray r, float[] acc) {
    int groups = l.groups();
    int rows = l.fanIn();
    int outs = l.outPerGroup();
    long length = a.getShape().get(2);
    long cap = capElements;
    int outTile =
        (long) groups * outs * rows <= cap ? outs : (int) Math.max(1, cap / ((long) groups * rows));
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
   * acc[g, i, jk] = max(acc, max_x (1/P) sum_p A[x, g, jk, p] R[x, g, i, p]) as a batched matrix
   * product over tiles of images. A: (N, G, (C/G) K, P), R: (N, G, F/G, P).
   */
  private void meanProduct(LayerGeometry l, NDArray a, NDArray r, float[] acc) {
    long n = a.getShape().get(0);
    long positions = a.getShape().get(3);
    int per = l.weightCount();
    long imageTile = Math.max(1, Math.min(n, capElements / per));
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
}
