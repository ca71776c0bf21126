package org.prunelab.prune.method;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.error.PruneLabException;

/**
 * The pruning methods PruneLab implements, by the name the command line and sweep specs use; {@link
 * PruneMethods#create} builds one. The compression registry of the service layer lists them with
 * their papers and formulas beside the low-rank methods.
 */
public enum PruneMethodKind {
  PFP("pfp"),
  PFP_RANDOM("pfp-random"),
  PFP_TOP_RANDOM("pfp-top-random"),
  SIPP("sipp"),
  SIPP_MAX("sipp-max"),
  FT("ft"),
  SOFTNET("softnet"),
  WT("wt"),
  SNIP("snip"),
  THINET("thinet"),
  RANDOM_FILTERS("random-filters"),
  RANDOM_WEIGHTS("random-weights");

  /**
   * Other names a method is known by: {@code ft-l1} (the name of FT's L1 variant before {@code ft}
   * became L1, docs/adr/0018-methods-under-the-papers-names.md) and {@code ft-l2} for SoftNet.
   */
  private static final Map<String, PruneMethodKind> ALIASES = Map.of("ft-l1", FT, "ft-l2", SOFTNET);

  private final String cliName;

  PruneMethodKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line, in specs and in the results store, e.g. {@code softnet}. */
  public String cliName() {
    return cliName;
  }

  /** Every name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(PruneMethodKind::cliName).toList();
  }

  /**
   * The method with that name (case-insensitive) or one of its {@link #alias aliases}.
   *
   * @throws PruneLabException naming the valid names when there is none
   */
  public static PruneMethodKind parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (PruneMethodKind kind : values()) {
      if (kind.cliName.equals(n)) {
        return kind;
      }
    }
    return alias(n)
        .orElseThrow(
            () ->
                new PruneLabException(
                    "unknown pruning method '" + name + "'; choose one of " + names()));
  }

  /** The method an alias names ({@code ft-l1} is {@code ft}, {@code ft-l2} is {@code softnet}). */
  public static Optional<PruneMethodKind> alias(String name) {
    return Optional.ofNullable(ALIASES.get(name.trim().toLowerCase(Locale.ROOT)));
  }
}
