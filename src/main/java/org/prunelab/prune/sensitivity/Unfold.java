package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.prunelab.nn.layer.Conv2d;

/**
 * im2col: the receptive fields of a convolution as columns. For input (N, C, H, W) it returns (N,
 * G, (C / G) kH kW, P) with P = H_out W_out output positions, rows ordered like the weight's (in /
 * groups, kH, kW) elements, so column p of group g holds exactly the values filter f of that group
 * multiplies at position p. Built from zero padding and strided slices (exact; stride, padding and
 * dilation respected). DJL has no unfold operator.
 */
final class Unfold {
  private Unfold() {}

  /** Unfolds {@code x}; every result belongs to {@code x}'s manager. */
  static NDArray columns(NDArray x, Conv2d conv) {
    long n = x.getShape().get(0);
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    long outH =
        (h + 2L * conv.padH() - (long) conv.dilationH() * (conv.kernelH() - 1) - 1) / conv.strideH()
            + 1;
    long outW =
        (w + 2L * conv.padW() - (long) conv.dilationW() * (conv.kernelW() - 1) - 1) / conv.strideW()
            + 1;
    NDArray padded =
        conv.padH() == 0 && conv.padW() == 0
            ? x
            : x.pad(new Shape(conv.padW(), conv.padW(), conv.padH(), conv.padH()), 0);
    NDList shifts = new NDList(conv.kernelH() * conv.kernelW());
    for (int kh = 0; kh < conv.kernelH(); kh++) {
      for (int kw = 0; kw < conv.kernelW(); kw++) {
        long top = (long) kh * conv.dilationH();
        long left = (long) kw * conv.dilationW();
        shifts.add(
            padded.get(
                new NDIndex(
                    ":, :, {}:{}:{}, {}:{}:{}",
                    top,
                    top + (outH - 1) * conv.strideH() + 1,
                    conv.strideH(),
                    left,
                    left + (outW - 1) * conv.strideW() + 1,
                    conv.strideW())));
      }
    }
    NDArray stacked = NDArrays.stack(shifts, 2);
    NDArray columns =
        stacked.reshape(
            n,
            conv.groups(),
            (long) conv.inChannels() / conv.groups() * shifts.size(),
            outH * outW);
    stacked.close();
    shifts.close();
    if (padded != x) {
      padded.close();
    }
    return columns;
  }
}
