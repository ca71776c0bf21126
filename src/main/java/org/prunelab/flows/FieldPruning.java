package org.prunelab.flows;

import ai.djl.ndarray.NDManager;
import java.util.Locale;
import java.util.Optional;

/**
 * How a vector field is pruned to a keep ratio k (at most round(k W) of the original field's W
 * weights, {@link KeepRatio}): {@code WT} masks weights by global magnitude ({@link
 * WeightThresholding}), {@code FT} removes the hidden neurons of smallest incoming L1 norm,
 * uniformly per layer ({@link FilterThresholding}).
 */
public enum FieldPruning {
  WT,
  FT;

  /**
   * A pruned copy of {@code field} in a child scope of {@code parent} ({@code field} is unchanged);
   * for WT with the masks retraining must re-apply after every step.
   *
   * @throws org.prunelab.error.InvalidSettingException for a keep ratio outside (0, 1] or one that
   *     would leave a layer without weights or neurons
   */
  public PrunedField prune(MlpField field, double keep, long originalWeights, NDManager parent) {
    return switch (this) {
      case WT -> {
        FieldMasks masks = WeightThresholding.masks(field, keep, originalWeights);
        MlpField copy = field.copy(parent);
        masks.apply(copy);
        yield new PrunedField(copy, Optional.of(masks));
      }
      case FT ->
          new PrunedField(
              FilterThresholding.select(field, keep, originalWeights).shrink(field, parent),
              Optional.empty());
    };
  }

  /** The lower-case name ("wt", "ft"). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
