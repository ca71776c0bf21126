package org.prunelab.prune.allocate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The budgeted allocators, each with the name the command line, sweep specs and project files use.
 * A manual allocation (per-layer ratios from a file or the allocation view's bars) is not a kind:
 * it is a {@link ManualAllocator} built from the ratios.
 */
public enum AllocatorKind {
  /** Every unit keeps the same fraction ({@link UniformAllocator}). */
  UNIFORM("uniform"),
  /**
   * PFP's min-max allocation: one shared relative error eps for every layer ({@link
   * OptimalAllocator}).
   */
  OPTIMAL("optimal"),
  /** One threshold on scores normalised per unit ({@link GlobalThresholdAllocator}). */
  GLOBAL("global"),
  /** One threshold on the raw scores across all units (WT, SNIP). */
  GLOBAL_RAW("global-raw");

  private final String cliName;

  AllocatorKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in files, e.g. {@code global-raw}. */
  public String cliName() {
    return cliName;
  }

  /** A new allocator of this kind. */
  public Allocator create() {
    return switch (this) {
      case UNIFORM -> new UniformAllocator();
      case OPTIMAL -> new OptimalAllocator();
      case GLOBAL -> new GlobalThresholdAllocator(true);
      case GLOBAL_RAW -> new GlobalThresholdAllocator(false);
    };
  }

  /** Every kind's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(AllocatorKind::cliName).toList();
  }

  /**
   * The kind with that name (case-insensitive).
   *
   * @throws AllocationException naming the valid names when there is none
   */
  public static AllocatorKind parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (AllocatorKind kind : values()) {
      if (kind.cliName.equals(n)) {
        return kind;
      }
    }
    throw new AllocationException("unknown allocation '" + name + "'; choose one of " + names());
  }

  @Override
  public String toString() {
    return cliName;
  }
}
