package org.prunelab.train;

/**
 * Classification quality on a dataset: top-1 and top-5 accuracy (fractions) and mean cross-entropy
 * loss.
 */
public record Metrics(double top1, double top5, double loss, long samples) {}
