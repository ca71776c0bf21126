package org.prunelab.prune.method;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
  SIPP_MEAN("sipp-mean"),
  FT("ft"),
  FT_L1("ft-l1"),
  WT("wt"),
  SNIP("snip"),
  THINET("thinet"),
  RANDOM_FILTERS("random-filters"),
  RANDOM_WEIGHTS("random-weights");

  private final String cliName;

  PruneMethodKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line, in specs and in the results store, e.g. {@code ft-l1}. */
  public String cliName() {
    return cliName;
  }

  /** Every name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(PruneMethodKind::cliName).toList();
  }

  /**
   * The method with that name (case-insensitive).
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
    throw new PruneLabException("unknown pruning method '" + name + "'; choose one of " + names());
  }
}
