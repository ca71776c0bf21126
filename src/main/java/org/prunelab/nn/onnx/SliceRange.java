package org.prunelab.nn.onnx;

/**
 * ONNX Slice's reading of start, end and step along one axis of size n: negative start and end
 * count from the end, then both are clamped to the axis ([0, n] for positive steps, [-1, n - 1] for
 * negative ones), and the slice takes ceil((end - start) / step) elements from start.
 */
final class SliceRange {
  private SliceRange() {}

  /** Returns {first index, element count}. */
  static long[] of(long start, long end, long step, long n) {
    if (step == 0) {
      throw new IllegalArgumentException("Slice step must not be 0");
    }
    long s = start < 0 ? start + n : start;
    long e = end < 0 ? end + n : end;
    long count;
    if (step > 0) {
      s = clamp(s, 0, n);
      e = clamp(e, 0, n);
      count = e > s ? (e - s + step - 1) / step : 0;
    } else {
      s = clamp(s, 0, n - 1);
      e = clamp(e, -1, n - 1);
      count = s > e ? (s - e - step - 1) / -step : 0;
    }
    return new long[] {s, count};
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
