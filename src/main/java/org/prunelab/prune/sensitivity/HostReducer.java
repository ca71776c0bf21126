package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Conv2d;

/**
 * The reduction on the host (for a CPU). Per tile of images (cut so the tile's columns and
 * reciprocals stay under the memory cap) the input is unfolded in Java to columns A (G, (C/G) K,
 * images x P), the images' positions side by side, with a+ and -a- as separate images when a has
 * negative values; z+- = [W+; -W-] A is one batched matrix product on the engine (BLAS); R = 1 / z
 * (0 where z <= eps) comes back, and {@link HostKernel} reduces A and R in fused loops. Compared
 * with broadcasting this never materialises the N F (C/G) K P products and touches, per weight,
 * only the denominators of its own sign.
 */
final class HostReducer implements Reducer {
  private final Map<String, float[]> weights = new HashMap<>();
  private final Map<String, NDArray> stacked = new HashMap<>();
  private final boolean max;
  private final long capElements;
  private ByteBuffer staging = ByteBuffer.allocateDirect(0);

  /**
   * Keeps every layer's weight on the host and [W+; -W-] per group, (G, 2 F/G, (C/G) K), in {@code
   * scope}.
   */
  HostReducer(
      Network network,
      List<LayerGeometry> layers,
      PfpOptions options,
      PatchReduction reduction,
      NDManager scope) {
    this.max = reduction == PatchReduction.MAX;
    this.capElements = options.capElements();
    for (LayerGeometry l : layers) {
      float[] w = network.parametersOf(l.node()).get("weight").toFloatArray();
      int outs = l.outPerGroup();
      int rows = l.fanIn();
      float[] signed = new float[2 * w.length];
      for (int g = 0; g < l.groups(); g++) {
        for (int i = 0; i < outs; i++) {
          for (int jk = 0; jk < rows; jk++) {
            float v = w[(g * outs + i) * rows + jk];
            signed[((g * 2 * outs) + i) * rows + jk] = Math.max(v, 0f);
            signed[((g * 2 * outs) + outs + i) * rows + jk] = Math.max(-v, 0f);
          }
        }
      }
      weights.put(l.node(), w);
      stacked.put(l.node(), upload(scope, signed, new Shape(l.groups(), 2L * outs, rows)));
    }
  }

  @Override
  public void accumulate(LayerGeometry l, NDArray input, float[] plus, float[] minus) {
    long[] shape = input.getShape().getShape();
    float[] a = input.toFloatArray();
    boolean negative = false;
    for (float v : a) {
      if (v < 0) {
        negative = true;
        break;
      }
    }
    Columns geometry = new Columns(l, shape, negative ? 2 : 1);
    int images = geometry.images();
    long perImage = (long) l.groups() * (l.fanIn() + 2L * l.outPerGroup()) * geometry.positions();
    int tile = (int) Math.max(1, Math.min(images, capElements / perImage));
    for (int v0 = 0; v0 < images; v0 += tile) {
      int v1 = Math.min(images, v0 + tile);
      float[] columns = geometry.unfold(a, v0, v1);
      int length = (v1 - v0) * geometry.positions();
      float[] reciprocals;
      try (NDManager scope = input.getManager().newSubManager()) {
        NDArray z =
            stacked
                .get(l.node())
                .matMul(upload(scope, columns, new Shape(l.groups(), l.fanIn(), length)));
        z.attach(scope);
        NDArray inverse = scope.create(1f).div(z);
        reciprocals = NDArrays.where(z.gt(EPS), inverse, z.zerosLike()).toFloatArray();
      }
      new HostKernel(l.groups(), l.outPerGroup(), l.fanIn(), v1 - v0, geometry.positions(), max)
          .run(columns, reciprocals, weights.get(l.node()), plus, minus);
    }
  }

  /**
   * Copies floats into a new engine array through one reused direct buffer (DJL's {@code
   * create(float[])} would allocate a direct buffer per call that is freed only by a garbage
   * collection).
   */
  private NDArray upload(NDManager scope, float[] values, Shape shape) {
    int bytes = values.length * Float.BYTES;
    if (staging.capacity() < bytes) {
      staging = ByteBuffer.allocateDirect(Math.max(bytes, 2 * staging.capacity()));
    }
    ByteBuffer view =
        staging.duplicate().clear().limit(bytes).slice().order(ByteOrder.nativeOrder());
    view.asFloatBuffer().put(values);
    NDArray alias = scope.create(view, shape, DataType.FLOAT32);
    NDArray owned = alias.duplicate();
    alias.close();
    return owned;
  }

  /**
   * im2col on the host for a layer's input of shape (N, C, H, W) or (N, C): virtual image v is part
   * v % parts of image v / parts (part 0 = a+, part 1 = -a-; with one part, a itself).
   */
  private record Columns(LayerGeometry l, long[] shape, int parts) {
    int images() {
      return (int) shape[0] * parts;
    }

    int positions() {
      return outH() * outW();
    }

    private int height() {
      return l.conv() == null ? 1 : (int) shape[2];
    }

    private int width() {
      return l.conv() == null ? 1 : (int) shape[3];
    }

    private int outH() {
      Conv2d c = l.conv();
      return c == null
          ? 1
          : (height() + 2 * c.padH() - c.dilationH() * (c.kernelH() - 1) - 1) / c.strideH() + 1;
    }

    private int outW() {
      Conv2d c = l.conv();
      return c == null
          ? 1
          : (width() + 2 * c.padW() - c.dilationW() * (c.kernelW() - 1) - 1) / c.strideW() + 1;
    }

    /** Columns of virtual images v0..v1 as (G, (C/G) K, (v1 - v0) P); padding is 0. */
    float[] unfold(float[] a, int v0, int v1) {
      Conv2d c = l.conv();
      int kh = c == null ? 1 : c.kernelH();
      int kw = c == null ? 1 : c.kernelW();
      int sh = c == null ? 1 : c.strideH();
      int sw = c == null ? 1 : c.strideW();
      int ph = c == null ? 0 : c.padH();
      int pw = c == null ? 0 : c.padW();
      int dh = c == null ? 1 : c.dilationH();
      int dw = c == null ? 1 : c.dilationW();
      int h = height();
      int w = width();
      int oh = outH();
      int ow = outW();
      int p = oh * ow;
      int channels = l.inChannels();
      int length = (v1 - v0) * p;
      float[] out = new float[l.groups() * l.fanIn() * length];
      for (int v = v0; v < v1; v++) {
        int image = v / parts;
        float sign = v % parts == 0 ? 1f : -1f;
        for (int ch = 0; ch < channels; ch++) {
          int inBase = (image * channels + ch) * h * w;
          int rowBase = ch * kh * kw;
          for (int ky = 0; ky < kh; ky++) {
            for (int kx = 0; kx < kw; kx++) {
              int dst = (rowBase + ky * kw + kx) * length + (v - v0) * p;
              for (int oy = 0; oy < oh; oy++) {
                int iy = oy * sh - ph + ky * dh;
                if (iy < 0 || iy >= h) {
                  continue;
                }
                for (int ox = 0; ox < ow; ox++) {
                  int ix = ox * sw - pw + kx * dw;
                  if (ix >= 0 && ix < w) {
                    float value = sign * a[inBase + iy * w + ix];
                    out[dst + oy * ow + ox] = value > 0 ? value : 0f;
                  }
                }
              }
            }
          }
        }
      }
      return out;
    }
  }
}
