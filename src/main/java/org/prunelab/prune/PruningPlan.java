package org.prunelab.prune;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Which channels of which groups stay: per group id the sorted indices of the kept channels. Groups
 * absent from the map stay whole. Validated against the traced groups: every id names a prunable
 * group, indices are in range and unique, and every listed group keeps at least one channel.
 */
public record PruningPlan(ChannelGroups groups, Map<String, int[]> kept) {

  /**
   * Validates the plan against the traced groups and keeps a sorted copy of each index list.
   *
   * @throws InvalidPlanException naming the group and the problem when the plan does not fit
   */
  public PruningPlan {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(kept, "kept");
    Map<String, int[]> copy = new LinkedHashMap<>();
    kept.forEach((id, indices) -> copy.put(id, validated(groups, id, indices)));
    kept = copy;
  }

  private static int[] validated(ChannelGroups groups, String id, int[] indices) {
    ChannelGroup g = groups.group(id);
    if (!g.prunable()) {
      throw new InvalidPlanException(
          "channel group '"
              + id
              + "' cannot be pruned: "
              + g.reason()
              + "; leave it out of the plan");
    }
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      throw new InvalidPlanException(
          "the plan keeps no channel of group '"
              + id
              + "'; every group keeps at least "
              + "one of its "
              + g.channels()
              + " channels");
    }
    if (sorted[0] < 0 || sorted[sorted.length - 1] >= g.channels()) {
      int bad = sorted[0] < 0 ? sorted[0] : sorted[sorted.length - 1];
      throw new InvalidPlanException(
          "channel "
              + bad
              + " is out of range for group '"
              + id
              + "', which has "
              + g.channels()
              + " channels (0 to "
              + (g.channels() - 1)
              + ")");
    }
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new InvalidPlanException(
            "the plan lists channel "
                + sorted[i]
                + " of group '"
                + id
                + "' twice; give each kept channel once");
      }
    }
    return sorted;
  }

  /** The kept channels by group id (copies; the plan itself is immutable). */
  @Override
  public Map<String, int[]> kept() {
    Map<String, int[]> out = new LinkedHashMap<>();
    kept.forEach((id, indices) -> out.put(id, indices.clone()));
    return out;
  }

  /** How many channels each listed group keeps, the input of {@link SizeModel#sizeWith}. */
  public Map<String, Integer> keptCounts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    kept.forEach((id, indices) -> out.put(id, indices.length));
    return out;
  }

  /**
   * Per channel of the group whether it stays, or null when the plan does not list the group (all
   * stay).
   */
  boolean[] keepMask(String id) {
    int[] indices = kept.get(id);
    if (indices == null) {
      return null;
    }
    boolean[] mask = new boolean[groups.group(id).channels()];
    for (int i : indices) {
      mask[i] = true;
    }
    return mask;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PruningPlan p
        && p.groups == groups
        && p.kept.keySet().equals(kept.keySet())
        && kept.entrySet().stream()
            .allMatch(e -> Arrays.equals(e.getValue(), p.kept.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return kept.entrySet().stream()
        .mapToInt(e -> e.getKey().hashCode() ^ Arrays.hashCode(e.getValue()))
        .sum();
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "PruningPlan{", "}");
    kept.forEach(
        (id, indices) ->
            j.add(id + ": keep " + indices.length + "/" + groups.group(id).channels()));
    return j.toString();
  }
}
