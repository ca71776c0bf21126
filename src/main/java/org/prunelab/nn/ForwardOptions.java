package org.prunelab.nn;

import java.util.Set;
import org.prunelab.nn.layer.Mode;

/**
 * How to run a forward pass: the mode, the nodes whose outputs to keep (activation capture), and
 * whether an eval-mode pass may fold BatchNorm into the preceding convolution (same function, about
 * 1.3x faster on CPU).
 */
public record ForwardOptions(Mode mode, Set<String> capture, boolean foldBatchNorm) {
  public ForwardOptions {
    capture = Set.copyOf(capture);
  }

  public static ForwardOptions of(Mode mode) {
    return new ForwardOptions(mode, Set.of(), true);
  }

  /** Eval mode keeping the outputs of the named nodes. */
  public static ForwardOptions capturing(Mode mode, Set<String> nodes) {
    return new ForwardOptions(mode, nodes, true);
  }

  public ForwardOptions withoutFolding() {
    return new ForwardOptions(mode, capture, false);
  }
}
