package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * What one node's forward computation sees: its batched inputs, its parameters by suffix ({@code
 * weight}, {@code bias}, ...), and the mode.
 */
public record LayerCall(List<NDArray> inputs, Map<String, NDArray> params, Mode mode) {

  public NDArray input() {
    return inputs.get(0);
  }

  /**
   * The parameter with this suffix, or null when the layer was built without it (e.g. a conv
   * without bias).
   */
  public NDArray param(String suffix) {
    return params.get(suffix);
  }
}
