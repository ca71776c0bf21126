package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * A vector field's value f(z, t) (shape [N, d]) together with its Jacobian-vector products (df/dz)
 * v for k tangents v per sample (shape [N, k, d]).
 */
public record FieldJvp(NDArray value, NDArray jvp) {}
