package org.prunelab.prune.allocate;

import java.util.List;

/** The budgeted allocators by command-line name. */
public final class Allocators {
  /** Names accepted by {@link #byName}. */
  public static final List<String> NAMES = List.of("uniform", "optimal", "global", "global-raw");

  private Allocators() {}

  /**
   * The allocator of that name.
   *
   * @throws AllocationException naming the valid names when there is none
   */
  public static Allocator byName(String name) {
    return switch (name) {
      case "uniform" -> new UniformAllocator();
      case "optimal" -> new OptimalAllocator();
      case "global" -> new GlobalThresholdAllocator(true);
      case "global-raw" -> new GlobalThresholdAllocator(false);
      default ->
          throw new AllocationException(
              "unknown allocation '"
                  + name
                  + "'; choose one of "
                  + NAMES
                  + " or give a JSON file of per-layer keep ratios");
    };
  }
}
