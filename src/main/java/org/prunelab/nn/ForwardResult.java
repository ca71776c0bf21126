package org.prunelab.nn;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Output of a forward pass and the captured activations by node name. The arrays belong to the
 * manager of the input batch: they live as long as the caller's scope.
 */
public record ForwardResult(NDArray output, Map<String, NDArray> captured) {}
