package org.prunelab.nn;

import java.util.List;

/**
 * A network's layer table with totals: parameters (trainable and buffers counted apart) and MACs
 * per sample.
 */
public record NetworkSummary(
    long[] inputShape, List<LayerInfo> layers, long parameters, long buffers, long macs) {}
