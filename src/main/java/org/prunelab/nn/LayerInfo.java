package org.prunelab.nn;

import java.util.List;

/**
 * One row of a network's layer table, as plain values (no native memory): the node's name and
 * operation, the nodes it reads, per-sample input and output shapes, its parameter count and its
 * multiply-accumulates.
 */
public record LayerInfo(
    String name,
    String op,
    List<String> inputs,
    List<long[]> inputShapes,
    long[] outputShape,
    long params,
    long macs) {}
