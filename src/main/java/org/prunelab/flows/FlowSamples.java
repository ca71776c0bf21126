package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * Points x = z(0) drawn from a continuous normalizing flow by integrating dz/dt = f(z, t) backwards
 * from base samples z(T) ~ N(0, I) (shape [N, d]), with the solve's function evaluations.
 */
public record FlowSamples(NDArray points, int evaluations) {}
