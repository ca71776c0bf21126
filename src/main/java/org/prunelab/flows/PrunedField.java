package org.prunelab.flows;

import java.util.Optional;

/**
 * A pruned vector field (the caller closes it) and, for weight pruning, the masks that keep its
 * pruned weights at 0 when re-applied after every optimizer step of a retraining.
 */
public record PrunedField(MlpField field, Optional<FieldMasks> masks) {

  /** What a retraining runs after every optimizer step: re-applying the masks, if any. */
  public Runnable afterStep() {
    return masks.<Runnable>map(m -> () -> m.apply(field)).orElse(() -> {});
  }
}
