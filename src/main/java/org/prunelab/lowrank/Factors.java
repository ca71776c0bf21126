package org.prunelab.lowrank;

/**
 * The parameters of one factored layer, row-major float32. For a convolution split into K groups of
 * rank j: encoder weight (K j, c / K, k1, k2), decoder weight (f, K j, 1, 1); for a linear layer:
 * encoder (j, c), decoder (f, j). The decoder bias (f) is null when the layer has none.
 */
public record Factors(float[] encoderWeight, float[] decoderWeight, float[] decoderBias) {}
