package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * 0/1 masks M_l, one per weight matrix W_l of an {@link MlpField} (row-major [out, in]); biases are
 * not masked. {@link #apply} sets W_l <- W_l (.) M_l in place, so the masked weights are zeros in
 * the field itself; applied after every optimizer step of a retraining, they keep pruned weights at
 * exactly 0.
 */
public final class FieldMasks {
  private final List<boolean[]> kept;

  FieldMasks(List<boolean[]> kept) {
    this.kept = List.copyOf(kept);
  }

  /** Number of masked layers (the field's linear layers). */
  public int layers() {
    return kept.size();
  }

  /** Whether each weight of W_l is kept, row-major (a copy). */
  public boolean[] kept(int layer) {
    return kept.get(layer).clone();
  }

  /** Number of weights kept, over every layer. */
  public long keptCount() {
    long n = 0;
    for (boolean[] layer : kept) {
      for (boolean k : layer) {
        if (k) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * W_l <- W_l (.) M_l for every layer of {@code field}, in place and outside autograd (the field's
   * parameters are leaves; this runs between optimizer steps).
   *
   * @throws IllegalArgumentException when the masks were made for a field of another shape
   */
  public void apply(MlpField field) {
    if (field.spec().layers() != kept.size()) {
      throw new IllegalArgumentException("the masks were made for a field of another shape");
    }
    for (int l = 0; l < kept.size(); l++) {
      NDArray w = field.weight(l);
      boolean[] layer = kept.get(l);
      if (w.getShape().size() != layer.length) {
        throw new IllegalArgumentException("the masks were made for a field of another shape");
      }
      float[] factors = new float[layer.length];
      for (int i = 0; i < layer.length; i++) {
        factors[i] = layer[i] ? 1f : 0f;
      }
      try (NDManager scope = w.getManager().newSubManager()) {
        w.muli(scope.create(factors, w.getShape()).toType(w.getDataType(), false));
      }
    }
  }
}
