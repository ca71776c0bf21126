package org.prunelab.prune;

/**
 * Size of a network: trainable parameters (BatchNorm statistics excluded) and multiply-accumulates
 * per sample.
 */
public record NetworkSize(long parameters, long macs) {}
