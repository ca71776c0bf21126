package org.prunelab.nn;

import java.util.List;
import org.prunelab.nn.layer.Layer;

/**
 * One node of a network graph: a unique name, its operation, and the names of the nodes it reads.
 */
public record Node(String name, Layer layer, List<String> inputs) {
  public Node {
    inputs = List.copyOf(inputs);
  }
}
