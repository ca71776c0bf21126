package org.prunelab.prune.allocate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a compression budget counts: the network's parameters or its multiply-accumulates ("FLOPs").
 */
public enum BudgetKind {
  PARAMETERS("params", "parameters"),
  FLOPS("flops", "FLOPs");

  private final String cliName;
  private final String label;

  BudgetKind(String cliName, String label) {
    this.cliName = cliName;
    this.label = label;
  }

  /** The name used on the command line and in JSON reports ({@code params}, {@code flops}). */
  public String cliName() {
    return cliName;
  }

  /** Word used in reports and error messages. */
  public String label() {
    return label;
  }

  /** The command-line names, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(BudgetKind::cliName).toList();
  }

  /**
   * The kind named {@code params} (or {@code parameters}) or {@code flops} (or {@code macs}),
   * case-insensitive.
   *
   * @param field where the name comes from, for the error (e.g. {@code --budget})
   * @throws AllocationException naming the field and the valid names when it is neither
   */
  public static BudgetKind parse(String field, String name) {
    return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
      case "params", "parameters" -> PARAMETERS;
      case "flops", "macs" -> FLOPS;
      default ->
          throw new AllocationException(field + " must be params or flops, got '" + name + "'");
    };
  }
}
