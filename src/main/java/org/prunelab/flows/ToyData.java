package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * n points of a 2-D toy dataset, row-major in {@code points} (x_0, y_0, x_1, y_1, ...), with one
 * label per point (the class, or the mode a point was drawn from).
 */
public final class ToyData {
  private final float[] points;
  private final int[] labels;

  ToyData(float[] points, int[] labels) {
    this.points = points;
    this.labels = labels;
  }

  /** Number of points. */
  public int size() {
    return labels.length;
  }

  /** A copy of the coordinates, row-major [n, 2]. */
  public float[] points() {
    return points.clone();
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The points as an [n, 2] array of {@code type} in {@code scope}. */
  public NDArray points(NDManager scope, DataType type) {
    return scope.create(points, new Shape(size(), 2)).toType(type, false);
  }

  /** The labels as an int64 [n] array in {@code scope} (what cross-entropy picks with). */
  public NDArray labels(NDManager scope) {
    return scope.create(Arrays.stream(labels).asLongStream().toArray());
  }
}
