package org.prunelab.prune.method;

import java.util.stream.Collectors;
import org.prunelab.error.PruneLabException;
import org.prunelab.prune.ChannelGroups;

/** Checks every method makes before it prunes, with messages that say what to do. */
final class MethodSupport {
  private MethodSupport() {}

  static void requireSamples(PruneMethod method, PruneRequest request) {
    if (method.needsSamples() && request.samples() == null) {
      throw new PruneLabException(
          "method "
              + method.name()
              + " reads the sample set S, but none was given; "
              + "pass a dataset (--dataset) or choose a data-free method (ft, wt, random-filters, random-weights)");
    }
  }

  static void requireSomethingPrunable(ChannelGroups groups) {
    if (groups.prunable().isEmpty()) {
      String reasons =
          groups.groups().stream()
              .map(g -> g.id() + ": " + g.reason())
              .collect(Collectors.joining("; "));
      throw new PruneLabException(
          "no channel of this network can be removed ("
              + reasons
              + "); try an "
              + "unstructured method such as wt or sipp");
    }
  }
}
