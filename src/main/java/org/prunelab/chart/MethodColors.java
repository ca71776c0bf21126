package org.prunelab.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per method name, the same in every figure: the known methods have fixed slots of a
 * colour-blind-safe palette (Okabe-Ito plus two darker tones; black marks the unpruned reference),
 * any other name gets a slot chosen from its hash, so it too keeps its colour across figures and
 * runs.
 */
public final class MethodColors {

  private static final List<Color> PALETTE =
      List.of(
          new Color(0x00, 0x72, 0xB2), // blue
          new Color(0xD5, 0x5E, 0x00), // vermillion
          new Color(0x00, 0x9E, 0x73), // bluish green
          new Color(0xCC, 0x79, 0xA7), // reddish purple
          new Color(0xE6, 0x9F, 0x00), // orange
          new Color(0x56, 0xB4, 0xE9), // sky blue
          new Color(0x88, 0x66, 0x00), // brown
          new Color(0x33, 0x33, 0x33), // near black
          new Color(0x7B, 0x3F, 0x9E), // violet
          new Color(0x99, 0x99, 0x33), // olive
          Color.BLACK); // the unpruned reference only

  /**
   * Palette slots shared by methods and other series; black, the last slot, is the unpruned
   * reference's alone.
   */
  private static final int METHOD_SLOTS = 10;

  private static final Map<String, Integer> KNOWN =
      Map.ofEntries(
          Map.entry("pfp", 0),
          Map.entry("sipp", 1),
          Map.entry("alds", 2),
          Map.entry("wt", 3),
          Map.entry("ft", 4),
          Map.entry("snip", 5),
          Map.entry("thinet", 6),
          Map.entry("svd", 7),
          Map.entry("pca", 8),
          Map.entry("lrank", 9),
          Map.entry("sipp-max", 5),
          Map.entry("svd-energy", 6),
          Map.entry("random-weights", 9),
          Map.entry("random-filters", 9),
          Map.entry("unpruned", 10));

  private MethodColors() {}

  /** The colour of {@code method} (matched case-insensitively). */
  public static Color of(String method) {
    String key = method.toLowerCase(Locale.ROOT);
    Integer slot = KNOWN.get(key);
    return PALETTE.get(slot != null ? slot : Math.floorMod(key.hashCode(), METHOD_SLOTS));
  }

  /**
   * The {@code index}-th palette colour, cycling: for series that are not methods (corruptions,
   * layer groups).
   */
  public static Color series(int index) {
    return PALETTE.get(Math.floorMod(index, METHOD_SLOTS));
  }
}
