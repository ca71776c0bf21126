package org.prunelab.data.corrupt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Looks corruptions up by the names users type, and lists them. */
public final class Corruptions {

  /**
   * The file names of CIFAR-10-C and MNIST-C for the two corruptions PruneLab names more briefly.
   */
  private static final Map<String, Corruption> ALIASES =
      Map.of(
          "jpeg_compression", Corruption.JPEG,
          "elastic_transform", Corruption.ELASTIC);

  private Corruptions() {}

  /** Every corruption, grouped by family in the order of the papers. */
  public static List<Corruption> all() {
    return List.of(Corruption.values());
  }

  /**
   * The names {@link #byName} accepts (besides the aliases {@code jpeg_compression}, {@code
   * elastic_transform}).
   */
  public static List<String> names() {
    return Arrays.stream(Corruption.values()).map(Corruption::id).toList();
  }

  /**
   * The corruption called {@code name}, ignoring case, with {@code -} or a space accepted for
   * {@code _} ({@code "Motion Blur"}, {@code motion-blur}, {@code motion_blur}).
   *
   * @throws CorruptionException if there is no such corruption; the message lists the valid names
   */
  public static Corruption byName(String name) {
    String key =
        name == null
            ? ""
            : name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    Corruption alias = ALIASES.get(key);
    if (alias != null) {
      return alias;
    }
    return Arrays.stream(Corruption.values())
        .filter(c -> c.id().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new CorruptionException(
                    "Unknown corruption '"
                        + name
                        + "'; valid names are "
                        + Arrays.stream(Corruption.values())
                            .map(Corruption::id)
                            .collect(Collectors.joining(", "))));
  }
}
