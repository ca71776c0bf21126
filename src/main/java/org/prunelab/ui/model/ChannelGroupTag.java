package org.prunelab.ui.model;

/**
 * The channel group a layer's output channels belong to, as the model view shows it: the group's
 * id, its index (which picks the row colour, so coupled layers share one) and, for a group that
 * cannot be pruned, why.
 */
public record ChannelGroupTag(String id, int index, String unprunableReason) {

  public boolean prunable() {
    return unprunableReason == null;
  }
}
